/**
 * Read mode's work on one page (and its same-origin frames): read the text, send it to the
 * engine in the background worker in pieces, turn the answers into ranges, paint them, and
 * keep up when the page changes (a throttled MutationObserver: content loaded later, a
 * section opened, a frame loaded). The page's DOM is only ever read.
 */
import {
  ANALYSE,
  unpack,
  type AnalyseRequest,
  type AnalyseResponse,
  type WireFinding,
} from '../browser/messages/protocol.js';
import { CHUNK_CHARS, chunkText, extractText, rangeAt, type Chunk, type PageText } from './extract.js';
import { rangeHas } from './frames.js';
import { markOf, type ReadLayer, type ReadMark } from './highlights.js';
import { meaningKey } from '../engine/identity.js';
import { debugLog } from '../browser/debug.js';
import { childOf, observeUntil } from '../browser/signals.js';

export interface Occurrence {
  /** The finding, with offsets into the whole page's text. */
  finding: WireFinding;
  key: string;
  range: Range;
}

export interface ReaderHost {
  analyse(request: AnalyseRequest): Promise<AnalyseResponse>;
  layer(doc: Document): ReadLayer;
  /** Documents read this time (the page and its same-origin frames), to listen to. */
  documents(docs: readonly Document[]): void;
  /** New occurrences are painted (`done` once the whole page is). */
  painted(done: boolean): void;
}

export interface ReadStats {
  chars: number;
  chunks: number;
  /** Chunks the worker was asked about (the rest were known from the last read). */
  requested: number;
  findings: number;
  extractMs: number;
  /** Time the engine spent, summed over chunks. */
  engineMs: number;
  /** Characters asked for first: the lines in and near the view (0: none, the page is short or not in view). */
  nearChars: number;
  /** From the start of the read to the first marks set (those on screen). */
  firstPaintMs: number;
  totalMs: number;
}

const OWNER = 'page';
/** The marks of the lines in and near the view, until the pieces holding them come. */
const NEAR = 'near';
/** Around the lines on screen, the lines this far above and below are asked for first too (a small scroll shows them). */
const NEAR_ABOVE = 500;
const NEAR_BELOW = 1_500;
/** Where the view's edges cannot be found, this much text above and below the middle of the view. */
const VIEW_ABOVE = 1_500;
const VIEW_BELOW = 3_000;
/** No separate first request when the lines near the view are this much of a piece or more. */
const NEAR_MAX = CHUNK_CHARS / 2;
/** Wait this long after the page changes before reading it again, and at least this long between reads. */
const SETTLE_MS = 300;
/** While a long page is read, more marks are painted at most this often (after the piece on screen). */
const BATCH_MS = 150;
const WATCHED_ATTRIBUTES = ['hidden', 'open', 'class', 'style', 'aria-hidden', 'aria-expanded', 'src'];
const WATCHED: MutationObserverInit = {
  childList: true,
  subtree: true,
  characterData: true,
  attributes: true,
  attributeFilter: WATCHED_ATTRIBUTES,
};

export class Reader {
  occurrences: Occurrence[] = [];
  busy = false;
  stats: ReadStats | undefined;
  private page: PageText | undefined;
  /** Findings of each chunk's text, offsets within the chunk: a chunk seen before is not sent again. */
  private known = new Map<string, WireFinding[]>();
  private generation = 0;
  /** Aborted by stop(): every observer and listener of ours goes with it. */
  private readonly life = new AbortController();
  /** Each document watched (its observer and frame-load listener), let go of on its own when its frame goes. */
  private readonly watching = new Map<Document, AbortController>();
  /** A document's observer does not see into shadow trees: each open one read has its own. */
  private readonly shadowObservers = new Map<ShadowRoot, MutationObserver>();
  private byNode = new Map<Node, Occurrence[]>();
  private nodeIndex = new Map<Node, number>();
  private timer = 0;
  private dirty = false;
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly host: ReaderHost,
  ) {}

  /** Reads the page and paints its words; resolves when all are painted. */
  async read(): Promise<void> {
    if (this.stopped) return;
    const generation = ++this.generation;
    this.busy = true;
    this.dirty = false;
    const t0 = performance.now();
    // Where the reader is, asked first: hit-testing is cheap only while the layout is clean.
    const looking = this.lookingAt();
    const page = extractText(this.doc);
    const extractMs = performance.now() - t0;
    this.watch(page.documents);
    this.watchShadows(page.shadowRoots);
    this.host.documents(page.documents);
    const previous = this.page;
    this.page = page;
    const first = !previous;
    const chunks = chunkText(page.text);
    const order = viewportFirst(page, chunks, looking?.middle);
    // The first read asks first for the lines on screen and just around them (a few thousand
    // characters), so the marks a reader sees come after a small piece of the engine's work,
    // not a whole piece's. The pieces that hold those lines replace these marks when they come
    // (the engine keeps each line's answer, so asking again costs little), and the page's marks
    // end the same as without this.
    const near = first && looking ? nearView(page, chunks, looking) : undefined;
    const known = new Map<string, WireFinding[]>();
    const asked = { requested: 0, engineMs: 0, nearChars: near ? near.end - near.start : 0 };
    let firstPaintMs = NaN;
    const found: Occurrence[][] = chunks.map(() => []);
    // The first read paints the piece on screen as soon as it comes, then the rest in batches:
    // each change to the marks costs the page a style and paint pass over all of them, so
    // painting every piece as it came made a long page slower to finish. Later reads swap
    // everything at once (no flicker).
    let unpainted: Occurrence[] = [];
    let lastPaint = 0;
    /** Pieces overlapping the lines asked for first: once all are in, their marks take over. */
    const covering = new Set(
      near ? chunks.flatMap((c, i) => (c.end > near.start && c.start < near.end ? [i] : [])) : [],
    );
    let nearShown = false;
    const paintNow = (now: number) => {
      if (nearShown) for (const doc of page.documents) this.host.layer(doc).clear(NEAR);
      this.paint(unpainted, false);
      unpainted = [];
      lastPaint = now;
      if (Number.isNaN(firstPaintMs)) firstPaintMs = now - t0;
      this.host.painted(false);
    };
    const nearAnswer = near
      ? (async () => {
          const text = page.text.slice(near.start, near.end);
          const findings = await this.ask(text, asked);
          // Too late (its pieces came first, or a newer read began): nothing to show.
          if (!findings || generation !== this.generation || this.stopped || !covering.size) return;
          this.paint(this.place(page, near, findings), false, NEAR);
          nearShown = true;
          const now = performance.now();
          lastPaint = now;
          firstPaintMs = now - t0;
          this.host.painted(false);
        })()
      : undefined;
    // The pieces holding those lines first (one may be above the view), so that theirs take over soon.
    const asking = [...order.filter((i) => covering.has(i)), ...order.filter((i) => !covering.has(i))];
    const answers = asking.map(async (i) => {
      const c = chunks[i];
      const text = page.text.slice(c.start, c.end);
      const findings = this.known.get(text) ?? known.get(text) ?? (await this.ask(text, asked));
      if (!findings) return;
      known.set(text, findings);
      if (generation !== this.generation) return;
      found[i] = this.place(page, c, findings);
      if (!first) return;
      unpainted.push(...found[i]);
      covering.delete(i);
      const now = performance.now();
      // Once the lines on screen are marked, the pieces wait for a batch (each change to the
      // marks repaints them all), and their marks take over from those lines only when every
      // piece holding them is in; until then nothing more is painted (no line marked twice).
      if (nearShown ? covering.size > 0 || now - lastPaint < BATCH_MS : i !== order[0] && now - lastPaint < BATCH_MS)
        return;
      paintNow(now);
    });
    await Promise.all([nearAnswer, ...answers]);
    if (generation !== this.generation || this.stopped) return;
    this.known = known;
    const all = found.flat();
    if (first) {
      covering.clear();
      if (nearShown) for (const doc of page.documents) this.host.layer(doc).clear(NEAR);
      this.paint(unpainted, false);
    } else this.paint(all, true);
    this.occurrences = all;
    this.index(page, all);
    this.busy = false;
    const totalMs = performance.now() - t0;
    this.stats = {
      chars: page.text.length,
      chunks: chunks.length,
      ...asked,
      findings: all.length,
      extractMs,
      firstPaintMs: Number.isNaN(firstPaintMs) ? totalMs : firstPaintMs,
      totalMs,
    };
    this.host.painted(true);
    if (this.dirty) this.readSoon();
  }

  /** A piece's findings from the engine (undefined: it could not say), counted in `asked`. */
  private async ask(text: string, asked: { requested: number; engineMs: number }): Promise<WireFinding[] | undefined> {
    asked.requested++;
    const response = await this.host
      .analyse({ type: ANALYSE, text, mode: 'read' })
      .catch((e: unknown) => ({ ok: false as const, error: String(e) }));
    if (!response.ok) {
      debugLog('reading a part of the page', response.error);
      return undefined;
    }
    asked.engineMs += response.engineMs;
    return unpack(response.spans, response.details, text);
  }

  /** Text positions at the top of the view, at the middle a third of the way down (where a reader is reading) and at the bottom. */
  private lookingAt(): View | undefined {
    const view = this.doc.defaultView;
    if (!view) return undefined;
    const doc = this.doc as Document & {
      caretPositionFromPoint?(x: number, y: number): { offsetNode: Node; offset: number } | null;
    };
    const at = (y: number): Caret | undefined => {
      try {
        const x = view.innerWidth / 2;
        const hit = doc.caretRangeFromPoint?.(x, y);
        if (hit) return { node: hit.startContainer, offset: hit.startOffset };
        // A browser with only the standard one.
        const position = doc.caretPositionFromPoint?.(x, y);
        return position ? { node: position.offsetNode, offset: position.offset } : undefined;
      } catch (error) {
        debugLog('caret in the view', error);
        return undefined; // no caret at that point
      }
    };
    const middle = at(view.innerHeight / 3);
    if (!middle) return undefined;
    return { top: at(1), middle, bottom: at(view.innerHeight - 2) };
  }

  private place(page: PageText, chunk: Chunk, findings: readonly WireFinding[]): Occurrence[] {
    const out: Occurrence[] = [];
    for (const f of findings) {
      const start = f.start + chunk.start;
      const end = f.end + chunk.start;
      const range = rangeAt(page, start, end);
      if (!range) continue;
      out.push({ finding: { ...f, start, end }, key: meaningKey(f), range });
    }
    return out;
  }

  private paint(occurrences: readonly Occurrence[], replace: boolean, owner = OWNER): void {
    const byDoc = new Map<Document, Map<ReadMark, Range[]>>();
    for (const o of occurrences) {
      const doc = o.range.startContainer.ownerDocument!;
      let marks = byDoc.get(doc);
      if (!marks) byDoc.set(doc, (marks = new Map()));
      const mark = markOf(o.finding.category);
      const list = marks.get(mark) ?? [];
      list.push(o.range);
      marks.set(mark, list);
    }
    if (replace) for (const doc of this.page?.documents ?? []) if (!byDoc.has(doc)) this.host.layer(doc).clear(OWNER);
    for (const [doc, marks] of byDoc) {
      const layer = this.host.layer(doc);
      if (replace) {
        layer.clear(OWNER, 'jargon');
        layer.clear(OWNER, 'acronym');
      }
      for (const [mark, ranges] of marks) layer.add(owner, mark, ranges);
    }
  }

  private index(page: PageText, occurrences: readonly Occurrence[]): void {
    this.nodeIndex = new Map(page.segments.map((s, i) => [s.node, i]));
    this.byNode = new Map();
    for (const o of occurrences) {
      for (const node of new Set([o.range.startContainer, o.range.endContainer])) {
        const list = this.byNode.get(node) ?? [];
        list.push(o);
        this.byNode.set(node, list);
      }
    }
  }

  /** The word under a point (viewport coordinates of `doc`), if any. */
  at(doc: Document, x: number, y: number): Occurrence | undefined {
    if (!this.byNode.size) return undefined;
    let node: Node | undefined;
    const d = doc as Document & {
      caretPositionFromPoint?(
        x: number,
        y: number,
        options?: { shadowRoots: ShadowRoot[] },
      ): { offsetNode: Node } | null;
    };
    // Into the open shadow trees read, which hit-testing otherwise stops at.
    const shadowRoots = this.page?.shadowRoots.filter((r) => r.ownerDocument === doc) ?? [];
    try {
      node =
        d.caretPositionFromPoint?.(x, y, { shadowRoots })?.offsetNode ??
        doc.caretRangeFromPoint?.(x, y)?.startContainer ??
        undefined;
    } catch (error) {
      debugLog('caret under the pointer', error);
      return undefined;
    }
    if (!node) return undefined;
    const candidates = [...(this.byNode.get(node) ?? [])];
    // Just past a word's last letter the caret may sit in the next text node.
    const i = this.nodeIndex.get(node);
    if (i !== undefined && i > 0) candidates.push(...(this.byNode.get(this.page!.segments[i - 1].node) ?? []));
    return candidates.find((o) => rangeHas(o.range, x, y));
  }

  /** The settings changed (packs, terms, ignored words): nothing known still holds; read again. */
  forget(): void {
    this.known.clear();
    this.readSoon();
  }

  /** Reads again soon (the page changed). */
  readSoon(): void {
    if (this.stopped) return;
    if (this.busy) {
      this.dirty = true;
      return;
    }
    if (this.timer) return;
    const view = this.doc.defaultView ?? globalThis;
    this.timer = view.setTimeout(() => {
      this.timer = 0;
      void this.read();
    }, SETTLE_MS) as unknown as number;
  }

  private watch(docs: readonly Document[]): void {
    // Frames that went away (or loaded another page): stop watching their old documents.
    for (const [doc, watching] of this.watching) {
      if (docs.includes(doc)) continue;
      watching.abort();
      this.watching.delete(doc);
    }
    for (const doc of docs) {
      if (this.watching.has(doc) || !doc.defaultView) continue;
      const watching = childOf(this.life.signal);
      const observer = new doc.defaultView.MutationObserver((records) => {
        if (records.some((r) => !noTextChange(r))) this.readSoon();
      });
      observeUntil(observer, watching.signal).observe(doc.documentElement, WATCHED);
      // A frame that loads (or loads a new page) after we read.
      const onLoad = (e: Event) => {
        const t = e.target as Element | null;
        if (t && t.nodeType === 1 && /^i?frame$/i.test(t.tagName)) this.readSoon();
      };
      doc.addEventListener('load', onLoad, { capture: true, signal: watching.signal });
      this.watching.set(doc, watching);
    }
  }

  private watchShadows(roots: readonly ShadowRoot[]): void {
    for (const [root, observer] of this.shadowObservers) {
      if (roots.includes(root)) continue;
      observer.disconnect();
      this.shadowObservers.delete(root);
    }
    for (const root of roots) {
      const view = root.ownerDocument.defaultView;
      if (this.shadowObservers.has(root) || !view) continue;
      const observer = new view.MutationObserver((records) => {
        if (records.some((r) => !noTextChange(r))) this.readSoon();
      });
      observer.observe(root, WATCHED);
      this.shadowObservers.set(root, observer);
    }
  }

  stop(): void {
    this.stopped = true;
    this.generation++;
    if (this.timer) (this.doc.defaultView ?? globalThis).clearTimeout(this.timer);
    this.life.abort();
    this.watching.clear();
    for (const o of this.shadowObservers.values()) o.disconnect();
    this.shadowObservers.clear();
    for (const doc of this.page?.documents ?? []) {
      this.host.layer(doc).clear(OWNER);
      this.host.layer(doc).clear(NEAR);
    }
    this.occurrences = [];
    this.byNode.clear();
  }
}

interface Caret {
  node: Node;
  offset: number;
}

interface View {
  top?: Caret;
  middle: Caret;
  bottom?: Caret;
}

/** A caret's offset in the page's text, if it is in a text node read. */
function offsetOf(page: PageText, caret: Caret | undefined): number | undefined {
  if (!caret) return undefined;
  const seg = page.segments.find((s) => s.node === caret.node);
  return seg ? seg.start + caret.offset : undefined;
}

/** Pieces in the order to ask for them: the one on screen first, then on down the page, then above. */
function viewportFirst(page: PageText, chunks: readonly Chunk[], looking: Caret | undefined): number[] {
  const all = chunks.map((_, i) => i);
  const offset = chunks.length > 1 ? offsetOf(page, looking) : undefined;
  if (offset === undefined) return all;
  const at = Math.max(
    0,
    chunks.findIndex((c) => c.end >= offset),
  );
  return [...all.slice(at), ...all.slice(0, at).reverse()];
}

/**
 * The whole lines on screen and a little above and below, to ask for first; undefined when the
 * view is not on the text read or those lines are most of a piece anyway (a short page).
 */
export function nearView(page: PageText, chunks: readonly Chunk[], view: View): Chunk | undefined {
  const text = page.text;
  const middle = offsetOf(page, view.middle);
  if (middle === undefined || chunks.length < 2) return undefined;
  const top = offsetOf(page, view.top);
  const bottom = offsetOf(page, view.bottom);
  const from = Math.max(0, (top !== undefined && top <= middle ? top : middle - VIEW_ABOVE) - NEAR_ABOVE);
  const to = Math.min(
    text.length,
    (bottom !== undefined && bottom >= middle ? bottom : middle + VIEW_BELOW) + NEAR_BELOW,
  );
  // Whole lines, so that every paragraph is read as the pieces read it.
  const start = from === 0 ? 0 : text.lastIndexOf('\n', from - 1) + 1;
  const lineEnd = text.indexOf('\n', to);
  const end = lineEnd < 0 ? text.length : lineEnd;
  return end > start && end - start <= NEAR_MAX ? { start, end } : undefined;
}

/**
 * Changes that cannot change what a reader sees of the text: our own UI (appended to <html>,
 * outside the page's body), and a class or style changing on an element with no text (a
 * spinner, an icon, an animation).
 */
function noTextChange(r: MutationRecord): boolean {
  const isOurs = (n: Node) => n.nodeType === 1 && (n as Element).tagName === 'PLAIN-SEND-UI';
  if (isOurs(r.target)) return true;
  if (r.type === 'attributes')
    return (r.attributeName === 'class' || r.attributeName === 'style') && !r.target.textContent?.trim();
  if (r.type !== 'childList') return false;
  const nodes = [...r.addedNodes, ...r.removedNodes];
  return nodes.length > 0 && nodes.every(isOurs);
}
