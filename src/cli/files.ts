/**
 * The files inside a folder that plain-send reads, found recursively, for `check FOLDER` and
 * `audit FOLDER`. A folder may be huge or odd (links that loop, folders it may not open): the
 * walk streams paths in a stable order, follows each real folder once, and reports what it
 * could not open instead of stopping.
 */
import { opendir, realpath, stat, type Dir, type Stats } from 'node:fs';
import { join } from 'node:path';

// The callback forms as promises: node:fs/promises loads modules of its own (readline, streams),
// a cost to every short check, which imports this module.
const callback =
  <T>(resolve: (value: T) => void, reject: (error: unknown) => void) =>
  (error: NodeJS.ErrnoException | null, value: T) =>
    error ? reject(error) : resolve(value);
export const statAsync = (path: string) => new Promise<Stats>((ok, fail) => stat(path, callback(ok, fail)));
const realpathAsync = (path: string) => new Promise<string>((ok, fail) => realpath(path, callback(ok, fail)));
const opendirAsync = (path: string) => new Promise<Dir>((ok, fail) => opendir(path, callback(ok, fail)));

/** The kinds of file a folder walk picks up (a named file may be any kind `kindOf` accepts). */
export const FOLDER_EXTENSIONS: ReadonlySet<string> = new Set(['txt', 'md', 'markdown', 'html', 'htm', 'docx']);

/** Folders never worth reading: tools' stores and hidden folders (`.git`). */
const SKIPPED = new Set(['node_modules', '__MACOSX']);

export interface WalkProblem {
  path: string;
  error: NodeJS.ErrnoException;
}

export interface WalkOptions {
  /** File extensions (lower case, no dot) to yield; default `FOLDER_EXTENSIONS`. */
  extensions?: ReadonlySet<string>;
  /** Called for a folder or entry that cannot be opened; the walk goes on. */
  onProblem?: (problem: WalkProblem) => void;
}

/**
 * Yields the readable files under `folder`: each folder's own files, then its subfolders, names
 * in code-point order, so two runs list the same files in the same order. Hidden files and
 * folders are left out.
 */
export async function* filesIn(folder: string, options: WalkOptions = {}): AsyncGenerator<string> {
  const extensions = options.extensions ?? FOLDER_EXTENSIONS;
  const seen = new Set<string>();
  // An explicit stack, not recursion: a folder tree thousands deep must not overflow.
  const stack: string[] = [folder];
  while (stack.length) {
    const dir = stack.pop()!;
    let entries: { name: string; kind: 'file' | 'dir' | 'link' | 'other' }[];
    try {
      const real = await realpathAsync(dir);
      if (seen.has(real)) continue;
      seen.add(real);
      entries = [];
      for await (const e of await opendirAsync(dir)) {
        if (e.name.startsWith('.')) continue;
        entries.push({
          name: e.name,
          kind: e.isFile() ? 'file' : e.isDirectory() ? 'dir' : e.isSymbolicLink() ? 'link' : 'other',
        });
      }
    } catch (error) {
      options.onProblem?.({ path: dir, error: error as NodeJS.ErrnoException });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
    const subfolders: string[] = [];
    for (const entry of entries) {
      const path = join(dir, entry.name);
      let kind = entry.kind;
      if (kind === 'link') {
        try {
          const target = await statAsync(path);
          kind = target.isFile() ? 'file' : target.isDirectory() ? 'dir' : 'other';
        } catch (error) {
          options.onProblem?.({ path, error: error as NodeJS.ErrnoException });
          continue;
        }
      }
      if (kind === 'dir' && !SKIPPED.has(entry.name)) subfolders.push(path);
      else if (kind === 'file' && extensions.has(extensionOf(entry.name))) yield path;
    }
    // Pushed in reverse so the first subfolder by name is walked first.
    for (let i = subfolders.length - 1; i >= 0; i--) stack.push(subfolders[i]);
  }
}

function extensionOf(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}
