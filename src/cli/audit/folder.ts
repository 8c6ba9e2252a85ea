/**
 * A folder audited like a site: every web page, Word document, PDF, text and Markdown file in
 * it and its subfolders (the shared folder walk), read from disk with the same size cap.
 */
import { readFile, stat } from 'node:fs/promises';
import { relative } from 'node:path';
import { FOLDER_EXTENSIONS, filesIn } from '../files.js';
import { kindOfPath, type DocumentKind } from './document.js';

export const AUDIT_EXTENSIONS: ReadonlySet<string> = new Set([...FOLDER_EXTENSIONS, 'pdf']);

export interface FolderFile {
  path: string;
  /** Shown in the report: the path inside the folder. */
  name: string;
  kind: DocumentKind;
  bytes: Uint8Array;
}

export interface FolderHandler {
  file(file: FolderFile): Promise<void>;
  problem(path: string, message: string): void;
  progress(done: number, label: string): void;
}

export async function readFolder(folder: string, maxBytes: number, maxFiles: number, handler: FolderHandler) {
  let done = 0;
  let overLimit = 0;
  for await (const path of filesIn(folder, {
    extensions: AUDIT_EXTENSIONS,
    onProblem: ({ path, error }) =>
      handler.problem(relative(folder, path) || path, `could not be opened (${error.code ?? error.message}).`),
  })) {
    const name = relative(folder, path);
    if (done >= maxFiles) {
      overLimit++;
      continue;
    }
    done++;
    handler.progress(done, name);
    try {
      const info = await stat(path);
      if (info.size > maxBytes) {
        handler.problem(
          name,
          `is larger than the ${Number((maxBytes / 1048576).toFixed(1))} MB limit (${Number((info.size / 1048576).toFixed(1))} MB); raise --max-size to read it.`,
        );
        continue;
      }
      await handler.file({ path, name, kind: kindOfPath(path)!, bytes: await readFile(path) });
    } catch (error) {
      handler.problem(
        name,
        `could not be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message}).`,
      );
    }
  }
  return { read: done, overLimit };
}
