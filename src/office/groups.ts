/**
 * A term used many times is one card: the findings grouped by meaning (one group per term, in
 * the order of first use), each with its count and its places, so a long policy's findings fit
 * on a few screens. Long sentences stay one card each. No DOM: the tests count with it too.
 */
import { meaningKey, timesLabel, type Category } from '../engine/index.js';
import type { LocatedFinding } from './check.js';

export interface FindingGroup {
  /** The meaning's key (`meaningKey`), or the finding's id for a sentence. */
  key: string;
  category: Category;
  /** Every use, in document order; the first is the one a card acts on until Select moves on. */
  findings: LocatedFinding[];
}

export function groupFindings(findings: readonly LocatedFinding[]): FindingGroup[] {
  const byKey = new Map<string, FindingGroup>();
  for (const f of findings) {
    const key = f.category === 'sentence' ? `sentence:${f.id}` : `${f.category}:${meaningKey(f)}`;
    let g = byKey.get(key);
    if (!g) byKey.set(key, (g = { key, category: f.category, findings: [] }));
    g.findings.push(f);
  }
  return [...byKey.values()];
}

/** "1, 2 and 4". */
function numbers(ns: readonly number[]): string {
  const shown = ns.length > 12 ? [...ns.slice(0, 10).map(String), `${ns.length - 10} more`] : ns.map(String);
  return shown.length === 1 ? shown[0] : `${shown.slice(0, -1).join(', ')} and ${shown[shown.length - 1]}`;
}

/** Where a group's uses are: "paragraph 3", or "3 times, paragraphs 1, 2 and 4" (a paragraph once). */
export function placesLabel(g: FindingGroup, unit = 'paragraph'): string {
  const paragraphs = [...new Set(g.findings.map((f) => f.location.paragraph + 1))];
  if (g.findings.length === 1) return `${unit} ${paragraphs[0]}`;
  const where = paragraphs.length === 1 ? `${unit} ${paragraphs[0]}` : `${unit}s ${numbers(paragraphs)}`;
  return `${timesLabel(g.findings.length)}, ${where}`;
}
