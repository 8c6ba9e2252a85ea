/// <reference types="office-js" />
/**
 * Finds a finding's words again in Word. A finding is found by searching its paragraph for its
 * exact text and taking the nth match, n counted in the paragraph text read before; Word's
 * search takes at most 255 characters, so a longer text is found by its first and last parts,
 * then expanded (WordApi 1.3). Matches are compared with the text we expect, and a count that
 * does not agree (the document changed, or tracked deletions hold the same words) stops the
 * action rather than change the wrong words. Any number of findings: a constant number of syncs.
 */
import {
  StaleLocationError,
  countOccurrences,
  occurrenceBefore,
  verifyLocation,
  type DocParagraph,
  type Location,
} from '../../office/document-port.js';
import type { Batch } from './batch.js';
import { readBody } from './read.js';

/** Word's search takes at most 255 characters. */
export const SEARCH_LIMIT = 255;
/** Longer texts are searched for by a head and a tail this long (before escaping). */
const PART = 120;

export class TrackedChangesError extends StaleLocationError {
  constructor() {
    super(
      'This paragraph has tracked changes that Plain SEND cannot see past. Accept or reject them, check again, then try once more.',
    );
    this.name = 'TrackedChangesError';
  }
}

/** Escapes Word's search special characters (`^`), and writes tabs and line breaks as Word's codes. */
export function escapeSearch(text: string): string {
  return text.replace(/\^/g, '^^').replace(/\t/g, '^t').replace(/\v/g, '^l');
}

export function searchable(text: string): boolean {
  return escapeSearch(text).length <= SEARCH_LIMIT;
}

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** A head of `text` short enough to search for once escaped, not ending inside a surrogate pair. */
function headOf(text: string): string {
  let n = Math.min(PART, text.length);
  while (n > 1 && (escapeSearch(text.slice(0, n)).length > SEARCH_LIMIT || isHighSurrogate(text.charCodeAt(n - 1))))
    n--;
  return text.slice(0, n);
}

function tailOf(text: string): string {
  let n = Math.min(PART, text.length);
  while (
    n > 1 &&
    (escapeSearch(text.slice(-n)).length > SEARCH_LIMIT || isLowSurrogate(text.charCodeAt(text.length - n)))
  )
    n--;
  return text.slice(-n);
}

/** One search in a paragraph: which match we want, and how many there must be. */
interface Part {
  needle: string;
  results: Word.RangeCollection;
  n: number;
  total: number;
}

type Plan = { error: StaleLocationError } | { parts: Part[]; text: string; tracked: boolean };

/** Queues the searches for one location (one, or a head and a tail for a long text). */
function plan(paragraph: Word.Paragraph, read: DocParagraph, location: Location, load?: string): Plan {
  const text = read.text;
  const part = (needle: string, start: number): Part => {
    const results = paragraph.search(escapeSearch(needle), { matchCase: true });
    results.load(load ? `items/text,items/${load.split(',').join(',items/')}` : 'items/text');
    return { needle, results, n: occurrenceBefore(text, needle, start), total: countOccurrences(text, needle) };
  };
  const tracked = !!read.trackedChanges;
  if (searchable(location.text)) return { parts: [part(location.text, location.start)], text: location.text, tracked };
  const head = headOf(location.text);
  const tail = tailOf(location.text);
  return {
    parts: [part(head, location.start), part(tail, location.end - tail.length)],
    text: location.text,
    tracked,
  };
}

/** The match a part asked for, or undefined when Word's matches do not agree with the text read. */
function pick(part: Part): Word.Range | undefined {
  const matches = part.results.items.filter((r) => r.text === part.needle);
  return matches.length === part.total ? matches[part.n] : undefined;
}

const mismatch = (tracked: boolean) => (tracked ? new TrackedChangesError() : new StaleLocationError());

/**
 * Finds the ranges of `locations` in a constant number of syncs: read the paragraphs (1–2),
 * search them all (1), and, when some texts are too long to search for at once, expand and
 * check those (1). `load` asks for more properties of the ranges; `whole` refuses to give part
 * of a long text (replacing needs all of it). Each result is a range, or why it was not found.
 */
export async function locate(
  batch: Batch,
  locations: readonly Location[],
  load?: string,
  whole = false,
): Promise<(Word.Range | StaleLocationError)[]> {
  const { items, paragraphs } = await readBody(batch);
  const plans = locations.map((location): Plan => {
    try {
      verifyLocation(paragraphs, location);
    } catch (error) {
      return { error: error as StaleLocationError };
    }
    return plan(items[location.paragraph], paragraphs[location.paragraph], location, load);
  });
  if (plans.some((p) => !('error' in p))) await batch.sync();

  const expanded: { range: Word.Range; text: string; index: number }[] = [];
  const out = plans.map((p, index): Word.Range | StaleLocationError => {
    if ('error' in p) return p.error;
    const [head, tail] = p.parts.map(pick);
    if (!head || (p.parts.length > 1 && !tail)) return mismatch(p.tracked);
    if (p.parts.length === 1) return head;
    if (!batch.supports('1.3')) {
      // No expandTo before WordApi 1.3: select or mark the first part only; never replace part of a text.
      return whole
        ? new StaleLocationError(
            'This version of Word cannot change a text this long from an add-in (it needs WordApi 1.3).',
          )
        : head;
    }
    const range = head.expandTo(tail!);
    range.load(load ? `text,${load}` : 'text');
    expanded.push({ range, text: p.text, index });
    return range;
  });
  if (expanded.length > 0) {
    await batch.sync();
    for (const e of expanded) if (e.range.text !== e.text) out[e.index] = mismatch(false);
  }
  return out;
}

/** One location's range; throws why it could not be found. */
export async function locateOne(batch: Batch, location: Location, whole = false): Promise<Word.Range> {
  const [found] = await locate(batch, [location], undefined, whole);
  if (found instanceof Error) throw found;
  return found;
}
