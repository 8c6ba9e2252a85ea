/**
 * plain-send: checks files for SEND jargon, acronyms, officialese and hard sentences.
 * A thin adapter: reading files and printing is here; every judgement is the engine's.
 */
import { readFile, stat } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import {
  AUDIENCES,
  BUILTIN_PACKS,
  DEFAULT_PACKS,
  createAnalyser,
  mergeFiles,
  parseOwnDictionary,
  type AudienceId,
  type Pack,
} from '../engine/index.js';
import { ExtractError, MAX_FILE_BYTES, extract, kindOf, type FileKind } from './extract.js';
import { COLOUR_STYLE, PLAIN_STYLE, formatHuman, toJson, type FileResult } from './format.js';

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
  --pack P             also use pack P (repeat for more); packs: ${BUILTIN_PACKS.map((p) => p.id).join(', ')}
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
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  readStdin: () => Promise<Uint8Array>;
  colour: boolean;
}

export async function run(argv: string[], io: Io): Promise<number> {
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
    io.stderr(command ? `plain-send: unknown command "${command}". The command is "check".\n` : HELP);
    return EXIT.error;
  }
  if (files.length === 0) {
    io.stderr('plain-send: name at least one file to check, or "-" for standard input.\n');
    return EXIT.error;
  }
  if (values.audience && !(values.audience in AUDIENCES)) {
    io.stderr(
      `plain-send: unknown audience "${values.audience}". Choose one of: ${Object.keys(AUDIENCES).join(', ')}.\n`,
    );
    return EXIT.error;
  }
  const known = new Set(BUILTIN_PACKS.map((p) => p.id));
  const unknownPack = (values.pack ?? []).find((p) => !known.has(p));
  if (unknownPack) {
    io.stderr(`plain-send: unknown pack "${unknownPack}". Packs: ${[...known].join(', ')}.\n`);
    return EXIT.error;
  }
  const extraPacks: Pack[] = [];
  if (values.terms) {
    let source: string;
    try {
      source = await readFile(values.terms, 'utf8');
    } catch (error) {
      io.stderr(`plain-send: cannot read your terms file ${values.terms}: ${describe(error)}\n`);
      return EXIT.error;
    }
    const result = parseOwnDictionary(source, values.terms);
    if (!result.file) {
      io.stderr(`plain-send: your terms file has problems, so nothing was checked:\n  ${result.errors.join('\n  ')}\n`);
      return EXIT.error;
    }
    extraPacks.push(...mergeFiles([result.file]).values());
  }
  const packs = values['only-packs'] ? (values.pack ?? []) : [...DEFAULT_PACKS, ...(values.pack ?? [])];
  const options = { audience: values.audience as AudienceId | undefined, packs, extraPacks, ignore: values.ignore };
  const analysers = {
    hard: createAnalyser({ ...options, lineBreaks: 'hard' }),
    soft: createAnalyser({ ...options, lineBreaks: 'soft' }),
  };

  const results: FileResult[] = [];
  let failed = false;
  for (const path of files) {
    try {
      const { bytes, kind } = await readInput(path, io);
      const { text, lineBreaks, warning } = await extract(bytes, kind);
      results.push({ path, text, analysis: analysers[lineBreaks].analyse(text), warning });
    } catch (error) {
      failed = true;
      io.stderr(
        `plain-send: ${path} ${error instanceof ExtractError ? error.message : `cannot be read: ${describe(error)}`}\n`,
      );
    }
  }
  if (values.json) io.stdout(`${toJson(results)}\n`);
  else
    io.stdout(
      results.map((r) => formatHuman(r, io.colour ? COLOUR_STYLE : PLAIN_STYLE)).join('\n\n') +
        (results.length ? '\n' : ''),
    );
  if (failed) return EXIT.error;
  const toLookAt = results.some((r) => r.analysis.findings.some((f) => !f.explained));
  return toLookAt ? EXIT.found : EXIT.clean;
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
  return (error as Error).message;
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
  process.exitCode = await run(process.argv.slice(2), {
    stdout: (s) => process.stdout.write(s),
    stderr: (s) => process.stderr.write(s),
    readStdin,
    colour: process.stdout.isTTY === true && !process.env.NO_COLOR,
  });
}
