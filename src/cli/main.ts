/**
 * plain-send: checks files for SEND jargon, acronyms, officialese and hard sentences.
 * A thin adapter: reading files and printing is here; every judgement is the engine's.
 * Nothing heavy is imported up front: the engine and its packs, the .docx and HTML readers and
 * the YAML parser load when a run needs them, so --help answers at once.
 */
import { parseArgs } from 'node:util';
import type { Analyser, LineBreakMode, Pack } from '../engine/index.js';
import { AUDIENCES } from '../engine/audiences.js';
import { checkAll } from './batch.js';
import type { Engine } from './built-engine.js';
import type { Analysers, CheckOptions } from './check-file.js';
import { MAX_FILE_BYTES } from './extract.js';
import { visible } from './format.js';
import { helpText, VERSION } from './help.js';
import { EXIT, quoted, type Io } from './io.js';
import { ExtractError } from './problem.js';
import { readTermsFile, TermsFileProblem } from './terms-file.js';

export { EXIT };

/** The built-in packs' ids, separated by spaces (see scripts/build-cli.mjs). */
declare const PLAIN_SEND_PACK_IDS: string | undefined;

/** The built-in packs' names: written into the built command, so help and option checks load no pack. */
async function builtinPackIds(): Promise<readonly string[]> {
  if (typeof PLAIN_SEND_PACK_IDS === 'string') return PLAIN_SEND_PACK_IDS.split(' ');
  return (await import('../engine/dictionary/builtin.js')).PACK_INDEX.map((p) => p.id);
}

/**
 * The engine with the packs the user chose, once per thread (the only lines that know how packs
 * load). An analyser for each way of reading line breaks, made the first time a file needs it.
 */
export async function loadAnalysers({ packs, onlyPacks, ...options }: CheckOptions): Promise<Analysers> {
  const { createAnalyser, DEFAULT_PACKS, loadPacks, packSource } = await engine();
  const on = onlyPacks ? packs : [...DEFAULT_PACKS, ...packs];
  // Only the packs that are on are read.
  await loadPacks(on, packSource);
  const made = new Map<LineBreakMode, Analyser>();
  return (lineBreaks) => {
    let analyser = made.get(lineBreaks);
    if (!analyser) made.set(lineBreaks, (analyser = createAnalyser({ ...options, packs: on, lineBreaks })));
    return analyser;
  };
}

/** Set once the engine script has run; called by `main` (so never in a worker thread). */
let saveCodeCaches: (() => void) | undefined;

/**
 * The built command runs the engine from dist/engine.cjs, compiled from V8's code cache, with the
 * packs read from dist/packs/; run from the TypeScript source (tests, tsx), it imports the modules.
 * Either way common words' facts and the default packs' glossary come from the build (engine-data.ts).
 */
async function engine(): Promise<Engine> {
  if (import.meta.url.endsWith('.mjs')) {
    const built = await import('./built-engine.js');
    saveCodeCaches = built.saveCodeCaches;
    return built.builtEngine(new URL('./', import.meta.url));
  }
  // From built-engine.js, not their own module: the build would make that a chunk of its own.
  const [script, { bundledPacks }, { loadGlossarySnapshot, loadWordFacts }] = await Promise.all([
    import('./engine-script.js'),
    import('../engine/dictionary/bundled.js'),
    import('./built-engine.js'),
  ]);
  loadWordFacts(script, new URL('../generated/word-facts.bin', import.meta.url));
  loadGlossarySnapshot(script, new URL('../generated/glossary.bin', import.meta.url));
  return { ...script, packSource: bundledPacks };
}

/** The commands, by the first word on the command line. */
const COMMANDS: Record<string, (args: string[], io: Io, rawIo: Io) => Promise<number>> = {
  check,
  // The audit escapes what it shows itself; it is loaded only when asked for.
  audit: async (args, _io, rawIo) =>
    (await import('./audit/command.js')).runAudit(args, { ...rawIo, version: VERSION }),
};

export async function run(argv: string[], rawIo: Io): Promise<number> {
  // Whatever reaches the terminal from the command line, a file or a terms file is shown escaped.
  const io: Io = { ...rawIo, stderr: (s) => rawIo.stderr(visible(s, true)) };
  // The command usually comes first; options before it (plain-send --json check ...) still work.
  const at = argv.findIndex((a) => Object.hasOwn(COMMANDS, a));
  if (at >= 0) return COMMANDS[argv[at]]([...argv.slice(0, at), ...argv.slice(at + 1)], io, rawIo);
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
    });
  } catch (error) {
    io.stderr(`plain-send: ${(error as Error).message}\nTry "plain-send --help".\n`);
    return EXIT.error;
  }
  const { values, positionals } = parsed;
  if (values.version && !values.help) {
    io.stdout(`${VERSION}\n`);
    return EXIT.clean;
  }
  if (values.help) {
    io.stdout(helpText(await builtinPackIds()));
    return EXIT.clean;
  }
  const [command] = positionals;
  io.stderr(
    command
      ? `plain-send: unknown command ${quoted(command)}. The commands are "check" and "audit".\n`
      : helpText(await builtinPackIds()),
  );
  return EXIT.error;
}

/** plain-send check [options] FILE-OR-FOLDER... */
async function check(args: string[], io: Io): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args,
      allowPositionals: true,
      options: {
        json: { type: 'boolean' },
        audience: { type: 'string' },
        pack: { type: 'string', multiple: true },
        'only-packs': { type: 'boolean' },
        ignore: { type: 'string', multiple: true },
        terms: { type: 'string' },
        jobs: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
  } catch (error) {
    io.stderr(`plain-send: ${(error as Error).message}\nTry "plain-send --help".\n`);
    return EXIT.error;
  }
  const { values, positionals: files } = parsed;
  if (values.help) {
    io.stdout(helpText(await builtinPackIds()));
    return EXIT.clean;
  }
  if (values.version) {
    io.stdout(`${VERSION}\n`);
    return EXIT.clean;
  }
  if (files.length === 0) {
    io.stderr('plain-send: name at least one file or folder to check, or "-" for standard input.\n');
    return EXIT.error;
  }
  if (values.audience !== undefined && !Object.hasOwn(AUDIENCES, values.audience)) {
    io.stderr(
      `plain-send: unknown audience ${quoted(values.audience)}. Choose one of: ${Object.keys(AUDIENCES).join(', ')}.\n`,
    );
    return EXIT.error;
  }
  let jobs: number | undefined;
  if (values.jobs !== undefined) {
    jobs = /^\d{1,3}$/.test(values.jobs) ? Number(values.jobs) : 0;
    if (jobs < 1 || jobs > 256) {
      io.stderr(`plain-send: --jobs takes a whole number from 1 to 256, not ${quoted(values.jobs)}.\n`);
      return EXIT.error;
    }
  }
  const known = await builtinPackIds();
  const unknownPack = (values.pack ?? []).find((p) => !known.includes(p));
  if (unknownPack !== undefined) {
    io.stderr(`plain-send: unknown pack ${quoted(unknownPack)}. Packs: ${known.join(', ')}.\n`);
    return EXIT.error;
  }
  const extraPacks: Pack[] = [];
  if (values.terms) {
    const own = await readTerms(values.terms, io);
    if (!own) return EXIT.error;
    extraPacks.push(...own);
  }
  const options: CheckOptions = {
    audience: values.audience as CheckOptions['audience'],
    packs: values.pack ?? [],
    onlyPacks: values['only-packs'] === true,
    extraPacks,
    ignore: values.ignore,
  };
  return checkAll(files, { options, json: values.json === true, colour: io.colour, jobs }, io, () =>
    loadAnalysers(options),
  );
}

/** The user's own terms file (--terms), or undefined after saying what is wrong with it. */
async function readTerms(path: string, io: Io): Promise<Pack[] | undefined> {
  try {
    return await readTermsFile(path, 'checked');
  } catch (error) {
    if (!(error instanceof TermsFileProblem)) throw error;
    io.stderr(`plain-send: ${error.message}\n`);
    return undefined;
  }
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
      progress: process.stderr.isTTY
        ? { write: (s) => process.stderr.write(s), columns: process.stderr.columns }
        : undefined,
      resultsOnTerminal: process.stdout.isTTY === true,
    });
    // After the output: a run that compiled the engine afresh leaves a cache for the next.
    saveCodeCaches?.();
  } catch (error) {
    fault(error);
  }
}
