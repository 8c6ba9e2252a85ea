/** What went wrong with a file, in plain words: shared by the command, its readers and its workers. */

/** A file plain-send will not or cannot read; the message says why in plain words. */
export class ExtractError extends Error {}

/** What went wrong with one file, in plain words (the reader's own, or "cannot be read"). */
export function problem(error: unknown): string {
  if (error instanceof ExtractError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `cannot be read: ${describe(error)}`;
  if (error instanceof RangeError && /memory|string length|array length|buffer/i.test(error.message))
    return 'is too large to check in the memory this computer gives Node.js; split it into smaller files.';
  return `could not be checked because of a problem in plain-send (${String((error as Error)?.message ?? error)
    .split('\n')[0]
    .slice(0, 200)}). Please report it; the other files were checked.`;
}

export function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
  if (code === 'EISDIR') return 'it is a folder.';
  if (code === 'ENOTDIR') return 'a part of the path is not a folder.';
  if (code === 'ELOOP') return 'its links go round in a loop.';
  if (error instanceof ExtractError) return error.message;
  return (error as Error)?.message ?? String(error);
}
