/**
 * A small Word for the adapter's tests, built on Microsoft's office-addin-mock.
 *
 * office-addin-mock gives the load/sync contract for properties: reading a property that was
 * not loaded, or loaded but not synced, gives an error value instead of the data, and loading
 * a property the object does not have throws. Every paragraph and every range here is an
 * OfficeMockObject, so the adapter must load what it reads and sync before reading it; a
 * paragraph from a host below WordApi 1.3 has no `tableNestingLevel`, so loading it throws.
 *
 * What the mock does not give, and this file adds, is a document behind the objects: the
 * mock stores arrays as plain values, so it cannot load `items/text` through a collection,
 * and it does not know what `search`, `insertText` or `highlightColor` do. Collections here
 * load each item's mock; methods act on a model of paragraphs made of formatting runs;
 * `context.sync()` is counted and syncs every object loaded since the last one. Changes
 * take effect when made rather than at the next sync, which the adapter cannot tell apart:
 * it never reads back in one batch what it changed in it.
 *
 * Word's own behaviour is copied where the adapter depends on it: search takes at most
 * 255 characters (longer throws, as Word does), matches across formatting runs, is
 * case-sensitive with matchCase, and finds text in tracked deletions too (what Word on the
 * web does: paragraph.text includes deleted text, office-js issue #1267); highlightColor
 * reads null for none and '' for several colours.
 */
import { OfficeMockObject } from 'office-addin-mock';

export interface FakeRun {
  text: string;
  highlight?: string | null;
  bold?: boolean;
  /** A tracked deletion: still in paragraph.text, gone from getReviewedText('Current'). */
  deleted?: boolean;
}

export interface FakeParagraph {
  runs: FakeRun[];
  table: boolean;
  list: boolean;
  style?: string;
}

export interface FakeControl {
  title: string;
  tag: string;
  paragraphs: FakeParagraph[];
  html?: string;
}

export interface FakeComment {
  paragraph: number;
  start: number;
  end: number;
  text: string;
  comment: string;
}

export interface FakeAnnotation {
  id: string;
  paragraph: FakeParagraph;
  critique: Record<string, unknown>;
}

export type ParagraphSpec = string | { text?: string; runs?: FakeRun[]; table?: boolean; list?: boolean };

const NONE = '\u0000none';
const raw = (p: FakeParagraph) => p.runs.map((r) => r.text).join('');
const current = (p: FakeParagraph) =>
  p.runs
    .filter((r) => !r.deleted)
    .map((r) => r.text)
    .join('');

function unescapeSearch(s: string): string {
  return s.replace(/\^([\^tl])/g, (_, c: string) => (c === '^' ? '^' : c === 't' ? '\t' : '\v'));
}

export class FakeWord {
  paragraphs: FakeParagraph[] = [];
  comments: FakeComment[] = [];
  controls: FakeControl[] = [];
  selection:
    { paragraph: FakeParagraph; start: number; end: number; last?: FakeParagraph; lastEnd?: number } | undefined;
  temporary: { paragraph: FakeParagraph; start: number; end: number }[] = [];
  searches: string[] = [];
  /** Annotations in the document (WordApi 1.7), and every insertAnnotations call: paragraph index and critiques. */
  annotations: FakeAnnotation[] = [];
  insertAnnotationsCalls: { paragraph: number; critiques: Record<string, unknown>[] }[] = [];
  handlers: { clicked: ((args: unknown) => Promise<unknown>)[]; popup: ((args: unknown) => Promise<unknown>)[] } = {
    clicked: [],
    popup: [],
  };
  private nextAnnotation = 0;
  syncs = 0;
  runs = 0;
  settings = new Map<string, unknown>();
  private pending = new Set<{ sync(): Promise<void> | void }>();
  private internal = 0;

  constructor(
    paragraphs: ParagraphSpec[],
    private readonly version = 1.8,
  ) {
    this.paragraphs = paragraphs.map((p) => this.make(p));
  }

  make(p: ParagraphSpec): FakeParagraph {
    if (typeof p === 'string') return { runs: [{ text: p }], table: false, list: false };
    return {
      runs: p.runs ? p.runs.map((r) => ({ ...r })) : [{ text: p.text ?? '' }],
      table: !!p.table,
      list: !!p.list,
    };
  }

  /** Each paragraph's text (with tracked deletions, as paragraph.text gives it). */
  texts(): string[] {
    return this.paragraphs.map(raw);
  }

  /** An annotation made by someone else (another add-in) in paragraph `index`. */
  addForeignAnnotation(index: number): string {
    const id = `foreign-${++this.nextAnnotation}`;
    this.annotations.push({
      id,
      paragraph: this.paragraphs[index],
      critique: { colorScheme: 'Red', start: 0, length: 1 },
    });
    return id;
  }

  /** What Word does when the user accepts `suggestion` in the pop-up of annotation `id` (WordApi 1.8). */
  async popupAction(id: string, suggestion: string): Promise<void> {
    for (const h of this.handlers.popup) await h({ id, action: 'Accept', critiqueSuggestion: suggestion });
  }

  supports(version: number): boolean {
    return version <= this.version;
  }

  // ---- the globals ----------------------------------------------------------------------

  /** The `Word` global. */
  word(): unknown {
    return new OfficeMockObject({
      run: async (batch: (context: unknown) => Promise<unknown>) => {
        this.runs++;
        return batch(this.context());
      },
    });
  }

  /** The `Office` global. */
  office(): unknown {
    const settings = this.settings;
    return new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === 'WordApi' && this.supports(Number(version ?? '1.1')),
        },
        document: {
          settings: {
            get: (key: string) => (settings.has(key) ? structuredClone(settings.get(key)) : null),
            set: (key: string, value: unknown) => void settings.set(key, structuredClone(value)),
            remove: (key: string) => void settings.delete(key),
            saveAsync: (callback?: (r: { status: string }) => void) => callback?.({ status: 'succeeded' }),
          },
        },
      },
    });
  }

  private context(): unknown {
    return {
      document: this.documentProxy(),
      sync: async () => {
        this.syncs++;
        const pending = [...this.pending];
        this.pending.clear();
        this.internal++;
        try {
          for (const p of pending) await p.sync();
        } finally {
          this.internal--;
        }
      },
    };
  }

  // ---- proxies ----------------------------------------------------------------------------

  /** Wraps a mock's load so that the next sync syncs it, and the mock's own writes pass our setters. */
  private tracked<T extends OfficeMockObject>(mock: T): T {
    const load = mock.load.bind(mock);
    (mock as unknown as { load: (a?: unknown) => unknown }).load = (arg?: unknown) => {
      this.pending.add(mock);
      this.internal++;
      try {
        return load(arg as string);
      } finally {
        this.internal--;
      }
    };
    return mock;
  }

  private collection<T>(make: () => T[], loadItem: (item: T, paths: string[]) => void) {
    let state: 'new' | 'loaded' | 'synced' = 'new';
    let items: T[] = [];
    const world = this;
    const c = {
      load(arg: string) {
        const paths = arg
          .split(',')
          .map((s) => s.trim())
          .filter(Boolean);
        for (const path of paths)
          if (!path.startsWith('items')) throw new Error(`Load collections through items/: ${path}`);
        items = make();
        const itemPaths = paths.map((p) => p.replace(/^items\/?/, '')).filter(Boolean);
        for (const item of items) loadItem(item, itemPaths);
        state = 'loaded';
        world.pending.add(c);
        return c;
      },
      sync() {
        if (state === 'loaded') state = 'synced';
      },
      get items(): T[] {
        if (state !== 'synced') throw new Error('Collection items read before load and sync.');
        return items;
      },
    };
    return c;
  }

  private paragraphCollection(list: () => FakeParagraph[]) {
    return this.collection(
      () => list().map((p) => this.paragraphProxy(p)),
      (item, paths) => (paths.length ? item.load(paths.join(',')) : item.load('text')),
    );
  }

  private paragraphProxy(p: FakeParagraph): OfficeMockObject & Record<string, unknown> {
    const props: Record<string, unknown> = { text: raw(p) };
    if (this.supports(1.3)) {
      props.tableNestingLevel = p.table ? 1 : 0;
      props.isListItem = p.list;
    }
    const mock = this.tracked(new OfficeMockObject(props)) as OfficeMockObject & Record<string, unknown>;
    const world = this;
    Object.assign(mock, {
      search: (text: string, options?: { matchCase?: boolean }) => this.search(p, text, options),
      getReviewedText: (version: string) => {
        this.need(1.4, 'getReviewedText');
        return this.result(() => (version === 'Original' ? raw(p) : current(p)));
      },
      insertContentControl: () => this.controlProxy(this.addControl([p])),
      insertAnnotations: (set: { critiques: Record<string, unknown>[] }) => {
        this.need(1.7, 'insertAnnotations');
        const text = raw(p);
        for (const c of set.critiques) {
          const start = c.start as number;
          const length = c.length as number;
          if (!['Red', 'Green', 'Blue', 'Lavender', 'Berry'].includes(c.colorScheme as string))
            throw new Error(`bad colorScheme ${String(c.colorScheme)}`);
          if (!(start >= 0 && length > 0 && start + length <= text.length))
            throw new Error('critique outside its paragraph');
          if (c.popupOptions) this.need(1.8, 'popupOptions');
        }
        this.insertAnnotationsCalls.push({
          paragraph: this.paragraphs.indexOf(p),
          critiques: structuredClone(set.critiques),
        });
        const ids = set.critiques.map((critique) => {
          const id = `annotation-${++this.nextAnnotation}`;
          this.annotations.push({ id, paragraph: p, critique: structuredClone(critique) });
          return id;
        });
        return this.result(() => ids);
      },
      getAnnotations: () => {
        this.need(1.7, 'getAnnotations');
        return this.collection(
          () =>
            this.annotations
              .filter((a) => a.paragraph === p)
              .map((a) => {
                const mock = this.tracked(new OfficeMockObject({ id: a.id })) as OfficeMockObject &
                  Record<string, unknown>;
                mock.delete = () => void (this.annotations = this.annotations.filter((x) => x !== a));
                return mock;
              }),
          (item, paths) => item.load(paths.length ? paths.join(',') : 'id'),
        );
      },
      insertParagraph: (text: string, where: string) => this.paragraphProxy(this.insertParagraphNear(p, text, where)),
    });
    Object.defineProperty(mock, 'styleBuiltIn', {
      set(value: string) {
        world.need(1.3, 'styleBuiltIn');
        p.style = value;
      },
    });
    return mock;
  }

  private rangeProxy(p: FakeParagraph, start: number, end: number): OfficeMockObject & Record<string, unknown> {
    // office-addin-mock cannot hold null (it tries to populate it as an object): NONE stands for it.
    const colour = this.colourOf(p, start, end);
    const mock = this.tracked(
      new OfficeMockObject({ text: raw(p).slice(start, end), font: { highlightColor: colour ?? NONE } }),
    ) as OfficeMockObject & Record<string, unknown>;
    const font = mock.font as Record<string, unknown>;
    let shadow = font.highlightColor;
    const world = this;
    Object.defineProperty(font, 'highlightColor', {
      get: () => shadow,
      set(value: string | null) {
        if (world.internal) {
          shadow = value === NONE ? null : value;
        } else {
          shadow = value;
          world.setHighlight(p, start, end, value);
        }
      },
    });
    Object.assign(mock, {
      select: () => void (this.selection = { paragraph: p, start, end }),
      insertText: (text: string, where: string) => {
        if (where !== 'Replace') throw new Error(`insertText ${where} is not used`);
        this.splice(p, start, end, text);
        return this.rangeProxy(p, start, start + text.length);
      },
      insertComment: (comment: string) => {
        this.need(1.4, 'insertComment');
        this.comments.push({
          paragraph: this.paragraphs.indexOf(p),
          start,
          end,
          text: raw(p).slice(start, end),
          comment,
        });
        return {};
      },
      highlight: () => {
        this.need(1.8, 'highlight');
        this.temporary.push({ paragraph: p, start, end });
      },
      expandTo: (other: { __span: [FakeParagraph, number, number] }) => {
        this.need(1.3, 'expandTo');
        const [q, s2, e2] = other.__span;
        if (q !== p) throw new Error('expandTo across paragraphs is not modelled');
        return this.rangeProxy(p, Math.min(start, s2), Math.max(end, e2));
      },
      __span: [p, start, end],
    });
    return mock;
  }

  private search(p: FakeParagraph, escaped: string, options?: { matchCase?: boolean }) {
    if (escaped.length > 255)
      throw Object.assign(new Error('SearchStringInvalidOrTooLong'), { code: 'SearchStringInvalidOrTooLong' });
    if (!options?.matchCase) throw new Error('The adapter always searches with matchCase');
    this.searches.push(escaped);
    const needle = unescapeSearch(escaped);
    const text = raw(p);
    const found: [number, number][] = [];
    for (let at = text.indexOf(needle); at !== -1 && needle; at = text.indexOf(needle, at + needle.length))
      found.push([at, at + needle.length]);
    return this.collection(
      () => found.map(([s, e]) => this.rangeProxy(p, s, e)),
      (item, paths) => item.load(paths.length ? paths.join(',') : 'text'),
    );
  }

  private result<T>(compute: () => T) {
    let synced = false;
    let value: T;
    const r = {
      sync: () => {
        value = compute();
        synced = true;
      },
      get value(): T {
        if (!synced) throw new Error('ClientResult read before sync.');
        return value;
      },
    };
    this.pending.add(r);
    return r;
  }

  private documentProxy() {
    const world = this;
    const body = {
      get paragraphs() {
        return world.paragraphCollection(() => world.paragraphs);
      },
      contentControls: {
        getByTitle: (title: string) =>
          this.collection(
            () => this.controls.filter((c) => c.title === title).map((c) => this.controlProxy(c)),
            () => undefined,
          ),
      },
      getReviewedText: (version: string) => {
        this.need(1.4, 'getReviewedText');
        return this.result(() => this.paragraphs.map(version === 'Original' ? raw : current).join('\r'));
      },
      insertParagraph: (text: string, where: string) => {
        if (where !== 'End') throw new Error(`body.insertParagraph ${where} is not used`);
        const p = this.make(text);
        this.paragraphs.push(p);
        return this.paragraphProxy(p);
      },
      getRange: () => {
        this.need(1.3, 'body.getRange');
        return { removeHighlight: () => (this.need(1.8, 'removeHighlight'), void (this.temporary = [])) };
      },
    };
    const events = (version: number, what: string, list: ((args: unknown) => Promise<unknown>)[]) => ({
      add: (handler: (args: unknown) => Promise<unknown>) => {
        this.need(version, what);
        list.push(handler);
        return {};
      },
    });
    return {
      body,
      onAnnotationClicked: events(1.7, 'onAnnotationClicked', this.handlers.clicked),
      onAnnotationPopupAction: events(1.8, 'onAnnotationPopupAction', this.handlers.popup),
      getSelection: () => {
        const sel = this.selection ?? { paragraph: this.paragraphs[0], start: 0, end: 0 };
        const first = this.paragraphs.indexOf(sel.paragraph);
        const last = sel.last ? this.paragraphs.indexOf(sel.last) : first;
        const span = this.paragraphs.slice(first, last + 1);
        const text = span
          .map((p, i) =>
            raw(p).slice(i === 0 ? sel.start : 0, i === span.length - 1 ? (sel.lastEnd ?? sel.end) : undefined),
          )
          .join('\r');
        const mock = this.tracked(new OfficeMockObject({ text })) as OfficeMockObject & Record<string, unknown>;
        Object.assign(mock, {
          paragraphs: this.paragraphCollection(() => span),
          insertParagraph: (t: string, where: string) =>
            this.paragraphProxy(this.insertParagraphNear(span[span.length - 1], t, where)),
        });
        return mock;
      },
    };
  }

  private addControl(paragraphs: FakeParagraph[]): FakeControl {
    const c: FakeControl = { title: '', tag: '', paragraphs };
    this.controls.push(c);
    return c;
  }

  private controlProxy(c: FakeControl) {
    const world = this;
    const replaceContent = (paragraphs: FakeParagraph[]) => {
      const at = this.paragraphs.indexOf(c.paragraphs[0]);
      this.paragraphs.splice(at, c.paragraphs.length, ...paragraphs);
      c.paragraphs = paragraphs;
    };
    return {
      get title() {
        return c.title;
      },
      set title(v: string) {
        c.title = v;
      },
      get tag() {
        return c.tag;
      },
      set tag(v: string) {
        c.tag = v;
      },
      get paragraphs() {
        return world.paragraphCollection(() => c.paragraphs);
      },
      clear: () => replaceContent([this.make('')]),
      insertParagraph: (text: string, where: string) => {
        if (where !== 'Start') throw new Error(`control.insertParagraph ${where} is not used`);
        const p = this.make(text);
        this.paragraphs.splice(this.paragraphs.indexOf(c.paragraphs[0]), 0, p);
        c.paragraphs = [p, ...c.paragraphs];
        return this.paragraphProxy(p);
      },
      insertTable: (rows: number, columns: number, where: string, values: string[][]) => {
        this.need(1.3, 'insertTable');
        if (where !== 'End' || values.length !== rows || values.some((r) => r.length !== columns))
          throw new Error('bad insertTable');
        // Word keeps the empty paragraph clear() left; the table's cells go before it.
        const cells = values.flat().map((text) => ({ ...this.make(text), table: true }));
        const last = c.paragraphs[c.paragraphs.length - 1];
        const keepLast = raw(last) === '' && c.paragraphs.length > 1;
        const at = this.paragraphs.indexOf(last) + (keepLast ? 0 : 1);
        this.paragraphs.splice(at, 0, ...cells);
        c.paragraphs = keepLast ? [...c.paragraphs.slice(0, -1), ...cells, last] : [...c.paragraphs, ...cells];
        const table = {};
        Object.defineProperty(table, 'headerRowCount', { set: () => undefined });
        return table;
      },
      insertHtml: (html: string, where: string) => {
        if (where !== 'Replace') throw new Error(`insertHtml ${where} is not used`);
        c.html = html;
        const decode = (s: string) =>
          s
            .replace(/&lt;/g, '<')
            .replace(/&gt;/g, '>')
            .replace(/&quot;/g, '"')
            .replace(/&amp;/g, '&');
        const heading = /<h2>(.*?)<\/h2>/.exec(html);
        const cells = [...html.matchAll(/<t[hd]>(.*?)<\/t[hd]>/g)].map((m) => ({
          ...this.make(decode(m[1])),
          table: true,
        }));
        replaceContent([...(heading ? [this.make(decode(heading[1]))] : []), ...cells]);
        return {};
      },
    };
  }

  private insertParagraphNear(p: FakeParagraph, text: string, where: string): FakeParagraph {
    if (where !== 'After') throw new Error(`insertParagraph ${where} is not used`);
    const q = this.make(text);
    this.paragraphs.splice(this.paragraphs.indexOf(p) + 1, 0, q);
    return q;
  }

  private need(version: number, what: string): void {
    if (!this.supports(version)) throw new Error(`${what} needs WordApi ${version}; this Word has ${this.version}.`);
  }

  // ---- the document model ---------------------------------------------------------------------

  /** Splits runs so that [start, end) is made of whole runs; returns the runs' index range. */
  private cut(p: FakeParagraph, start: number, end: number): [number, number] {
    const splitAt = (offset: number) => {
      let at = 0;
      for (let i = 0; i < p.runs.length; i++) {
        const r = p.runs[i];
        if (offset > at && offset < at + r.text.length) {
          p.runs.splice(i, 1, { ...r, text: r.text.slice(0, offset - at) }, { ...r, text: r.text.slice(offset - at) });
          return;
        }
        at += r.text.length;
      }
    };
    splitAt(start);
    splitAt(end);
    let at = 0;
    let first = -1;
    let last = -1;
    p.runs.forEach((r, i) => {
      if (at >= start && at + r.text.length <= end && r.text.length > 0) {
        if (first < 0) first = i;
        last = i;
      }
      at += r.text.length;
    });
    return [first, last];
  }

  colourOf(p: FakeParagraph, start: number, end: number): string | null {
    const colours = new Set<string | null>();
    let at = 0;
    for (const r of p.runs) {
      if (at < end && at + r.text.length > start) colours.add(r.highlight ?? null);
      at += r.text.length;
    }
    return colours.size > 1 ? '' : ([...colours][0] ?? null);
  }

  private setHighlight(p: FakeParagraph, start: number, end: number, colour: string | null): void {
    const [first, last] = this.cut(p, start, end);
    for (let i = first; i >= 0 && i <= last; i++) p.runs[i].highlight = colour;
  }

  /** Replaces [start, end) with text formatted like the first run it replaces. */
  private splice(p: FakeParagraph, start: number, end: number, text: string): void {
    const [first, last] = this.cut(p, start, end);
    const like = p.runs[first] ?? { text: '' };
    p.runs.splice(first, last - first + 1, { ...like, text });
  }
}
