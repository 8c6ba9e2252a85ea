/// <reference types="office-js" />
/**
 * The DocumentPort for Word, and with src/word/adapter/ the ONLY code in Plain SEND that
 * touches Office.js (the `Word` and `Office` globals): one `Word.run` per user action, handed
 * to the part that does it (adapter/read.ts, locate.ts, marks.ts, annotations.ts, glossary.ts).
 *
 * - A constant number of `context.sync()` round trips whatever the length of the document or
 *   the number of findings: every paragraph's text is read in one sync, and the searches for
 *   any number of findings are queued together and run in one sync.
 * - WordApi 1.1 is enough for the core; higher sets are detected at run time with
 *   `Office.context.requirements.isSetSupported` and used when present: 1.3 table/list flags,
 *   `expandTo` for long texts, a native glossary table; 1.4 comments and tracked changes read
 *   as they will be once accepted; 1.7 findings as Word's own underlines, and 1.8 their pop-up
 *   with suggestions; 1.8 temporary marks (`range.highlight()`), which leave the document unchanged.
 */
import type {
  AnnotationEvents,
  AnnotationItem,
  Capabilities,
  DocParagraph,
  DocumentPort,
  GlossaryPlace,
  GlossaryRow,
  Location,
  MarkResult,
  SelectionSnapshot,
  SettingsStore,
  SyncCounts,
} from '../office/document-port.js';
import { StaleLocationError } from '../office/document-port.js';
import { Underlines } from './adapter/annotations.js';
import type { Batch, OfficeGlobals } from './adapter/batch.js';
import { DocumentSettings } from './adapter/document-settings.js';
import { insertGlossary } from './adapter/glossary.js';
import { locate, locateOne } from './adapter/locate.js';
import { editsAsLocations, joinParagraphs } from '../office/check.js';
import type { TextEdit } from '../engine/index.js';
import { MARKS_KEY, clearColourMarks, clearTemporaryMarks, markTemporarily, markWithColour } from './adapter/marks.js';
import { loadSelection, readBody } from './adapter/read.js';
import { LocalStorageSettings } from '../office/settings.js';

export {
  CRITIQUE_BRANDING,
  CRITIQUE_COLOURS,
  CRITIQUE_TEXT,
  MAX_SUGGESTIONS,
  critiqueResources,
} from './adapter/annotations.js';
export { glossaryHtml } from './adapter/glossary.js';
export { SEARCH_LIMIT, TrackedChangesError, escapeSearch, searchable } from './adapter/locate.js';

export class WordAdapter implements DocumentPort {
  readonly kind = 'word';
  readonly documentSettings: SettingsStore;
  readonly userSettings: SettingsStore;
  private readonly counts: SyncCounts = { syncs: 0, runs: 0 };
  private temporaryMarks = 0;
  private readonly underlines: Underlines;

  /** `globals` defaults to the page's `Word` and `Office`; tests stub those with vi.stubGlobal. */
  constructor(private readonly globals: () => OfficeGlobals = () => globalThis as unknown as OfficeGlobals) {
    this.documentSettings = new DocumentSettings(() => this.globals().Office);
    this.userSettings = new LocalStorageSettings();
    this.underlines = new Underlines(this.documentSettings);
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
  private run<T>(work: (batch: Batch) => Promise<T>): Promise<T> {
    this.counts.runs++;
    let platform: string | undefined;
    try {
      platform = String(this.globals().Office?.context?.diagnostics?.platform ?? '') || undefined;
    } catch {
      platform = undefined;
    }
    return this.globals().Word.run(async (context: Word.RequestContext) =>
      work({
        context,
        sync: async () => {
          this.counts.syncs++;
          await context.sync();
        },
        supports: (version) => this.supports(version),
        platform,
      }),
    );
  }

  async readParagraphs(): Promise<DocParagraph[]> {
    return this.run(async (batch) => (await readBody(batch)).paragraphs);
  }

  async readSelection(): Promise<SelectionSnapshot> {
    return this.run(async (batch) => {
      const read = loadSelection(batch);
      await batch.sync();
      return read();
    });
  }

  async readWithSelection(): Promise<{ paragraphs: DocParagraph[]; selection: SelectionSnapshot }> {
    return this.run(async (batch) => {
      let read: (() => SelectionSnapshot) | undefined;
      const { paragraphs } = await readBody(batch, () => (read = loadSelection(batch)));
      return { paragraphs, selection: read!() };
    });
  }

  async select(location: Location): Promise<void> {
    await this.run(async (batch) => {
      (await locateOne(batch, location)).select();
      await batch.sync();
    });
  }

  async replace(location: Location, text: string): Promise<void> {
    await this.run(async (batch) => {
      (await locateOne(batch, location, true)).insertText(text, 'Replace');
      await batch.sync();
    });
  }

  /**
   * Changes words inside paragraphs (explain every short form, use every plainer word) in one
   * Word.run; refuses the whole change if any words moved.
   */
  async editText(expected: string, edits: readonly TextEdit[]): Promise<void> {
    await this.run(async (batch) => {
      const { paragraphs } = await readBody(batch);
      if (joinParagraphs(paragraphs).text !== expected) throw new StaleLocationError();
      const changes = editsAsLocations(paragraphs, edits);
      if (!changes) throw new Error('Word can change words here, not add lines: use Insert glossary.');
      const ranges = await locate(
        batch,
        changes.map((c) => c.location),
        undefined,
        true,
      );
      const failed = ranges.find((r): r is StaleLocationError => r instanceof Error);
      if (failed) throw failed;
      // Right to left: the words before each change stay where they were found.
      for (let i = ranges.length - 1; i >= 0; i--) (ranges[i] as Word.Range).insertText(changes[i].text, 'Replace');
      await batch.sync();
    });
  }

  async insertComment(location: Location, comment: string): Promise<void> {
    if (!this.supports('1.4'))
      throw new Error('This version of Word cannot add comments from an add-in (it needs WordApi 1.4).');
    await this.run(async (batch) => {
      (await locateOne(batch, location)).insertComment(comment);
      await batch.sync();
    });
  }

  async markUp(locations: readonly Location[]): Promise<MarkResult> {
    if (!this.supports('1.8')) return this.run((batch) => markWithColour(batch, this.documentSettings, locations));
    const result = await this.run((batch) => markTemporarily(batch, locations));
    this.temporaryMarks += result.marked;
    return result;
  }

  /** Temporary marks are always cleared (a reopened pane does not know how many there are); then remembered colours. */
  async clearMarks(): Promise<number> {
    const temporary = this.supports('1.8');
    const colours = !!this.documentSettings.get<unknown[]>(MARKS_KEY)?.length;
    if (!temporary && !colours) return 0;
    return this.run(async (batch) => {
      let cleared = 0;
      if (temporary) {
        await clearTemporaryMarks(batch);
        cleared += this.temporaryMarks;
        this.temporaryMarks = 0;
      }
      if (colours) cleared += await clearColourMarks(batch, this.documentSettings);
      return cleared;
    });
  }

  async showAnnotations(items: readonly AnnotationItem[], events: AnnotationEvents): Promise<MarkResult> {
    if (!this.supports('1.7'))
      throw new Error('This version of Word cannot underline findings (it needs WordApi 1.7).');
    return this.run((batch) => this.underlines.show(batch, items, events));
  }

  annotationsShown(): boolean {
    return this.supports('1.7') && this.underlines.any();
  }

  async clearAnnotations(): Promise<number> {
    if (!this.supports('1.7') || !this.underlines.any()) return 0;
    return this.run((batch) => this.underlines.clear(batch));
  }

  async insertGlossary(rows: readonly GlossaryRow[], place: GlossaryPlace): Promise<{ replaced: boolean }> {
    return this.run((batch) => insertGlossary(batch, rows, place));
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
