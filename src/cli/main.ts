/**
 * plain-send: checks files for SEND jargon, acronyms, officialese and hard sentences.
 * A thin adapter: reading files and printing is here; every judgement is the engine's.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  AUDIENCES,
  DEFAULT_PACKS,
  PACK_INDEX,
  createAnalyser,
  loadPacks,
  MAX_DICTIONARY_BYTES,
  mergeFiles,
  parseOwnDictionary,
  type AudienceId,
  type Pack,
} from '../engine/index.js';
import { bundledPacks } from '../engine/dictionary/bundled.js';
import { ExtractError, MAX_FILE_BYTES, decodeText, extract, kindOf, type FileKind } from './extract.js';
import {
  COLOUR_STYLE,
  JSON_START,
  PLAIN_STYLE,
  humanLines,
  jsonEnd,
  jsonFileChunks,
  visible,
  type FileResult,
} from './format.js';

declare const PLAIN_SEND_VERSION: string | undefined;
const VERSION = typeof PLAIN_SEND_VERSION === 'string' ? PLAIN_SEND_VERSION : 'development';

export const EXIT = { clean: 0, found: 1, error: 2 } as const;

const HELP = `Usage: plain-send check [options] FILE...

Checks letters, policies and web pages for SEND jargon and acronyms a parent carer may not
know, officialese with plainer words, and sentences that are too long; then scores how easy
the text is to read. FILE may be .txt, .md, .html or .docx; "-" reads plain text from
standard input. Nothing leaves your computer.

Options:
  --json               print one JSON document for all files
  --audience A         who will read it: ${Object.keys(AUDIENCES).join(', ')} (default parent-carer)
  --pack P             also use pack P (repeat for more); packs: ${PACK_INDEX.map((p) => p.id).join(', ')}
  --only-packs         use only the packs named with --pack
  --ignore TERM        never flag TERM (repeat for more)
  --terms FILE         your own terms, in the dictionary file format (YAML or JSON)
  -h, --help           show this help
  -v, --version        show the version

Exit codes:
  0  checked; nothing to change (acronyms the text explains do not count)
  1  checked; found terms, words or sentences to look at
  2  a problem with the options or a file (other files are still checked)
`;

interface Io {
  /** May return a promise: then nothing more is written until it settles (a slow pipe). */
  stdout: (s: string) => void | Promise<void>;
  stderr: (s: string) => void;
  readStdin: () => Promise<Uint8Array>;
  colour: boolean;
}

/** Longest piece of the user's input quoted back in a message. */
const QUOTED = 60;
const quoted = (s: string) => JSON.stringify(s.length > QUOTED ? `${s.slice(0, QUOTED)}…` : s);

export async function run(argv: string[], rawIo: Io): Promise<number> {
  // Whatever reaches the terminal from the command line, a file or a terms file is shown escaped.
  const io: Io = { ...rawIo, stderr: (s) => rawIo.stderr(visible(s, true)) };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        audience: { type: 'string' },
        pack: { type: 'string', multiple: true },
        'only-packs': { type: 'boolean' },
        ignore: { type: 'string', multiple: true },
        terms: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr(`plain-send: ${(error as Error).message}\nTry "plain-send --help".\n`);
    return EXIT.error;
  }
  const { values, positionals } = parsed;
  if (values.help) {
    io.stdout(HELP);
    return EXIT.clean;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT.clean;
  }
  const [command, ...files] = positionals;
  if (command !== 'check') {
    io.stderr(command ? `plain-send: unknown command ${quoted(command)}. The command is "check".\n` : HELP);
    return EXIT.error;
  }
  if (files.length === 0) {
    io.stderr('plain-send: name at least one file to check, or "-" for standard input.\n');
    return EXIT.error;
  }
  if (values.audience !== undefined && !Object.hasOwn(AUDIENCES, values.audience)) {
    io.stderr(
      `plain-send: unknown audience ${quoted(values.audience)}. Choose one of: ${Object.keys(AUDIENCES).join(', ')}.\n`,
    );
    return EXIT.error;
  }
  const known = new Set(PACK_INDEX.map((p) => p.id));
  const unknownPack = (values.pack ?? []).find((p) => !known.has(p));
  if (unknownPack !== undefined) {
    io.stderr(`plain-send: unknown pack ${quoted(unknownPack)}. Packs: ${[...known].join(', ')}.\n`);
    return EXIT.error;
  }
  const extraPacks: Pack[] = [];
  if (values.terms) {
    let source: string;
    try {
      const info = await stat(values.terms);
      if (info.isDirectory()) throw new ExtractError('is a folder: name the file inside it.');
      if (info.size > MAX_DICTIONARY_BYTES)
        throw new ExtractError(
          `is too large (${Math.round(info.size / 1e6)} MB); a terms file may be at most ${MAX_DICTIONARY_BYTES / 1e6} MB.`,
        );
      source = decodeText(await readFile(values.terms)).text;
    } catch (error) {
      io.stderr(
        error instanceof ExtractError
          ? `plain-send: your terms file ${values.terms} ${error.message}\n`
          : `plain-send: cannot read your terms file ${values.terms}: ${describe(error)}\n`,
      );
      return EXIT.error;
    }
    const result = parseOwnDictionary(source, values.terms);
    if (!result.file) {
      io.stderr(
        `plain-send: your terms file has problems, so nothing was checked:\n  ${shownErrors(result.errors).join('\n  ')}\n`,
      );
      return EXIT.error;
    }
    extraPacks.push(...mergeFiles([result.file]).values());
  }
  const packs = values['only-packs'] ? (values.pack ?? []) : [...DEFAULT_PACKS, ...(values.pack ?? [])];
  const options = { audience: values.audience as AudienceId | undefined, packs, extraPacks, ignore: values.ignore };
  // Only the packs that are on are read.
  await loadPacks(packs, bundledPacks);
  const analysers = {
    hard: createAnalyser({ ...options, lineBreaks: 'hard' }),
    soft: createAnalyser({ ...options, lineBreaks: 'soft' }),
  };

  // Each file is printed as soon as it is checked, and then let go: any number of files fits in memory.
  const style = io.colour ? COLOUR_STYLE : PLAIN_STYLE;
  const out = buffered(io.stdout);
  let printed = 0;
  let failed = false;
  let toLookAt = false;
  if (values.json) await out.write(JSON_START);
  for (const path of files) {
    let result: FileResult;
    try {
      const { bytes, kind } = await readInput(path, io);
      const { text, lineBreaks, warning } = await extract(bytes, kind);
      result = { path, text, analysis: analysers[lineBreaks].analyse(text), warning };
    } catch (error) {
      failed = true;
      await out.flush();
      io.stderr(`plain-send: ${path} ${problem(error)}\n`);
      continue;
    }
    if (values.json) for (const chunk of jsonFileChunks(result, printed === 0)) await out.write(chunk);
    else {
      if (printed) await out.write('\n');
      for (const line of humanLines(result, style)) await out.write(`${line}\n`);
    }
    await out.flush();
    printed++;
    if (result.analysis.findings.some((f) => !f.explained)) toLookAt = true;
  }
  if (values.json) await out.write(jsonEnd(printed));
  await out.flush();
  if (failed) return EXIT.error;
  return toLookAt ? EXIT.found : EXIT.clean;
}

/** The first problems in a terms file, and how many more (a broken 20,000-term file is not 20,000 lines). */
function shownErrors(errors: readonly string[], shown = 20): string[] {
  return errors.length > shown
    ? [...errors.slice(0, shown), `… and ${errors.length - shown} more problems.`]
    : [...errors];
}

/** Collects small writes into pieces of about 64 KB (one write per finding would be slow). */
function buffered(write: Io['stdout']) {
  let pending: string[] = [];
  let size = 0;
  const flush = async () => {
    if (pending.length) {
      const piece = pending.join('');
      pending = [];
      size = 0;
      await write(piece);
    }
  };
  return {
    write(s: string): Promise<void> | undefined {
      pending.push(s);
      size += s.length;
      return size >= 65_536 ? flush() : undefined;
    },
    flush,
  };
}

/** What went wrong with one file, in plain words (the reader's own, or "cannot be read"). */
function problem(error: unknown): string {
  if (error instanceof ExtractError) return error.message;
  const code = (error as NodeJS.ErrnoException)?.code;
  if (typeof code === 'string' && /^E[A-Z]+$/.test(code)) return `cannot be read: ${describe(error)}`;
  if (error instanceof RangeError && /memory|string length|array length|buffer/i.test(error.message))
    return 'is too large to check in the memory this computer gives Node.js; split it into smaller files.';
  return `could not be checked because of a problem in plain-send (${String((error as Error)?.message ?? error)
    .split('\n')[0]
    .slice(0, 200)}). Please report it; the other files were checked.`;
}

async function readInput(path: string, io: Io): Promise<{ bytes: Uint8Array; kind: FileKind }> {
  if (path === '-') return { bytes: await io.readStdin(), kind: 'text' };
  const kind = kindOf(path);
  if (!kind) throw new ExtractError('is not a file type plain-send reads: use .txt, .md, .html or .docx.');
  const info = await stat(path);
  if (info.isDirectory()) throw new ExtractError('is a folder: name the files inside it.');
  if (info.size > MAX_FILE_BYTES)
    throw new ExtractError(`is too large (${Math.round(info.size / 1048576)} MB); the limit is 50 MB.`);
  return { bytes: await readFile(path), kind };
}

function describe(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  if (code === 'ENOENT') return 'no such file.';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied.';
  if (code === 'EISDIR') return 'it is a folder.';
  if (error instanceof ExtractError) return error.message;
  return (error as Error)?.message ?? String(error);
}

async function readStdin(): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of process.stdin) {
    size += chunk.length;
    if (size > MAX_FILE_BYTES) throw new ExtractError('is too large: standard input may be at most 50 MB.');
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** Runs the command with this process's arguments and streams; called by bin/plain-send.mjs. */
export async function main(): Promise<void> {
  // Exit 1 means "found terms": a fault in plain-send itself must never look like that.
  const fault = (error: unknown) => {
    process.stderr.write(
      `plain-send: stopped by a problem in plain-send itself (${visible(
        String((error as Error)?.message ?? error)
          .split('\n')[0]
          .slice(0, 200),
      )}). Please report it.\n`,
    );
    process.exit(EXIT.error);
  };
  process.on('uncaughtException', fault);
  process.on('unhandledRejection', fault);
  // The reader went away (plain-send check ... | head): stop quietly.
  process.stdout.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(EXIT.error);
    else fault(error);
  });
  try {
    process.exitCode = await run(process.argv.slice(2), {
      // Wait for a pipe to drain: writing on regardless queues the whole output in memory.
      stdout: (s) =>
        process.stdout.write(s) ? undefined : new Promise((resolve) => process.stdout.once('drain', resolve)),
      stderr: (s) => process.stderr.write(s),
      readStdin,
      colour: process.stdout.isTTY === true && !process.env.NO_COLOR,
    });
  } catch (error) {
    fault(error);
  }
}
