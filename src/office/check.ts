/**
 * From a document's paragraphs to findings the task pane can act on: the engine checks the
 * whole text (so an acronym explained on page 1 counts on page 30), and each finding is
 * mapped back to its paragraph and offsets within it. Long documents are checked in chunks,
 * yielding to the event loop between them, so the pane stays responsive and can be cancelled;
 * the engine caches results per paragraph, so the last whole-document pass only adds the
 * document-level rules.
 */
import {
  meaningsOf,
  type Analyser,
  type Analysis,
  type Finding,
  type Readability,
  type TextEdit,
} from '../engine/index.js';
import type { DocParagraph, GlossaryRow, Location, SelectionSnapshot } from './document-port.js';

export interface LocatedFinding extends Finding {
  /** Stable within one check: `paragraph:start:end:rule`. */
  id: string;
  location: Location;
}

export interface DocumentCheck {
  findings: LocatedFinding[];
  readability: Readability;
  withinAudience: boolean;
  analysis: Analysis;
  paragraphs: DocParagraph[];
}

export class CheckCancelled extends Error {
  constructor() {
    super('The check was cancelled.');
    this.name = 'CheckCancelled';
  }
}

export interface CheckOptions {
  /** Called with 0..1 as the check goes on. */
  onProgress?: (fraction: number) => void;
  signal?: AbortSignal;
  /** About this many characters are checked between two yields (default 20,000). */
  chunkCharacters?: number;
  /** How to yield to the event loop (default: a macrotask). */
  yieldNow?: () => Promise<void>;
}

/** A macrotask: MessageChannel where there is one (no 4 ms clamp), else setTimeout. */
export function macrotask(): Promise<void> {
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((resolve) => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        channel.port1.close();
        resolve();
      };
      channel.port2.postMessage(0);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * The text the engine sees for each paragraph. Same length as the paragraph's, so offsets
 * hold: Word's manual line breaks (\v) and any stray breaks become "\n", so a line ends a
 * sentence there, as everywhere else. Glossary paragraphs are left out (empty).
 */
export function engineText(p: DocParagraph): string {
  return p.inGlossary ? '' : p.text.replace(/[\r\n\v\f\u2028\u2029]/g, '\n');
}

export interface Joined {
  text: string;
  /** Offset of each paragraph in `text`. */
  starts: number[];
}

export function joinParagraphs(paragraphs: readonly DocParagraph[]): Joined {
  const starts: number[] = [];
  const parts: string[] = [];
  let at = 0;
  for (const p of paragraphs) {
    const t = engineText(p);
    starts.push(at);
    parts.push(t);
    at += t.length + 1;
  }
  return { text: parts.join('\n'), starts };
}

/** Index of the paragraph holding offset `at` (binary search over `starts`). */
export function paragraphAt(starts: readonly number[], at: number): number {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid] <= at) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

/** Maps the engine's findings (offsets into the joined text) to paragraph locations. */
export function locateFindings(
  paragraphs: readonly DocParagraph[],
  joined: Joined,
  findings: readonly Finding[],
): LocatedFinding[] {
  const out: LocatedFinding[] = [];
  for (const f of findings) {
    const paragraph = paragraphAt(joined.starts, f.start);
    const start = f.start - joined.starts[paragraph];
    const end = f.end - joined.starts[paragraph];
    const text = paragraphs[paragraph].text.slice(start, end);
    if (end > paragraphs[paragraph].text.length || text !== f.text) continue; // cannot happen: offsets are kept
    out.push({ ...f, id: `${paragraph}:${start}:${end}:${f.rule}`, location: { paragraph, start, end, text } });
  }
  return out;
}

/** Checks the whole document in chunks; rejects with CheckCancelled when `signal` aborts. */
export async function checkDocument(
  analyser: Analyser,
  paragraphs: DocParagraph[],
  options: CheckOptions = {},
): Promise<DocumentCheck> {
  const { onProgress, signal, chunkCharacters = 20_000, yieldNow = macrotask } = options;
  const joined = joinParagraphs(paragraphs);
  const total = joined.text.length || 1;
  let from = 0;
  onProgress?.(0);
  // Warm the engine's per-paragraph cache a chunk at a time.
  while (from < paragraphs.length) {
    if (signal?.aborted) throw new CheckCancelled();
    let to = from;
    let size = 0;
    while (to < paragraphs.length && (size === 0 || size < chunkCharacters))
      size += engineText(paragraphs[to++]).length + 1;
    analyser.analyse(paragraphs.slice(from, to).map(engineText).join('\n'));
    from = to;
    onProgress?.(Math.min(0.99, (joined.starts[to] ?? total) / total));
    await yieldNow();
  }
  if (signal?.aborted) throw new CheckCancelled();
  const analysis = analyser.analyse(joined.text);
  onProgress?.(1);
  return {
    findings: locateFindings(paragraphs, joined, analysis.findings),
    readability: analysis.readability,
    withinAudience: analysis.withinAudience,
    analysis,
    paragraphs,
  };
}

/** Where a selection lies in the body: paragraphs `first..last`, from `start` in the first to `end` in the last. */
export interface SelectionSpan {
  first: number;
  last: number;
  start: number;
  end: number;
}

/**
 * Finds the selection's paragraphs in the body (the first run of paragraphs with the same
 * texts) and where in them the selected text starts and ends. Undefined when the selection
 * is not in the body (a header, a footnote, a text box).
 */
export function findSelection(body: readonly DocParagraph[], selection: SelectionSnapshot): SelectionSpan | undefined {
  const k = selection.paragraphs.length;
  if (k === 0) return undefined;
  // Compare with the text Word gave for the paragraph; tracked paragraphs may differ, so fall back to any first match.
  for (let i = 0; i + k <= body.length; i++) {
    let same = true;
    for (let j = 0; j < k && same; j++) same = body[i + j].text === selection.paragraphs[j];
    if (!same) continue;
    const last = i + k - 1;
    const parts = selection.text.split('\n');
    let start = 0;
    let end = body[last].text.length;
    if (parts.length === k && selection.text.length > 0) {
      if (k === 1) {
        const at = body[i].text.indexOf(parts[0]);
        if (at >= 0) {
          start = at;
          end = at + parts[0].length;
        }
      } else {
        if (body[i].text.endsWith(parts[0])) start = body[i].text.length - parts[0].length;
        if (body[last].text.startsWith(parts[k - 1])) end = parts[k - 1].length;
      }
    }
    return { first: i, last, start, end };
  }
  return undefined;
}

/** The findings that lie (at least partly) in the selection. */
export function findingsIn(findings: readonly LocatedFinding[], span: SelectionSpan): LocatedFinding[] {
  return findings.filter(({ location: l }) => {
    if (l.paragraph < span.first || l.paragraph > span.last) return false;
    if (l.paragraph === span.first && l.end <= span.start && !(span.first === span.last && span.start === span.end))
      return false;
    if (l.paragraph === span.last && l.start >= span.end && !(span.first === span.last && span.start === span.end))
      return false;
    return true;
  });
}

/**
 * One glossary row per meaning found (ignored ones included: they stay in the text): the same
 * terms and meanings as "the meanings at the end" in Outlook and the browser (`meaningsOf`).
 */
export function glossaryRows(findings: readonly Finding[]): GlossaryRow[] {
  return meaningsOf(findings).map(({ term, expansion, meaning }) => ({
    term,
    meaning:
      expansion && !meaning.toLowerCase().startsWith(expansion.toLowerCase())
        ? `${expansion[0].toUpperCase()}${expansion.slice(1)}. ${meaning}`
        : meaning,
  }));
}

/**
 * The engine's edits (offsets into the joined text) as paragraph locations, for hosts that change
 * a document paragraph by paragraph (Word). Undefined when an edit is not a change of words inside
 * one paragraph (an insertion, or one that runs across paragraphs).
 */
export function editsAsLocations(
  paragraphs: readonly DocParagraph[],
  edits: readonly TextEdit[],
): { location: Location; text: string }[] | undefined {
  const joined = joinParagraphs(paragraphs);
  const out: { location: Location; text: string }[] = [];
  for (const e of edits) {
    if (e.end <= e.start) return undefined;
    const paragraph = paragraphAt(joined.starts, e.start);
    const start = e.start - joined.starts[paragraph];
    const end = e.end - joined.starts[paragraph];
    const own = paragraphs[paragraph].text;
    if (end > own.length) return undefined;
    out.push({ location: { paragraph, start, end, text: own.slice(start, end) }, text: e.text });
  }
  return out;
}
