/**
 * One file checked and turned into output: the same code in the main thread and in a worker,
 * so a batch spread over threads prints byte for byte what one thread prints.
 */
import { closeSync, fstatSync, openSync, readFileSync } from 'node:fs';
import type { Analyser, AnalyseOptions, LineBreakMode, Pack } from '../engine/index.js';
import { MAX_FILE_BYTES, extract, kindOf, type FileKind } from './extract.js';
import { COLOUR_STYLE, PLAIN_STYLE, humanLines, jsonFileChunks, type FileResult } from './format.js';
import { ExtractError } from './problem.js';

/** What the user chose for the engine; plain data, so it can be handed to a worker. */
export interface CheckOptions {
  audience?: AnalyseOptions['audience'];
  /** Packs named with --pack. */
  packs: string[];
  /** --only-packs: the named packs and no others. */
  onlyPacks: boolean;
  /** The user's own terms (--terms), already read. */
  extraPacks: Pack[];
  ignore?: string[];
}

/** The analyser for a way of reading line breaks ('hard' for plain text, 'soft' for Markdown). */
export type Analysers = (lineBreaks: LineBreakMode) => Analyser;

export interface OutputOptions {
  json: boolean;
  colour: boolean;
}

/** A batch's settings: plain data, handed to each worker as it starts. */
export interface BatchSettings extends OutputOptions {
  options: CheckOptions;
  /** Files checked at a time (--jobs); undefined: one per core for a large batch. */
  jobs?: number;
}

/** A checked file: its result (this thread) or its output already made (a worker), or its problem. */
export type Outcome =
  | { path: string; result: FileResult; found: boolean }
  | { path: string; pieces: string[]; found: boolean }
  | { path: string; problem: string };

export async function checkFile(
  path: string,
  analysers: () => Promise<Analysers>,
  readStdin: () => Promise<Uint8Array>,
): Promise<FileResult> {
  const { bytes, kind } = await readInput(path, readStdin);
  const { text, lineBreaks, warning } = await extract(bytes, kind);
  return { path, text, analysis: (await analysers())(lineBreaks).analyse(text), warning };
}

/** Whether the file has something to look at (acronyms the text explains do not count). */
export const hasFindings = (result: FileResult) => result.analysis.findings.some((f) => !f.explained);

/**
 * One file's output, piece by piece, as if it were not the first file: JSON starts with the
 * comma that separates it from the file before (the printer drops it for the first file).
 */
export function* outputPieces(result: FileResult, { json, colour }: OutputOptions): Generator<string> {
  if (json) yield* jsonFileChunks(result, false);
  else for (const line of humanLines(result, colour ? COLOUR_STYLE : PLAIN_STYLE)) yield `${line}\n`;
}

async function readInput(
  path: string,
  readStdin: () => Promise<Uint8Array>,
): Promise<{ bytes: Uint8Array; kind: FileKind }> {
  if (path === '-') return { bytes: await readStdin(), kind: 'text' };
  const kind = kindOf(path);
  if (!kind) throw new ExtractError('is not a file type plain-send reads: use .txt, .md, .html or .docx.');
  // Read at once, not through the thread pool: a batch of small files spends more time waiting
  // for the pool than reading, and a file is opened once for its size and its bytes.
  const fd = openSync(path, 'r');
  try {
    const info = fstatSync(fd);
    if (info.isDirectory()) throw new ExtractError('is a folder: name the files inside it.');
    if (info.size > MAX_FILE_BYTES)
      throw new ExtractError(`is too large (${Math.round(info.size / 1048576)} MB); the limit is 50 MB.`);
    return { bytes: readFileSync(fd), kind };
  } finally {
    closeSync(fd);
  }
}
