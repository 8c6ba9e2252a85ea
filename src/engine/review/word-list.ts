/**
 * The words found on a page as a reader's list: one entry per meaning, A to Z, with how many
 * times and where each is in the text; and the plain text of that list, for copying. Used by
 * read mode's list, the review panel and the Office panes (one card per term, with its places).
 */
import { meaningKey } from '../identity.js';
import type { Category, Finding } from '../types.js';

/** What a list needs of a finding (the extension's wire form has this shape too). */
export type ListedFinding = Pick<
  Finding,
  'category' | 'rule' | 'start' | 'end' | 'text' | 'term' | 'expansion' | 'definition' | 'entryId'
> & {
  /** The pack's display name, e.g. "England" (else taken from the finding's source). */
  packName?: string;
  source?: Finding['source'];
};

/** Where a word is in the text: UTF-16 offsets, as in the finding. */
export interface Place {
  start: number;
  end: number;
}

export interface WordEntry {
  /** Stable for a meaning on this page: the glossary entry (and sense), or the short form itself. */
  key: string;
  /** The headword, e.g. `EHCP`; for a short form no glossary knows, as written. */
  term: string;
  category: Category;
  /** The rule that found it: `local-name` for a local name no glossary knows. */
  rule?: string;
  /** What a short form stands for. */
  expansion?: string;
  /** The plain meaning. */
  definition?: string;
  /** Which glossary the meaning came from, e.g. "SEND in England". */
  packName?: string;
  /** How many times it is on the page. */
  count: number;
  /** How the page writes it, most used first (SENCo, SENCO). */
  forms: string[];
  /** Every place it is in the text, in the order the findings came. */
  places: Place[];
}

/** A word without its places: what read mode keeps and sends (places mean nothing off the page). */
export type WordSummary = Omit<WordEntry, 'places'>;

/** What the card and the list say about a short form no glossary knows. */
export const UNKNOWN_NOTE =
  'Plain SEND does not know this short form. You could ask the person who wrote it what it stands for.';

/** What the card and the list say about what looks like a local name that no glossary knows. */
export const LOCAL_NAME_NOTE =
  'This looks like the name of a local service, plan or panel. Plain SEND does not know what it is. You could ask the person who wrote it.';

/** The note for a word with no meaning: a local name, or a short form. */
export function noteFor(w: Pick<WordEntry, 'rule'>): string {
  return w.rule === 'local-name' ? LOCAL_NAME_NOTE : UNKNOWN_NOTE;
}

/** The reader's meaning of a finding: its definition, or the note for a word with no meaning. */
export function meaningOf(w: Pick<WordEntry, 'definition' | 'rule'>): string {
  return w.definition ?? noteFor(w);
}

// Made when first needed: building a collator loads the language's sorting rules, about 10 ms
// of a page's time, and read mode needs it only when the list of words is asked for.
let collator: Intl.Collator | undefined;
const compareText = (a: string, b: string) =>
  (collator ??= new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true })).compare(a, b);

/** A to Z by headword (case and accents aside), then by what it stands for. */
export function compareWords(a: WordSummary, b: WordSummary): number {
  return (
    compareText(a.term, b.term) ||
    compareText(a.expansion ?? '', b.expansion ?? '') ||
    (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)
  );
}

/** Every word found, once per meaning, A to Z, with counts. */
export function listWords(findings: Iterable<ListedFinding>): WordEntry[] {
  const byKey = new Map<string, WordEntry & { formCounts: Map<string, number> }>();
  for (const f of findings) {
    const key = meaningKey(f); // one entry per meaning: OT's two senses are two entries
    let w = byKey.get(key);
    if (!w) {
      w = {
        key,
        term: f.term ?? f.text,
        category: f.category,
        rule: f.rule,
        expansion: f.expansion,
        definition: f.definition,
        packName: f.packName ?? f.source?.packName,
        count: 0,
        forms: [],
        places: [],
        formCounts: new Map(),
      };
      byKey.set(key, w);
    }
    w.count++;
    w.places.push({ start: f.start, end: f.end });
    w.formCounts.set(f.text, (w.formCounts.get(f.text) ?? 0) + 1);
  }
  const out: WordEntry[] = [];
  for (const { formCounts, ...w } of byKey.values()) {
    w.forms = [...formCounts].sort((a, b) => b[1] - a[1] || compareText(a[0], b[0])).map(([form]) => form);
    out.push(w);
  }
  return out.sort(compareWords);
}

export interface LetterGroup<W extends WordSummary = WordSummary> {
  /** `A` to `Z`, or `#` for words that start with anything else. */
  letter: string;
  words: W[];
}

export function letterOf(term: string): string {
  const c = term.normalize('NFD').charAt(0).toUpperCase();
  return c >= 'A' && c <= 'Z' ? c : '#';
}

/** The A-to-Z list cut into letters, in order (`#` first, as dictionaries put numbers). */
export function byLetter<W extends WordSummary>(words: readonly W[]): LetterGroup<W>[] {
  const groups = new Map<string, W[]>();
  for (const w of words) {
    const l = letterOf(w.term);
    const list = groups.get(l) ?? [];
    list.push(w);
    groups.set(l, list);
  }
  return [...groups.keys()]
    .sort((a, b) => (a === '#' ? -1 : b === '#' ? 1 : a < b ? -1 : 1))
    .map((letter) => ({ letter, words: groups.get(letter)! }));
}

export function timesLabel(count: number): string {
  return count === 1 ? 'once' : count === 2 ? 'twice' : `${count} times`;
}

/** One line per word: "EHCP (Education, Health and Care plan): meaning (3 times)". */
export function wordLine(w: WordSummary): string {
  const name =
    w.expansion && w.expansion.toLowerCase() !== w.term.toLowerCase() ? `${w.term} (${w.expansion})` : w.term;
  return `${name}: ${meaningOf(w)} (${timesLabel(w.count)} on the page)`;
}

/** The list as plain text, for the clipboard. */
export function listAsText(words: readonly WordSummary[], page: { title?: string; url?: string } = {}): string {
  const head = [`Words on this page${page.title ? `: ${page.title}` : ''}`];
  if (page.url) head.push(page.url);
  const body = byLetter(words).map((g) => [g.letter, ...g.words.map(wordLine)].join('\n'));
  return [head.join('\n'), ...body, 'Meanings from Plain SEND.'].join('\n\n') + '\n';
}
