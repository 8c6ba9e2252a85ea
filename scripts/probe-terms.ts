/**
 * Which of a list of terms the glossary leaves unexplained: the first step of a coverage round, run
 * over a list written from an authoritative source (a chapter of a code, a service's pages), one term
 * a line, before any entry is written. Each term is put in a plain sentence and read with every pack
 * on. Usage: npx tsx scripts/probe-terms.ts [FILE] (else standard input); `--all` prints every term.
 *
 *   marked     a finding covers the whole term
 *   partly     findings cover only part of it (a shorter term inside, or a local name)
 *   on asking  not marked, but explained to a reader who asks (a `common` entry, or one whose
 *              `context` the plain sentence does not give: try it in a real sentence)
 *   unknown    nothing: a gap, or plain English
 */
import { readFileSync } from 'node:fs';
import { createAnalyser, loadPacks, PACK_INDEX, type Analyser } from '../src/engine/index.js';
import { bundledPacks } from '../src/engine/dictionary/bundled.js';

export type Probe = 'marked' | 'partly' | 'on asking' | 'unknown';

/** The sentence a term is read in: plain words around it, none of them a term. */
export const sentenceFor = (term: string) => `We will talk about the ${term} with you next week.`;

/** How the analysers treat `term`: `reader` as the product marks text, `asking` with common words too. */
export function probeTerm(term: string, reader: Analyser, asking: Analyser): Probe {
  const text = sentenceFor(term);
  const start = text.indexOf(term);
  const end = start + term.length;
  const on = (a: Analyser) =>
    a
      .analyse(text)
      .findings.filter((f) => (f.category === 'jargon' || f.category === 'acronym') && f.start < end && f.end > start);
  const found = on(reader);
  if (found.some((f) => f.start <= start && f.end >= end)) return 'marked';
  if (found.length) return 'partly';
  return on(asking).length ? 'on asking' : 'unknown';
}

/** Analysers with every built-in pack on: as read, and for a reader who asks about common words. */
export async function probeAnalysers(): Promise<{ reader: Analyser; asking: Analyser }> {
  const packs = PACK_INDEX.map((p) => p.id);
  await loadPacks(packs, bundledPacks);
  return { reader: createAnalyser({ packs }), asking: createAnalyser({ packs, includeCommon: true }) };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--'));
  const terms = readFileSync(file ?? 0, 'utf8')
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('#'));
  const { reader, asking } = await probeAnalysers();
  const by = new Map<Probe, string[]>();
  for (const term of terms) {
    const probe = probeTerm(term, reader, asking);
    by.set(probe, [...(by.get(probe) ?? []), term]);
  }
  const show: Probe[] = args.includes('--all')
    ? ['unknown', 'partly', 'on asking', 'marked']
    : ['unknown', 'partly', 'on asking'];
  for (const probe of show) {
    const list = by.get(probe) ?? [];
    console.log(`${probe} (${list.length}):${list.map((t) => `\n  ${t}`).join('')}`);
  }
  console.log(
    `${terms.length} terms: ${(['marked', 'partly', 'on asking', 'unknown'] as const).map((p) => `${by.get(p)?.length ?? 0} ${p}`).join(', ')}`,
  );
}
