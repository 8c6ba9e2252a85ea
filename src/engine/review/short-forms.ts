/**
 * "Explain every short form": each acronym the text does not explain is spelled out at its
 * first use ("Education, Health and Care plan (EHCP)"); acronyms it already explains, and later
 * uses, are left alone. The wording is the `acronym-first-use` rule's own replacement.
 */
import { orderedEdits, type ReviewFinding, type TextEdit } from './edits.js';

/** The label the acronym-first-use rule gives its replacement. */
export const EXPLAIN_AT_FIRST_USE = 'Explain at first use';

export function shortFormEdits(findings: Iterable<ReviewFinding>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    if (f.category !== 'acronym' || f.explained) continue;
    const r = f.replacements.find((x) => x.label === EXPLAIN_AT_FIRST_USE);
    if (r) edits.push({ start: f.start, end: f.end, text: r.text });
  }
  return orderedEdits(edits);
}

/** The short forms the text uses without saying what they mean, once each, in order of first use. */
export function unexplainedShortForms(findings: Iterable<ReviewFinding>): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const f of findings) {
    if (f.category !== 'acronym' || f.explained !== false) continue;
    const key = (f.term ?? f.text).toUpperCase();
    if (!seen.has(key)) {
      seen.add(key);
      out.push(f.term ?? f.text);
    }
  }
  return out;
}
