/**
 * The user's own terms file (--terms), for `check` and `audit` alike: read, checked and made the
 * engine's pack. The YAML parser loads only here, only when a terms file is named.
 */
import type { Pack } from '../engine/index.js';
import { decodeText } from './extract.js';
import { ExtractError, describe } from './problem.js';

/** What is wrong with the terms file, in plain words (the caller puts its own name in front). */
export class TermsFileProblem extends Error {}

/** The file's terms as packs; `action` says what did not happen if the file is refused ("checked"). */
export async function readTermsFile(path: string, action: string): Promise<Pack[]> {
  const { MAX_DICTIONARY_BYTES, parseOwnDictionary } = await import('../engine/dictionary/parse.js');
  // Loaded here, not by every check (node:fs/promises brings modules of its own).
  const { readFile, stat } = await import('node:fs/promises');
  let source: string;
  try {
    const info = await stat(path);
    if (info.isDirectory()) throw new ExtractError('is a folder: name the file inside it.');
    if (info.size > MAX_DICTIONARY_BYTES)
      throw new ExtractError(
        `is too large (${Math.round(info.size / 1e6)} MB); a terms file may be at most ${MAX_DICTIONARY_BYTES / 1e6} MB.`,
      );
    source = decodeText(await readFile(path)).text;
  } catch (error) {
    throw new TermsFileProblem(
      error instanceof ExtractError
        ? `your terms file ${path} ${error.message}`
        : `cannot read your terms file ${path}: ${describe(error)}`,
    );
  }
  const result = parseOwnDictionary(source, path);
  if (!result.file)
    throw new TermsFileProblem(
      `your terms file has problems, so nothing was ${action}:\n  ${shownErrors(result.errors).join('\n  ')}`,
    );
  const { mergeFiles } = await import('../engine/dictionary/validate.js');
  return [...mergeFiles([result.file]).values()];
}

/** The first problems in a terms file, and how many more (a broken 20,000-term file is not 20,000 lines). */
function shownErrors(errors: readonly string[], shown = 20): string[] {
  return errors.length > shown
    ? [...errors.slice(0, shown), `… and ${errors.length - shown} more problems.`]
    : [...errors];
}
