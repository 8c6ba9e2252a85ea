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
 * The host offers only the APIs of the requirement sets it is told it supports, with the sets
 * read from the `[Api set: …]` tags of @types/office-js (api-sets.ts): every Word object the
 * fake hands out is a proxy that checks each member used, each property loaded and each
 * property set. A member of a set the host lacks, or of a set above any the adapter asked
 * `isSetSupported` about, throws ApiNotFound as Word does, and is recorded in `violations`
 * (the tests assert it stays empty, so a caught error cannot hide one).
 *
 * Word's own behaviour is copied where the adapter depends on it: search takes at most
 * 255 characters (longer throws, as Word does), matches across formatting runs, is
 * case-sensitive with matchCase, and finds text in tracked deletions too; paragraph.text shows
 * what the markup view shows (office-js issues 2314, 1267: with All Markup, deletions are in
 * it; with Simple Markup or No Markup they are not; Original leaves insertions out), while
 * getReviewedText does not depend on the view; highlightColor reads null for none and '' for
 * several colours; picking a suggestion in an underline's pop-up makes Word replace the text
 * itself before the add-in hears of it (office-js issues 6644, 6358); on the web,
 * range.highlight() selects and scrolls to the range (6141); on a Mac, removeHighlight() on the
 * whole body fails (6044).
 */
import { OfficeMockObject } from 'office-addin-mock';
import { apiSetOf, type ApiSet } from './api-sets.js';

export interface FakeRun {
  text: string;
  highlight?: string | null;
  bold?: boolean;
  /** A tracked deletion: in paragraph.text with All Markup, gone from getReviewedText('Current'). */
  deleted?: boolean;
  /** A tracked insertion: in paragraph.text except in the Original view, gone from getReviewedText('Original'). */
  inserted?: boolean;
}

/** Word's markup views (Review → Tracking). */
export type MarkupView = 'all' | 'simple' | 'none' | 'original';

export interface FakeHost {
  /** The highest WordApi version the host supports (1.1 to 1.9). */
  version?: number;
  /** Other sets, e.g. { WordApiOnline: 1.1 }. */
  sets?: Record<string, number>;
  platform?: 'web' | 'windows' | 'mac';
  markupView?: MarkupView;
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
/** Every character, deleted or not: what search sees and what offsets in the model count. */
const raw = (p: FakeParagraph) => p.runs.map((r) => r.text).join('');
const current = (p: FakeParagraph) =>
  p.runs
    .filter((r) => !r.deleted)
    .map((r) => r.text)
    .join('');
const original = (p: FakeParagraph) =>
  p.runs
    .filter((r) => !r.inserted)
    .map((r) => r.text)
    .join('');

/** What a property path's first step leads to, for checking loads like `items/font/highlightColor`. */
const CHILD: Record<string, string> = { font: 'Font', critiqueAnnotation: 'CritiqueAnnotation' };

export class ApiNotFoundError extends Error {
  code = 'ApiNotFound';
}

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
  /** Makes the nth sync (counted over the fake's life) fail, after the changes queued before it were made. */
  failSync: ((n: number) => boolean) | undefined;
  /** APIs used that the host does not offer, or that the adapter did not check for first. */
  violations: string[] = [];
  /** The highest version of each set the adapter asked about and was told is supported. */
  readonly checked = new Map<string, number>();
  markupView: MarkupView;
  readonly platform: 'web' | 'windows' | 'mac';
  private readonly sets: Record<string, number>;
  private readonly version: number;
  private pending = new Set<{ sync(): Promise<void> | void }>();
  private internal = 0;

  constructor(paragraphs: ParagraphSpec[], host: number | FakeHost = 1.8) {
    const h = typeof host === 'number' ? { version: host } : host;
    this.version = h.version ?? 1.8;
    this.sets = { WordApi: this.version, ...h.sets };
    this.platform = h.platform ?? 'windows';
    this.markupView = h.markupView ?? 'all';
    this.paragraphs = paragraphs.map((p) => this.make(p));
  }

  /** paragraph.text in the current markup view. */
  shown(p: FakeParagraph): string {
    if (this.markupView === 'all') return raw(p);
    return this.markupView === 'original' ? original(p) : current(p);
  }

  make(p: ParagraphSpec): FakeParagraph {
    if (typeof p === 'string') return { runs: [{ text: p }], table: false, list: false };
    return {
      runs: p.runs ? p.runs.map((r) => ({ ...r })) : [{ text: p.text ?? '' }],
      table: !!p.table,
      list: !!p.list,
    };
  }

  /** Each paragraph's text with every character in it (tracked deletions too). */
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

  /**
   * What Word does when the user accepts `suggestion` in the pop-up of annotation `id` (WordApi
   * 1.8): it replaces the underlined text with the suggestion and drops the underline, then
   * tells the add-in.
   */
  async popupAction(id: string, suggestion: string): Promise<void> {
    const a = this.annotations.find((x) => x.id === id);
    if (a) {
      const start = a.critique.start as number;
      this.annotations = this.annotations.filter((x) => x !== a);
      this.splice(a.paragraph, start, start + (a.critique.length as number), suggestion);
    }
    for (const h of this.handlers.popup) await h({ id, action: 'Accept', critiqueSuggestion: suggestion });
  }

  supports(version: number): boolean {
    return version <= this.version;
  }

  private hostHas(set: ApiSet): boolean {
    return (this.sets[set.name] ?? 0) >= set.version;
  }

  /** Word.<cls>.<member> is used: allowed only in the sets the host has and the adapter checked for. */
  private use(cls: string, member: string): void {
    if (this.internal) return;
    const set = apiSetOf(cls, member);
    if (!set) return;
    const baseline = set.name === 'WordApi' && set.version <= 1.1;
    const problem = !this.hostHas(set)
      ? `this Word has ${Object.entries(this.sets)
          .map(([n, v]) => `${n} ${v}`)
          .join(', ')}`
      : !baseline && (this.checked.get(set.name) ?? 0) < set.version
        ? 'the adapter did not check for it'
        : undefined;
    if (!problem) return;
    const message = `Word.${cls}.${member} needs ${set.name} ${set.version}; ${problem}.`;
    if (!this.violations.includes(message)) this.violations.push(message);
    throw new ApiNotFoundError(message);
  }

  /** Checks each property a `load` names, e.g. `items/text,items/font/highlightColor`. */
  private usePaths(cls: string, arg: unknown): void {
    if (typeof arg !== 'string') return;
    for (const path of arg.split(',')) {
      let at = cls;
      for (const step of path.trim().split('/').filter(Boolean)) {
        if (step === 'items' && at.endsWith('Collection')) {
          at = at.slice(0, -'Collection'.length);
          continue;
        }
        this.use(at, step);
        at = CHILD[step] ?? '';
      }
    }
  }

  /** The object as Word.<cls>: every member read or written, and every load, is checked against the sets. */
  private guard<T extends object>(cls: string, target: T): T {
    const world = this;
    return new Proxy(target, {
      get(t, prop, receiver) {
        if (typeof prop !== 'string') return Reflect.get(t, prop, receiver);
        world.use(cls, prop);
        const value = Reflect.get(t, prop, receiver) as unknown;
        if (prop === 'load' && typeof value === 'function')
          return (arg?: unknown) => {
            world.usePaths(cls, arg);
            return (value as (a?: unknown) => unknown).call(receiver, arg);
          };
        if (CHILD[prop] && value && typeof value === 'object') return world.guard(CHILD[prop], value);
        return value;
      },
      set(t, prop, value, receiver) {
        if (typeof prop === 'string') world.use(cls, prop);
        return Reflect.set(t, prop, value, receiver);
      },
    });
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
    const office = this.officeMock() as { context: Record<string, unknown> };
    office.context.diagnostics = { platform: { web: 'OfficeOnline', windows: 'PC', mac: 'Mac' }[this.platform] };
    return office;
  }

  private officeMock(): unknown {
    const settings = this.settings;
    return new OfficeMockObject({
      context: {
        requirements: {
          isSetSupported: (name: string, version?: string) => {
            const set = { name, version: Number(version ?? '1.1') };
            const yes = this.hostHas(set);
            if (yes && set.version > (this.checked.get(name) ?? 0)) this.checked.set(name, set.version);
            return yes;
          },
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
        // Word has carried out what was queued before the failing call, and no more of the batch.
        if (this.failSync?.(this.syncs)) {
          this.pending.clear();
          throw Object.assign(new Error('GeneralException'), { code: 'GeneralException' });
        }
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

  private collection<T>(cls: string, make: () => T[], loadItem: (item: T, paths: string[]) => void) {
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
    return this.guard(cls, c);
  }

  private paragraphCollection(list: () => FakeParagraph[]) {
    return this.collection(
      'ParagraphCollection',
      () => list().map((p) => this.paragraphProxy(p)),
      (item, paths) => (paths.length ? item.load(paths.join(',')) : item.load('text')),
    );
  }

  private paragraphProxy(p: FakeParagraph): OfficeMockObject & Record<string, unknown> {
    const props: Record<string, unknown> = { text: this.shown(p) };
    if (this.supports(1.3)) {
      props.tableNestingLevel = p.table ? 1 : 0;
      props.isListItem = p.list;
    }
    const mock = this.tracked(new OfficeMockObject(props)) as OfficeMockObject & Record<string, unknown>;
    const world = this;
    Object.assign(mock, {
      search: (text: string, options?: { matchCase?: boolean }) => this.search(p, text, options),
      getReviewedText: (version: string) => this.result(() => (version === 'Original' ? original(p) : current(p))),
      insertContentControl: () => this.controlProxy(this.addControl([p])),
      insertAnnotations: (set: { critiques: Record<string, unknown>[] }) => {
        const text = raw(p);
        for (const c of set.critiques) {
          const start = c.start as number;
          const length = c.length as number;
          if (!['Red', 'Green', 'Blue', 'Lavender', 'Berry'].includes(c.colorScheme as string))
            throw new Error(`bad colorScheme ${String(c.colorScheme)}`);
          if (!(start >= 0 && length > 0 && start + length <= text.length))
            throw new Error('critique outside its paragraph');
          for (const key of Object.keys(c)) this.use('Critique', key);
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
        return this.collection(
          'AnnotationCollection',
          () =>
            this.annotations
              .filter((a) => a.paragraph === p)
              .map((a) => {
                const mock = this.tracked(new OfficeMockObject({ id: a.id })) as OfficeMockObject &
                  Record<string, unknown>;
                // office-addin-mock cannot load a plain object's fields (it wants each loaded): critique is given whole.
                const load = mock.load.bind(mock);
                (mock as unknown as { load: (arg?: string) => unknown }).load = (arg?: string) => {
                  const paths = (arg ?? '').split(',').map((x) => x.trim());
                  const rest = paths.filter((x) => !x.startsWith('critiqueAnnotation'));
                  if (rest.length < paths.length) mock.critiqueAnnotation = { critique: structuredClone(a.critique) };
                  return load(rest.join(','));
                };
                mock.delete = () => void (this.annotations = this.annotations.filter((x) => x !== a));
                return this.guard('Annotation', mock);
              }),
          (item, paths) => item.load(paths.length ? paths.join(',') : 'id'),
        );
      },
      insertParagraph: (text: string, where: string) => this.paragraphProxy(this.insertParagraphNear(p, text, where)),
      getRange: () => this.rangeProxy(p, 0, raw(p).length),
    });
    Object.defineProperty(mock, 'styleBuiltIn', {
      set(value: string) {
        p.style = value;
      },
    });
    return world.guard('Paragraph', mock);
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
        this.temporary.push({ paragraph: p, start, end });
        // Word on the web selects what it highlights, and scrolls to it (office-js issue 6141).
        if (this.platform === 'web') this.selection = { paragraph: p, start, end };
      },
      removeHighlight: () => {
        this.temporary = this.temporary.filter((t) => t.paragraph !== p || t.end <= start || t.start >= end);
      },
      expandTo: (other: { __span: [FakeParagraph, number, number] }) => {
        const [q, s2, e2] = other.__span;
        if (q !== p) throw new Error('expandTo across paragraphs is not modelled');
        return this.rangeProxy(p, Math.min(start, s2), Math.max(end, e2));
      },
      __span: [p, start, end],
    });
    return this.guard('Range', mock);
  }

  /** Body search: every paragraph's matches, in order (matches across paragraphs are not modelled). */
  private searchBody(escaped: string, options?: { matchCase?: boolean }) {
    const found = this.paragraphs.flatMap((p) => this.matches(p, escaped, options).map(([s, e]) => [p, s, e] as const));
    return this.collection(
      'RangeCollection',
      () => found.map(([p, s, e]) => this.rangeProxy(p, s, e)),
      (item, paths) => item.load(paths.length ? paths.join(',') : 'text'),
    );
  }

  private matches(p: FakeParagraph, escaped: string, options?: { matchCase?: boolean }): [number, number][] {
    if (escaped.length > 255)
      throw Object.assign(new Error('SearchStringInvalidOrTooLong'), { code: 'SearchStringInvalidOrTooLong' });
    if (!options?.matchCase) throw new Error('The adapter always searches with matchCase');
    this.searches.push(escaped);
    const needle = unescapeSearch(escaped);
    const text = raw(p);
    const found: [number, number][] = [];
    for (let at = text.indexOf(needle); at !== -1 && needle; at = text.indexOf(needle, at + needle.length))
      found.push([at, at + needle.length]);
    return found;
  }

  private search(p: FakeParagraph, escaped: string, options?: { matchCase?: boolean }) {
    const found = this.matches(p, escaped, options);
    return this.collection(
      'RangeCollection',
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
            'ContentControlCollection',
            () => this.controls.filter((c) => c.title === title).map((c) => this.controlProxy(c)),
            () => undefined,
          ),
      },
      getReviewedText: (version: string) =>
        this.result(() => this.paragraphs.map(version === 'Original' ? original : current).join('\r')),
      search: (text: string, options?: { matchCase?: boolean }) => this.searchBody(text, options),
      insertParagraph: (text: string, where: string) => {
        if (where !== 'End') throw new Error(`body.insertParagraph ${where} is not used`);
        const p = this.make(text);
        this.paragraphs.push(p);
        return this.paragraphProxy(p);
      },
      getRange: () =>
        this.guard('Range', {
          removeHighlight: () => {
            // Word for Mac fails this on the whole body (office-js issue 6044).
            if (this.platform === 'mac') throw new Error('GeneralException: removeHighlight on the whole body');
            this.temporary = [];
          },
        }),
    };
    const events = (list: ((args: unknown) => Promise<unknown>)[]) => ({
      add: (handler: (args: unknown) => Promise<unknown>) => {
        list.push(handler);
        return {};
      },
    });
    return this.guard('Document', {
      body: this.guard('Body', body),
      onAnnotationClicked: events(this.handlers.clicked),
      onAnnotationPopupAction: events(this.handlers.popup),
      getSelection: () => {
        const sel = this.selection ?? { paragraph: this.paragraphs[0], start: 0, end: 0 };
        const first = this.paragraphs.indexOf(sel.paragraph);
        const last = sel.last ? this.paragraphs.indexOf(sel.last) : first;
        const span = this.paragraphs.slice(first, last + 1);
        const text = span
          .map((p, i) =>
            this.shown(p).slice(i === 0 ? sel.start : 0, i === span.length - 1 ? (sel.lastEnd ?? sel.end) : undefined),
          )
          .join('\r');
        const mock = this.tracked(new OfficeMockObject({ text })) as OfficeMockObject & Record<string, unknown>;
        Object.assign(mock, {
          paragraphs: this.paragraphCollection(() => span),
          insertParagraph: (t: string, where: string) =>
            this.paragraphProxy(this.insertParagraphNear(span[span.length - 1], t, where)),
          select: () => void (this.selection = sel),
        });
        return this.guard('Range', mock);
      },
    });
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
    return this.guard('ContentControl', {
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
        return this.guard('Table', table);
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
    });
  }

  private insertParagraphNear(p: FakeParagraph, text: string, where: string): FakeParagraph {
    if (where !== 'After') throw new Error(`insertParagraph ${where} is not used`);
    const q = this.make(text);
    this.paragraphs.splice(this.paragraphs.indexOf(p) + 1, 0, q);
    return q;
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
    // Word's underlines move with their text; one whose text changed goes.
    const delta = text.length - (end - start);
    this.annotations = this.annotations.filter((a) => {
      if (a.paragraph !== p) return true;
      const s = a.critique.start as number;
      const e = s + (a.critique.length as number);
      if (s >= end) a.critique.start = s + delta;
      return s >= end || e <= start;
    });
  }
}
