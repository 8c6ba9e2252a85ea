/// <reference types="office-js" />
/**
 * The DocumentPort for Word, and the ONLY code in Plain SEND that touches Office.js (the
 * `Word` and `Office` globals). Rules it keeps:
 *
 * - One `Word.run` per user action, and a constant number of `context.sync()` round trips
 *   whatever the length of the document or the number of findings: every paragraph's text is
 *   read in one sync (`paragraphs.load('items/text')`), and the searches for any number of
 *   findings are queued together and run in one sync.
 * - WordApi 1.1 is enough for the core; higher sets are detected at run time with
 *   `Office.context.requirements.isSetSupported` and used when present:
 *   1.3 table/list flags, `expandTo` for long texts, a native glossary table;
 *   1.4 comments and tracked changes read as they will be once accepted;
 *   1.7 findings as Word's own underlines (annotations with critiques), and 1.8 their
 *   pop-up with suggestions; 1.8 temporary marks (`range.highlight()`), which leave the
 *   document unchanged.
 * - A finding is found again by searching its paragraph for its exact text and taking the
 *   nth match, n counted in the paragraph text read before; Word's search takes at most
 *   255 characters, so a longer text is found by its first and last parts, then expanded.
 *   Matches are compared with the text we expect, and a count that does not agree (the
 *   document changed, or tracked deletions hold the same words) stops the action rather
 *   than change the wrong words.
 */
import {
  GLOSSARY_COLUMNS,
  GLOSSARY_HEADING,
  GLOSSARY_TITLE,
  StaleLocationError,
  countOccurrences,
  occurrenceBefore,
  sortGlossary,
  verifyLocation,
  type AnnotationEvents,
  type AnnotationItem,
  type Capabilities,
  type DocParagraph,
  type DocumentPort,
  type GlossaryPlace,
  type GlossaryRow,
  type Location,
  type MarkResult,
  type SelectionSnapshot,
  type SettingsStore,
  type SyncCounts,
} from './document-port.js';
import { LocalStorageSettings } from './settings.js';

/** Word's search takes at most 255 characters. */
export const SEARCH_LIMIT = 255;
/** Longer texts are searched for by a head and a tail this long (before escaping). */
const PART = 120;
const GLOSSARY_TAG = 'plain-send-glossary';
const MARK_COLOUR = 'Yellow';
const MARKS_KEY = 'marks';

/** The underline colour for each kind of finding (red is left to Word's spelling). */
export const CRITIQUE_COLOURS: Readonly<Record<string, 'Red' | 'Green' | 'Blue' | 'Lavender' | 'Berry'>> = {
  acronym: 'Blue',
  jargon: 'Lavender',
  'plain-word': 'Green',
  sentence: 'Berry',
};
/**
 * The pop-up's branding, title and subtitle are not text but IDs of strings in the manifest
 * (`bt:String` in manifest.xml): one title and subtitle per kind of finding.
 */
export const CRITIQUE_BRANDING = 'PlainSend.Group.Label';
export const CRITIQUE_TEXT: Readonly<Record<string, { titleResourceId: string; subtitleResourceId: string }>> = {
  acronym: { titleResourceId: 'PlainSend.Popup.Acronym', subtitleResourceId: 'PlainSend.Popup.Acronym.Tip' },
  jargon: { titleResourceId: 'PlainSend.Popup.Jargon', subtitleResourceId: 'PlainSend.Popup.Jargon.Tip' },
  'plain-word': { titleResourceId: 'PlainSend.Popup.PlainWord', subtitleResourceId: 'PlainSend.Popup.PlainWord.Tip' },
  sentence: { titleResourceId: 'PlainSend.Popup.Sentence', subtitleResourceId: 'PlainSend.Popup.Sentence.Tip' },
};

/** The pop-up strings for a kind of finding. */
export function critiqueResources(category: string) {
  return { brandingTextResourceId: CRITIQUE_BRANDING, ...(CRITIQUE_TEXT[category] ?? CRITIQUE_TEXT.jargon) };
}
/** Word's pop-up shows at most three suggestions. */
export const MAX_SUGGESTIONS = 3;

export class TrackedChangesError extends StaleLocationError {
  constructor() {
    super(
      'This paragraph has tracked changes that Plain SEND cannot see past. Accept or reject them, check again, then try once more.',
    );
    this.name = 'TrackedChangesError';
  }
}

interface OfficeGlobals {
  Word: typeof Word;
  Office: typeof Office;
}

interface StoredMark extends Location {
  /** The highlight colour the text had before; null for none. */
  colour: string | null;
}

interface ReadBody {
  items: Word.Paragraph[];
  paragraphs: DocParagraph[];
}

/** Escapes Word's search special characters (`^`), and writes tabs and line breaks as Word's codes. */
export function escapeSearch(text: string): string {
  return text.replace(/\^/g, '^^').replace(/\t/g, '^t').replace(/\v/g, '^l');
}

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

const isHighSurrogate = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLowSurrogate = (c: number) => c >= 0xdc00 && c <= 0xdfff;

export function searchable(text: string): boolean {
  return escapeSearch(text).length <= SEARCH_LIMIT;
}

/** Word gives paragraph text with a trailing paragraph mark in some places; we never want it. */
function clean(text: string): string {
  return text.replace(/\r$/, '');
}

/** Marks the run of paragraphs whose texts are the glossary's, if found. */
function markGlossary(paragraphs: DocParagraph[], raw: readonly string[], glossary: readonly string[]): void {
  if (!glossary.length) return;
  for (let i = 0; i + glossary.length <= raw.length; i++) {
    let same = true;
    for (let j = 0; j < glossary.length && same; j++) same = raw[i + j] === glossary[j];
    if (!same) continue;
    for (let j = 0; j < glossary.length; j++) paragraphs[i + j].inGlossary = true;
    return;
  }
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** The glossary as HTML, for hosts without native tables (WordApi 1.1). */
export function glossaryHtml(rows: readonly GlossaryRow[]): string {
  const cells = (tag: string, a: string, b: string) =>
    `<tr><${tag}>${escapeHtml(a)}</${tag}><${tag}>${escapeHtml(b)}</${tag}></tr>`;
  return (
    `<h2>${escapeHtml(GLOSSARY_HEADING)}</h2>` +
    `<table border="1"><thead>${cells('th', GLOSSARY_COLUMNS[0], GLOSSARY_COLUMNS[1])}</thead><tbody>` +
    rows.map((r) => cells('td', r.term, r.meaning)).join('') +
    '</tbody></table>'
  );
}

/** Office's per-document settings (saved inside the document), under `plainSend.<key>`. */
class DocumentSettings implements SettingsStore {
  constructor(private readonly office: () => typeof Office) {}
  private settings(): Office.Settings | undefined {
    return this.office()?.context?.document?.settings;
  }
  get<T>(key: string): T | undefined {
    const value = this.settings()?.get(`plainSend.${key}`);
    return value === null || value === undefined ? undefined : (value as T);
  }
  async set(key: string, value: unknown): Promise<void> {
    const settings = this.settings();
    if (!settings) return;
    if (value === undefined) settings.remove(`plainSend.${key}`);
    else settings.set(`plainSend.${key}`, value);
    await new Promise<void>((resolve, reject) =>
      settings.saveAsync((result) =>
        String(result.status) === 'failed'
          ? reject(new Error(result.error?.message ?? 'Could not save the settings.'))
          : resolve(),
      ),
    );
  }
}

export class WordAdapter implements DocumentPort {
  readonly kind = 'word';
  readonly documentSettings: SettingsStore;
  readonly userSettings: SettingsStore;
  private readonly counts: SyncCounts = { syncs: 0, runs: 0 };
  private temporaryMarks = 0;
  /** The annotations we inserted: Word's id to the index of the item in `showAnnotations`. */
  private annotationIds = new Map<string, number>();
  private annotationEvents: AnnotationEvents | undefined;
  private annotationHandlers = false;

  /** `globals` defaults to the page's `Word` and `Office`; tests stub those with vi.stubGlobal. */
  constructor(private readonly globals: () => OfficeGlobals = () => globalThis as unknown as OfficeGlobals) {
    this.documentSettings = new DocumentSettings(() => this.globals().Office);
    this.userSettings = new LocalStorageSettings();
  }

  supports(version: string): boolean {
    try {
      return !!this.globals().Office?.context?.requirements?.isSetSupported('WordApi', version);
    } catch {
      return false;
    }
  }

  capabilities(): Capabilities {
    return {
      comments: this.supports('1.4'),
      temporaryMarks: this.supports('1.8'),
      structure: this.supports('1.3'),
      trackedChanges: this.supports('1.4'),
      annotations: this.supports('1.7'),
      annotationSuggestions: this.supports('1.8'),
    };
  }

  syncCounts(): SyncCounts {
    return { ...this.counts };
  }

  /** One Word.run, counting its syncs. */
  private run<T>(batch: (context: Word.RequestContext, sync: () => Promise<void>) => Promise<T>): Promise<T> {
    this.counts.runs++;
    return this.globals().Word.run(async (context: Word.RequestContext) => {
      const sync = async () => {
        this.counts.syncs++;
        await context.sync();
      };
      return batch(context, sync);
    });
  }

  async readParagraphs(): Promise<DocParagraph[]> {
    return this.run(async (context, sync) => (await this.readBody(context, sync)).paragraphs);
  }

  /**
   * Every paragraph's text in one sync; a second one only when the document has tracked
   * changes or a glossary we inserted (both need objects from the first).
   */
  private async readBody(
    context: Word.RequestContext,
    sync: () => Promise<void>,
    alsoLoad?: () => void,
  ): Promise<ReadBody> {
    const body = context.document.body;
    alsoLoad?.();
    const collection = body.paragraphs;
    const structure = this.supports('1.3');
    collection.load(structure ? 'items/text,items/tableNestingLevel,items/isListItem' : 'items/text');
    const glossaries = body.contentControls.getByTitle(GLOSSARY_TITLE);
    glossaries.load('items/title');
    const tracked = this.supports('1.4');
    const current = tracked ? body.getReviewedText('Current') : undefined;
    const original = tracked ? body.getReviewedText('Original') : undefined;
    await sync();

    const items = collection.items;
    const raw = items.map((p) => clean(p.text));
    const paragraphs: DocParagraph[] = items.map((p, i) => {
      const out: DocParagraph = { text: raw[i] };
      if (structure) {
        out.inTable = p.tableNestingLevel > 0;
        out.isListItem = p.isListItem;
      }
      return out;
    });
    const reviewed =
      current && original && current.value !== original.value
        ? items.map((p) => p.getReviewedText('Current'))
        : undefined;
    let glossaryParagraphs: Word.ParagraphCollection | undefined;
    if (glossaries.items.length > 0) {
      glossaryParagraphs = glossaries.items[0].paragraphs;
      glossaryParagraphs.load('items/text');
    }
    if (reviewed || glossaryParagraphs) await sync();
    if (reviewed) {
      reviewed.forEach((r, i) => {
        const text = clean(r.value);
        if (text !== paragraphs[i].text) {
          paragraphs[i].text = text;
          paragraphs[i].trackedChanges = true;
        }
      });
    }
    if (glossaryParagraphs)
      markGlossary(
        paragraphs,
        raw,
        glossaryParagraphs.items.map((p) => clean(p.text)),
      );
    return { items, paragraphs };
  }

  /** Queues the loads for the selection; the result is readable after the next sync. */
  private loadSelection(context: Word.RequestContext): () => SelectionSnapshot {
    const selection = context.document.getSelection();
    selection.load('text');
    const paragraphs = selection.paragraphs;
    paragraphs.load('items/text');
    return () => ({
      text: selection.text.replace(/\r\n?/g, '\n').replace(/\n$/, ''),
      paragraphs: paragraphs.items.map((p) => clean(p.text)),
    });
  }

  async readSelection(): Promise<SelectionSnapshot> {
    return this.run(async (context, sync) => {
      const read = this.loadSelection(context);
      await sync();
      return read();
    });
  }

  async readWithSelection(): Promise<{ paragraphs: DocParagraph[]; selection: SelectionSnapshot }> {
    return this.run(async (context, sync) => {
      let read: (() => SelectionSnapshot) | undefined;
      const { paragraphs } = await this.readBody(context, sync, () => (read = this.loadSelection(context)));
      return { paragraphs, selection: read!() };
    });
  }

  /**
   * Finds the ranges of `locations` in a constant number of syncs: read the paragraphs (1–2),
   * search them all (1), and, when some texts are too long to search for at once or
   * `load` asks for properties of the final ranges, expand and load those (1).
   * Each result is a range, or the error that explains why it could not be found.
   */
  private async locate(
    context: Word.RequestContext,
    sync: () => Promise<void>,
    locations: readonly Location[],
    load?: string,
    whole = false,
  ): Promise<(Word.Range | StaleLocationError)[]> {
    const { items, paragraphs } = await this.readBody(context, sync);
    type Plan =
      | { error: StaleLocationError }
      | { needle: string; results: Word.RangeCollection; n: number; total: number; tracked: boolean }
      | {
          head: string;
          heads: Word.RangeCollection;
          nHead: number;
          totalHead: number;
          tail: string;
          tails: Word.RangeCollection;
          nTail: number;
          totalTail: number;
          text: string;
          tracked: boolean;
        };
    const plans: Plan[] = locations.map((location) => {
      try {
        verifyLocation(paragraphs, location);
      } catch (error) {
        return { error: error as StaleLocationError };
      }
      const paragraph = items[location.paragraph];
      const text = paragraphs[location.paragraph].text;
      const tracked = !!paragraphs[location.paragraph].trackedChanges;
      const search = (needle: string) => {
        const results = paragraph.search(escapeSearch(needle), { matchCase: true });
        results.load(load ? `items/text,items/${load.split(',').join(',items/')}` : 'items/text');
        return results;
      };
      if (searchable(location.text)) {
        return {
          needle: location.text,
          results: search(location.text),
          n: occurrenceBefore(text, location.text, location.start),
          total: countOccurrences(text, location.text),
          tracked,
        };
      }
      const head = headOf(location.text);
      const tail = tailOf(location.text);
      return {
        head,
        heads: search(head),
        nHead: occurrenceBefore(text, head, location.start),
        totalHead: countOccurrences(text, head),
        tail,
        tails: search(tail),
        nTail: occurrenceBefore(text, tail, location.end - tail.length),
        totalTail: countOccurrences(text, tail),
        text: location.text,
        tracked,
      };
    });
    if (plans.some((p) => !('error' in p))) await sync();

    const mismatch = (tracked: boolean) => (tracked ? new TrackedChangesError() : new StaleLocationError());
    const pick = (results: Word.RangeCollection, needle: string, n: number, total: number) => {
      const matches = results.items.filter((r) => r.text === needle);
      return matches.length === total ? matches[n] : undefined;
    };
    const expanded: { range: Word.Range; text: string; index: number }[] = [];
    const out = plans.map((plan, index): Word.Range | StaleLocationError => {
      if ('error' in plan) return plan.error;
      if ('needle' in plan) return pick(plan.results, plan.needle, plan.n, plan.total) ?? mismatch(plan.tracked);
      const head = pick(plan.heads, plan.head, plan.nHead, plan.totalHead);
      const tail = pick(plan.tails, plan.tail, plan.nTail, plan.totalTail);
      if (!head || !tail) return mismatch(plan.tracked);
      if (!this.supports('1.3')) {
        // No expandTo before WordApi 1.3: select or mark the first part only; never replace part of a text.
        return whole
          ? new StaleLocationError(
              'This version of Word cannot change a text this long from an add-in (it needs WordApi 1.3).',
            )
          : head;
      }
      const range = head.expandTo(tail);
      range.load(load ? `text,${load}` : 'text');
      expanded.push({ range, text: plan.text, index });
      return range;
    });
    if (expanded.length > 0) {
      await sync();
      for (const e of expanded) if (e.range.text !== e.text) out[e.index] = mismatch(false);
    }
    return out;
  }

  private async locateOne(
    context: Word.RequestContext,
    sync: () => Promise<void>,
    location: Location,
    whole = false,
  ): Promise<Word.Range> {
    const [found] = await this.locate(context, sync, [location], undefined, whole);
    if (found instanceof Error) throw found;
    return found;
  }

  async select(location: Location): Promise<void> {
    await this.run(async (context, sync) => {
      const range = await this.locateOne(context, sync, location);
      range.select();
      await sync();
    });
  }

  async replace(location: Location, text: string): Promise<void> {
    await this.run(async (context, sync) => {
      const range = await this.locateOne(context, sync, location, true);
      range.insertText(text, 'Replace');
      await sync();
    });
  }

  async insertComment(location: Location, comment: string): Promise<void> {
    if (!this.supports('1.4'))
      throw new Error('This version of Word cannot add comments from an add-in (it needs WordApi 1.4).');
    await this.run(async (context, sync) => {
      const range = await this.locateOne(context, sync, location);
      range.insertComment(comment);
      await sync();
    });
  }

  async markUp(locations: readonly Location[]): Promise<MarkResult> {
    const temporary = this.supports('1.8');
    return this.run(async (context, sync) => {
      const found = await this.locate(context, sync, locations, temporary ? undefined : 'font/highlightColor');
      const stored: StoredMark[] = [];
      let marked = 0;
      found.forEach((range, i) => {
        if (range instanceof Error) return;
        if (temporary) {
          range.highlight();
          marked++;
          return;
        }
        const colour = range.font.highlightColor;
        // '' means several colours: we could not put them back, so leave that text alone.
        if (colour === '') return;
        stored.push({ ...locations[i], colour: colour ?? null });
        range.font.highlightColor = MARK_COLOUR;
        marked++;
      });
      await sync();
      if (temporary) this.temporaryMarks += marked;
      else
        await this.documentSettings.set(MARKS_KEY, [
          ...(this.documentSettings.get<StoredMark[]>(MARKS_KEY) ?? []),
          ...stored,
        ]);
      return { marked, skipped: locations.length - marked };
    });
  }

  async clearMarks(): Promise<number> {
    const stored = this.documentSettings.get<StoredMark[]>(MARKS_KEY) ?? [];
    let cleared = 0;
    // Temporary marks: always clear (a reopened pane does not know how many there are).
    if (this.supports('1.8')) {
      await this.run(async (context, sync) => {
        context.document.body.getRange('Whole').removeHighlight();
        await sync();
      });
      cleared += this.temporaryMarks;
      this.temporaryMarks = 0;
    }
    if (stored.length > 0) {
      await this.run(async (context, sync) => {
        const found = await this.locate(context, sync, stored);
        found.forEach((range, i) => {
          if (range instanceof Error) return;
          range.font.highlightColor = stored[i].colour as string; // null removes the highlight
          cleared++;
        });
        await sync();
      });
      await this.documentSettings.set(MARKS_KEY, undefined);
    }
    return cleared;
  }

  /**
   * One Word.run: read the paragraphs (1 sync, 2 with tracked changes), take off the
   * underlines shown before (1 sync, only when there are some), then insert every paragraph's
   * critiques in one batch (1 sync). Findings in paragraphs with tracked changes are skipped
   * (their offsets are in the text as it will be, not as Word counts it), and so are findings
   * that overlap one already underlined.
   */
  async showAnnotations(items: readonly AnnotationItem[], events: AnnotationEvents): Promise<MarkResult> {
    if (!this.supports('1.7'))
      throw new Error('This version of Word cannot underline findings (it needs WordApi 1.7).');
    const popups = this.supports('1.8');
    return this.run(async (context, sync) => {
      const { items: paragraphs, paragraphs: read } = await this.readBody(context, sync);
      if (this.annotationIds.size > 0) await this.deleteOurs(context, sync, paragraphs);
      this.annotationIds.clear();

      // Per paragraph, the items to underline: words first, then sentences, none overlapping.
      const byParagraph = new Map<number, number[]>();
      const order = items
        .map((_, i) => i)
        .sort((a, b) => Number(items[a].category === 'sentence') - Number(items[b].category === 'sentence'));
      for (const i of order) {
        const { location } = items[i];
        try {
          verifyLocation(read, location);
        } catch {
          continue;
        }
        if (read[location.paragraph].trackedChanges) continue;
        const list = byParagraph.get(location.paragraph) ?? [];
        if (list.some((j) => items[j].location.start < location.end && items[j].location.end > location.start))
          continue;
        list.push(i);
        byParagraph.set(location.paragraph, list);
      }
      const inserted: { ids: OfficeExtension.ClientResult<string[]>; indexes: number[] }[] = [];
      for (const [p, list] of byParagraph) {
        const indexes = list.sort((a, b) => items[a].location.start - items[b].location.start);
        const critiques = indexes.map((i): Word.Critique => {
          const { location, category, suggestions } = items[i];
          const critique: Word.Critique = {
            colorScheme: CRITIQUE_COLOURS[category] ?? 'Blue',
            start: location.start,
            length: location.end - location.start,
          };
          if (popups)
            critique.popupOptions = {
              ...critiqueResources(category),
              suggestions: suggestions.slice(0, MAX_SUGGESTIONS),
            };
          return critique;
        });
        inserted.push({ ids: paragraphs[p].insertAnnotations({ critiques }), indexes });
      }
      if (!this.annotationHandlers) {
        // Registered once; they act on whichever underlines are shown now.
        context.document.onAnnotationClicked.add(async (args) => {
          const index = this.annotationIds.get(args.id);
          if (index !== undefined) this.annotationEvents?.onClicked?.(index);
        });
        if (popups) {
          context.document.onAnnotationPopupAction.add(async (args) => {
            const index = this.annotationIds.get(args.id);
            if (index !== undefined && args.critiqueSuggestion)
              this.annotationEvents?.onSuggestion(index, args.critiqueSuggestion);
          });
        }
      }
      await sync();
      this.annotationHandlers = true;
      this.annotationEvents = events;
      for (const { ids, indexes } of inserted) ids.value.forEach((id, k) => this.annotationIds.set(id, indexes[k]));
      return { marked: this.annotationIds.size, skipped: items.length - this.annotationIds.size };
    });
  }

  /** Takes off our underlines, and only ours: 3 syncs (paragraphs, their annotations, delete). */
  async clearAnnotations(): Promise<number> {
    if (this.annotationIds.size === 0 || !this.supports('1.7')) return 0;
    return this.run(async (context, sync) => {
      const paragraphs = context.document.body.paragraphs;
      paragraphs.load('items/text');
      await sync();
      const n = await this.deleteOurs(context, sync, paragraphs.items);
      await sync();
      this.annotationIds.clear();
      return n;
    });
  }

  /** Loads every paragraph's annotations (1 sync) and queues the deletion of ours; returns how many. */
  private async deleteOurs(
    _context: Word.RequestContext,
    sync: () => Promise<void>,
    paragraphs: Word.Paragraph[],
  ): Promise<number> {
    const collections = paragraphs.map((p) => {
      const annotations = p.getAnnotations();
      annotations.load('items/id');
      return annotations;
    });
    await sync();
    let n = 0;
    for (const c of collections) {
      for (const a of c.items) {
        if (!this.annotationIds.has(a.id)) continue;
        a.delete();
        n++;
      }
    }
    return n;
  }

  async insertGlossary(rows: readonly GlossaryRow[], place: GlossaryPlace): Promise<{ replaced: boolean }> {
    const sorted = sortGlossary(rows);
    const native = this.supports('1.3');
    return this.run(async (context, sync) => {
      const body = context.document.body;
      const existing = body.contentControls.getByTitle(GLOSSARY_TITLE);
      existing.load('items/title');
      const selection = place === 'cursor' ? context.document.getSelection() : undefined;
      await sync();
      const replaced = existing.items.length > 0;
      let control: Word.ContentControl;
      if (replaced) {
        control = existing.items[0];
      } else {
        const anchor = selection ? selection.insertParagraph('', 'After') : body.insertParagraph('', 'End');
        control = anchor.insertContentControl();
        control.title = GLOSSARY_TITLE;
        control.tag = GLOSSARY_TAG;
      }
      if (native) {
        control.clear();
        const heading = control.insertParagraph(GLOSSARY_HEADING, 'Start');
        heading.styleBuiltIn = 'Heading2';
        const values = [[GLOSSARY_COLUMNS[0], GLOSSARY_COLUMNS[1]], ...sorted.map((r) => [r.term, r.meaning])];
        const table = control.insertTable(values.length, 2, 'End', values);
        table.headerRowCount = 1;
      } else {
        control.insertHtml(glossaryHtml(sorted), 'Replace');
      }
      await sync();
      return { replaced };
    });
  }
}

/**
 * Waits for Office.js and returns the adapter when the pane runs inside Word; undefined when
 * Office.js is missing or the host is not Word (the pane says so). Gives up after `timeoutMs`.
 */
export async function connectToWord(timeoutMs = 10_000): Promise<WordAdapter | undefined> {
  const office = (globalThis as unknown as Partial<OfficeGlobals>).Office;
  if (!office?.onReady) return undefined;
  const info = await Promise.race([
    office.onReady(),
    new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), timeoutMs)),
  ]);
  if (!info || String(info.host) !== 'Word') return undefined;
  return new WordAdapter();
}
