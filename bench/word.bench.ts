/**
 * The Word add-in's own costs (npm run bench:word):
 *
 * 1. Time in our code to check a 25,000-word policy built from the seed documents, through
 *    the in-memory document port: read the paragraphs, check them in chunks (the engine), and
 *    map every finding back to its paragraph. Median of several runs, cold (a new analyser,
 *    as when the pane opens) and warm (the same analyser again, as after one edit). Target:
 *    under 300 ms cold.
 * 2. Round trips to Word (`context.sync()`), counted with the office-addin-mock based Word of
 *    the adapter's tests, for 100 and 10,000 paragraphs: reading the document, and marking up
 *    every finding. They must be the same for both sizes.
 */
import './lib/packs.js';
import { createAnalyser } from '../src/engine/index.js';
import { checkDocument } from '../src/office/check.js';
import { MemoryPort } from '../src/word/memory-port.js';
import { WordAdapter } from '../src/word/word-adapter.js';
import { FakeWord } from '../test/word/fake-word.js';
import { policy, wordCount } from '../test/word/policy.js';

const RUNS = 9;
const TARGET_MS = 300;
const noYield = async () => {};

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const ms = (x: number) => `${x.toFixed(1)} ms`;

// ---- 1. time in our own code --------------------------------------------------------------------

const paragraphs = policy(25_000);
const words = paragraphs.reduce((n, p) => n + wordCount(p), 0);
const port = new MemoryPort(paragraphs);

const create: number[] = [];
const cold: number[] = [];
const warm: number[] = [];
const yielding: number[] = [];
let findings = 0;
for (let i = 0; i < RUNS; i++) {
  let t = performance.now();
  const analyser = createAnalyser();
  create.push(performance.now() - t);

  t = performance.now();
  const check = await checkDocument(analyser, await port.readParagraphs(), { yieldNow: noYield });
  cold.push(performance.now() - t);
  findings = check.findings.length;

  t = performance.now();
  await checkDocument(analyser, await port.readParagraphs(), { yieldNow: noYield });
  warm.push(performance.now() - t);

  // With real yields to the event loop between chunks, as in the pane (wall time, not only ours).
  const fresh = createAnalyser();
  t = performance.now();
  await checkDocument(fresh, await port.readParagraphs());
  yielding.push(performance.now() - t);
}

console.log(
  `Plain SEND for Word: checking a ${words.toLocaleString('en-GB')}-word policy (${paragraphs.length.toLocaleString('en-GB')} paragraphs) through the memory port, median of ${RUNS} runs`,
);
console.log(`  create the analyser (all default packs):  ${ms(median(create))}`);
console.log(
  `  check, cold cache (engine + mapping):     ${ms(median(cold))}  (${findings.toLocaleString('en-GB')} findings; target < ${TARGET_MS} ms: ${median(cold) < TARGET_MS ? 'met' : 'MISSED'})`,
);
console.log(`  first cold check (JIT not warmed up):     ${ms(cold[0])}`);
console.log(`  check again, warm cache (after an edit):  ${ms(median(warm))}`);
console.log(
  `  check, cold, yielding between chunks:     ${ms(median(yielding))}  (wall time, includes the event loop)`,
);

// ---- 2. round trips to Word ----------------------------------------------------------------------

async function syncs(n: number) {
  const texts = policy(n * 30).slice(0, n);
  const word = new FakeWord(texts, 1.4);
  const adapter = new WordAdapter(() => ({ Word: word.word(), Office: word.office() }) as never);
  const read = await adapter.readParagraphs();
  const readSyncs = adapter.syncCounts().syncs;
  const check = await checkDocument(createAnalyser(), read, { yieldNow: noYield });
  const before = adapter.syncCounts().syncs;
  const marked = await adapter.markUp(check.findings.map((f) => f.location));
  return {
    n,
    readSyncs,
    markSyncs: adapter.syncCounts().syncs - before,
    findings: check.findings.length,
    marked: marked.marked,
  };
}

const small = await syncs(100);
const large = await syncs(10_000);
console.log('context.sync() calls, counted with office-addin-mock (WordApi 1.4 host):');
for (const r of [small, large]) {
  console.log(
    `  ${r.n.toLocaleString('en-GB').padStart(6)} paragraphs: check document ${r.readSyncs}, mark up ${r.findings.toLocaleString('en-GB')} findings ${r.markSyncs} (${r.marked.toLocaleString('en-GB')} marked)`,
  );
}
const constant = small.readSyncs === large.readSyncs && small.markSyncs === large.markSyncs;
console.log(`  constant in the document's length: ${constant ? 'yes' : 'NO'}`);

/** Word.run batches and syncs of each user action, on 100 paragraphs of the policy. */
async function actionCounts(version: number): Promise<[string, number, number][]> {
  const word = new FakeWord(policy(3000).slice(0, 100), version);
  const adapter = new WordAdapter(() => ({ Word: word.word(), Office: word.office() }) as never);
  const rows: [string, number, number][] = [];
  const count = async (name: string, action: () => Promise<unknown>) => {
    const before = adapter.syncCounts();
    await action();
    const after = adapter.syncCounts();
    rows.push([name, after.runs - before.runs, after.syncs - before.syncs]);
  };
  let check = await checkDocument(createAnalyser(), await adapter.readParagraphs(), { yieldNow: noYield });
  await count('check document', async () => {
    check = await checkDocument(createAnalyser(), await adapter.readParagraphs(), { yieldNow: noYield });
  });
  const locations = check.findings.map((f) => f.location);
  await count('select', () => adapter.select(locations[0]));
  await count('mark up all', () => adapter.markUp(locations));
  await count('mark up all again', () => adapter.markUp(locations));
  await count('clear marks', () => adapter.clearMarks());
  if (adapter.capabilities().annotations) {
    const items = check.findings.map((f) => ({ location: f.location, category: f.category, suggestions: [] }));
    await count('show in Word', () => adapter.showAnnotations(items, { onSuggestion: () => undefined }));
    await count('show in Word again', () => adapter.showAnnotations(items, { onSuggestion: () => undefined }));
    await count('hide in Word', () => adapter.clearAnnotations());
  }
  await count('insert glossary', () => adapter.insertGlossary([{ term: 'SENCO', meaning: 'x' }], 'end'));
  const last = check.findings.find((f) => f.replacements.length)!;
  await count('replace', () => adapter.replace(last.location, last.replacements[0].text));
  return rows;
}

for (const version of [1.4, 1.8]) {
  console.log(`Each user action on 100 paragraphs (WordApi ${version} host): Word.run batches / context.sync() calls`);
  for (const [name, runs, syncCount] of await actionCounts(version))
    console.log(`  ${name.padEnd(20)} ${runs} / ${syncCount}`);
}
console.log(
  `BENCH_WORD ${JSON.stringify({
    words,
    paragraphs: paragraphs.length,
    findings,
    createMs: +median(create).toFixed(1),
    coldMs: +median(cold).toFixed(1),
    firstColdMs: +cold[0].toFixed(1),
    warmMs: +median(warm).toFixed(1),
    yieldingMs: +median(yielding).toFixed(1),
    syncs: { check: [small.readSyncs, large.readSyncs], markUp: [small.markSyncs, large.markSyncs] },
  })}`,
);
if (!constant) process.exitCode = 1;
