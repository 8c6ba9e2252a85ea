/**
 * One checked field: reads its text after each change (at most once a frame), asks the engine
 * for findings, keeps them on the right words in between, paints them, and applies fixes.
 */
import { ignoreKey } from '../engine/identity.js';
import { PERF_ATTRIBUTE } from '../browser/page/perf.js';
import { observeUntil } from '../browser/signals.js';
import { applyToRich, applyToTextarea, type ApplyPath } from './apply.js';
import { applyAllToRich, applyAllToTextarea, meaningsTarget, pasteMeanings } from './apply-all.js';
import { mapText, offsetAt, selectionFor } from '../browser/page/text-map.js';
import type { MeaningsPlan, TextEdit } from '../engine/review/index.js';
import type { Field } from './fields.js';
import { MirrorPainter, RichPainter, type HighlightLayer, type Painter } from './painter.js';
import { unpack, type AnalyseResponse, type WireFinding, type WireReadability } from '../browser/messages/protocol.js';
import { shift, stillValid } from './spans.js';
import type { UiRoot } from '../browser/page/ui-root.js';
import { debugLog } from '../browser/debug.js';

export interface SessionHost {
  ui: UiRoot;
  highlights: HighlightLayer;
  analyse(text: string): Promise<AnalyseResponse>;
  /** Called after each paint with fresh findings. */
  checked(session: FieldSession): void;
  /** The open card's finding, to mark as active. */
  active(): WireFinding | undefined;
}

export class FieldSession {
  readonly painter: Painter;
  /** Text as last read from the field. */
  text = '';
  /** Findings that hold for `text`. */
  findings: WireFinding[] = [];
  readability: WireReadability | undefined;
  /** "Ignore here": keys of findings not to show in this field. */
  readonly ignoredHere = new Set<string>();
  private frame = 0;
  private queued = false;
  private inFlight = false;
  /** Findings were shifted onto new text and not yet repainted. */
  private stale = false;
  private seq = 0;
  private inputAt: number | undefined;
  private readonly observer: ResizeObserver | undefined;
  private readonly mutations: MutationObserver | undefined;
  /** Aborted by dispose(): the field's listeners and observers go with it. */
  private readonly life = new AbortController();

  private get disposed(): boolean {
    return this.life.signal.aborted;
  }

  constructor(
    readonly field: Field,
    private readonly host: SessionHost,
  ) {
    const tree = field.el.getRootNode();
    if (field.kind === 'rich' && tree.nodeType === 11 && 'host' in tree) host.ui.adoptInto(tree as ShadowRoot);
    this.painter =
      field.kind === 'textarea'
        ? new MirrorPainter(field.el as HTMLTextAreaElement, host.ui)
        : new RichPainter(field.el, host.highlights);
    const onInput = () => {
      if (this.inputAt === undefined) {
        this.inputAt = performance.now();
        // For the benchmark: when the frame after this input began, to tell whether the marks made it into that frame.
        if (this.measuring())
          this.el.ownerDocument.defaultView?.requestAnimationFrame(() => performance.mark('plain-send:frame'));
      }
      this.schedule();
    };
    this.listen(field.el, 'input', onInput);
    const view = field.el.ownerDocument.defaultView;
    if (field.kind === 'textarea') {
      this.listen(field.el, 'scroll', () => this.painter.reposition());
      // A script may set the value without an input event.
      for (const type of ['focus', 'keyup', 'change']) this.listen(field.el, type, () => this.schedule());
    } else if (view) {
      // Editors change their DOM without input events too (undo, their own rendering, collaboration):
      // read-only watching, so the marks are rebuilt on the editor's new text nodes.
      this.mutations = observeUntil(new view.MutationObserver(() => this.schedule()), this.life.signal);
      this.mutations.observe(field.el, { childList: true, characterData: true, subtree: true });
    }
    if (view && 'ResizeObserver' in view) {
      this.observer = observeUntil(new view.ResizeObserver(() => this.reposition()), this.life.signal);
      this.observer.observe(field.el);
    }
    this.schedule();
  }

  private listen(target: EventTarget, type: string, fn: EventListener): void {
    target.addEventListener(type, fn, { passive: true, signal: this.life.signal });
  }

  get el(): HTMLElement {
    return this.field.el;
  }

  /** Findings to show: not ignored here, and not acronyms the text explains. */
  get shown(): WireFinding[] {
    return this.findings.filter((f) => !f.explained && !this.ignoredHere.has(ignoreKey(f)));
  }

  /**
   * Re-check now, not at the next frame: the round trip to the engine takes a few
   * milliseconds, so the fresh marks are usually ready before the browser paints the
   * keystroke. Inputs in one task make one check (a microtask), and inputs while the engine
   * works make one more check when it answers.
   */
  schedule(): void {
    if (this.queued || this.disposed) return;
    this.queued = true;
    if (this.inFlight) return;
    queueMicrotask(() => void this.run());
  }

  private async run(): Promise<void> {
    this.queued = false;
    this.inFlight = true;
    try {
      await this.check();
    } finally {
      this.inFlight = false;
    }
    if (this.queued && !this.disposed) queueMicrotask(() => void this.run());
  }

  /**
   * Until the engine answers, the last findings are moved onto the new text; they are painted
   * at the next frame only if the answer has not come by then (one paint per keystroke, not two).
   */
  private paintShiftedAtNextFrame(): void {
    if (this.frame) return;
    const view = this.el.ownerDocument.defaultView ?? window;
    this.frame = view.requestAnimationFrame(() => {
      this.frame = 0;
      if (this.stale) this.paint();
    });
  }

  readText(): string {
    return this.field.kind === 'textarea'
      ? (this.el as HTMLTextAreaElement).value
      : (this.painter as RichPainter).read().text;
  }

  async check(force = false): Promise<void> {
    if (this.disposed) return;
    const began = performance.now();
    const text = this.readText();
    const read = performance.now();
    if (text !== this.text) {
      this.findings = shift(this.findings, this.text, text);
      this.text = text;
      this.stale = true;
      this.paintShiftedAtNextFrame();
    } else if (!force && this.readability) {
      if (this.stale) this.paint();
      return;
    }
    const seq = ++this.seq;
    let response: AnalyseResponse;
    const sent = performance.now();
    try {
      response = await this.host.analyse(text);
    } catch (error) {
      debugLog('check of a field', error);
      return;
    }
    const answered = performance.now();
    const roundTripMs = answered - sent;
    if (this.disposed || seq !== this.seq || !response.ok) return;
    if (this.readText() !== text) {
      // Typed again while the engine worked: that input has its own check coming.
      this.schedule();
      return;
    }
    const reread = performance.now();
    this.findings = stillValid(unpack(response.spans, response.details, text), text);
    this.readability = response.readability;
    this.paint();
    const painted = performance.now();
    this.host.checked(this);
    const done = performance.now();
    // Our own time on the page's thread: reading the field, the frame's engine (the worker's is
    // not the page's), then painting and the badge.
    const inFrame = response.inFrame === true;
    const ownMs = sent - began + (inFrame ? (response.answerMs ?? response.engineMs) : 0) + done - answered;
    // Where it goes: reading the field (twice: before asking, and to see it did not change since), painting, the badge.
    const parts = { readMs: read - began + reread - answered, paintMs: painted - reread, hostMs: done - painted };
    this.measure(painted, { engineMs: response.engineMs, roundTripMs, inFrame, ownMs, ...parts });
  }

  private measure(end: number, times: Record<string, number | boolean>): void {
    const start = this.inputAt;
    this.inputAt = undefined;
    if (start === undefined || !this.measuring()) return;
    try {
      performance.measure('plain-send:input-to-highlight', {
        start,
        end,
        detail: { ...times, findings: this.findings.length, chars: this.text.length },
      });
    } catch (error) {
      debugLog('timing marks', error);
      // No User Timing Level 3: no figures.
    }
  }

  /** Figures only for pages that ask (the benchmark and the tests). */
  private measuring(): boolean {
    return this.el.ownerDocument.documentElement.hasAttribute(PERF_ATTRIBUTE);
  }

  paint(): void {
    if (this.disposed) return;
    this.stale = false;
    this.host.ui.attach();
    this.painter.paint(this.text, this.shown, this.host.active());
  }

  reposition(): void {
    this.painter.reposition();
  }

  /** The finding under a point (viewport coordinates); words before sentences. */
  hitTest(x: number, y: number): WireFinding | undefined {
    let sentence: WireFinding | undefined;
    for (const f of this.shown) {
      for (const r of this.painter.rects(f)) {
        if (x >= r.left && x <= r.right && y >= r.top && y <= r.bottom) {
          if (f.category !== 'sentence') return f;
          sentence ??= f;
        }
      }
    }
    return sentence;
  }

  /** The caret's offset in the field's text, if the caret is in the field. */
  caret(): number | undefined {
    if (this.field.kind === 'textarea') {
      const t = this.el as HTMLTextAreaElement;
      return t.ownerDocument.activeElement === t ? t.selectionEnd : undefined;
    }
    const sel = this.el.ownerDocument.getSelection();
    if (!sel || !sel.rangeCount || !sel.focusNode) return undefined;
    return offsetAt((this.painter as RichPainter).read(), sel.focusNode, sel.focusOffset);
  }

  /** The first finding starting at or after `offset` (words before their sentence), wrapping round. */
  next(offset: number, after?: WireFinding): WireFinding | undefined {
    const list = this.shown
      .slice()
      .sort((a, b) => a.start - b.start || (a.category === 'sentence' ? 1 : 0) - (b.category === 'sentence' ? 1 : 0));
    if (!list.length) return undefined;
    if (after) {
      const i = list.findIndex((f) => f.start === after.start && f.end === after.end && f.rule === after.rule);
      if (i >= 0) return list[(i + 1) % list.length];
    }
    return list.find((f) => f.start >= offset) ?? list[0];
  }

  /** The same finding in the current findings (after a re-check), matched by span and rule. */
  current(f: WireFinding): WireFinding | undefined {
    return this.findings.find((g) => g.start === f.start && g.end === f.end && g.rule === f.rule);
  }

  anchor(f: WireFinding): DOMRect | undefined {
    const rects = this.painter.rects(f);
    return rects[0];
  }

  /** Replaces the finding's words with `text` through the editor's input path. */
  apply(f: WireFinding, text: string): ApplyPath {
    const now = this.readText();
    if (now.slice(f.start, f.end) !== f.text) return 'failed';
    const path =
      this.field.kind === 'textarea'
        ? applyToTextarea(this.el as HTMLTextAreaElement, f.start, f.end, text)
        : applyToRich(this.el, f.start, f.end, f.text, text);
    if (this.measuring()) performance.mark('plain-send:apply', { detail: path });
    this.schedule();
    return path;
  }

  /** Findings fresh for the text as it is now (a check if it changed since the last). */
  async settle(): Promise<void> {
    if (this.readText() !== this.text || !this.readability) await this.check();
  }

  /**
   * Several edits to `text` (the field's text now) as one action, through the editor's input
   * path. Nothing happens if the field's text is no longer `text`.
   */
  async applyAll(text: string, edits: readonly TextEdit[]): Promise<ApplyPath[]> {
    if (!edits.length || this.readText() !== text) return [];
    let paths: ApplyPath[];
    if (this.field.kind === 'textarea') paths = [applyAllToTextarea(this.el as HTMLTextAreaElement, edits)];
    else {
      // The editor first sees the selection on the last edit (the first made); Lexical and Slate,
      // which read their own selection rather than the edit's target, see it on each.
      const last = edits[edits.length - 1];
      await this.select(last.start, last.end);
      if (this.readText() !== text) return [];
      const stepwise = this.el.matches('[data-lexical-editor="true"], [data-slate-editor="true"]');
      paths = await applyAllToRich(this.el, edits, stepwise ? (s, e) => this.select(s, e) : undefined);
    }
    this.applied(paths);
    return paths;
  }

  /**
   * Selects [start, end) of a rich field (a point when they are equal), focus in it, then waits
   * until the editor has taken the selection in: editors take in a selection change a little
   * after it happens (CKEditor closes its typing step then; Lexical and Slate copy it into their
   * model). An editor coming back into focus draws its own old selection a moment later (CKEditor,
   * 50 ms after focus): focus comes first, then ours; if the editor still puts its own back, ours
   * is set again, at most three times.
   */
  private async select(start: number, end: number): Promise<void> {
    const doc = this.el.ownerDocument;
    const view = doc.defaultView ?? window;
    const wasFocused = this.el.contains(doc.activeElement) || doc.activeElement === this.el;
    if (!wasFocused) {
      // Focus first, and let the editor's own redraw after focus pass, so that ours is a selection
      // change in a focused editor, as a click would be (CKEditor takes one made while it is still
      // coming into focus only in its view, not in its model).
      this.el.focus({ preventScroll: true });
      await new Promise<void>((done) => view.setTimeout(done, 80));
    }
    for (let attempt = 0; attempt < 3; attempt++) {
      const range = selectionFor(mapText(this.el), start, end, doc);
      // The browser tells the page of a new selection in a task of its own, later under load
      // (Firefox): wait for that news, then a frame, so the editor has it before the edit comes.
      const told = new Promise<void>((done) => {
        const timer = view.setTimeout(done, 300);
        doc.addEventListener(
          'selectionchange',
          () => {
            view.clearTimeout(timer);
            done();
          },
          { once: true },
        );
      });
      this.el.focus({ preventScroll: true });
      const sel = doc.getSelection();
      if (!range || !sel) return;
      sel.removeAllRanges();
      sel.addRange(range);
      await told;
      await new Promise<void>((done) => view.requestAnimationFrame(() => view.setTimeout(done, 0)));
      // Compared as text offsets: an editor may draw the same place with other nodes.
      const now = sel.rangeCount ? sel.getRangeAt(0) : undefined;
      const map = mapText(this.el);
      if (
        now &&
        offsetAt(map, now.startContainer, now.startOffset) === start &&
        offsetAt(map, now.endContainer, now.endOffset) === end
      )
        return;
      debugLog('the editor put its own selection back; selecting again', attempt);
    }
  }

  /** The meanings list, added or put in place of the one there: plain lines in a textarea, a heading and a list in a rich editor. */
  async addMeanings(text: string, plan: MeaningsPlan): Promise<ApplyPath[]> {
    if (!plan.edit || this.readText() !== text) return [];
    let paths: ApplyPath[];
    if (this.field.kind === 'textarea') paths = [applyAllToTextarea(this.el as HTMLTextAreaElement, [plan.edit])];
    else {
      const target = meaningsTarget(text, plan);
      if (!target) return [];
      await this.select(target.edit.start, target.edit.end);
      if (this.readText() !== text) return [];
      paths = [pasteMeanings(this.el, plan)];
    }
    this.applied(paths);
    return paths;
  }

  private applied(paths: ApplyPath[]): void {
    if (this.measuring()) performance.mark('plain-send:apply', { detail: paths.join(',') });
    this.schedule();
  }

  /** Scrolls the field (and the page) so that the finding can be seen; nothing in the field changes. */
  reveal(f: WireFinding): void {
    if (this.painter instanceof MirrorPainter) this.painter.reveal(f);
    else {
      const range = (this.painter as RichPainter).rangeOf(f);
      const el = range?.startContainer.parentElement;
      el?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    }
  }

  dispose(): void {
    if (this.disposed) return;
    if (this.frame) (this.el.ownerDocument.defaultView ?? window).cancelAnimationFrame(this.frame);
    this.life.abort();
    this.painter.clear();
    if (this.painter instanceof MirrorPainter) this.painter.destroy();
  }
}
