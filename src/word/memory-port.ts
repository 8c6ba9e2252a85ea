/**
 * A DocumentPort over an array of paragraphs in memory. The end-to-end tests drive the real
 * task pane with it (index.html?port=memory), the benchmark times our own code with it, and it
 * shows what each action must do to a document, with no Office in the way.
 */
import {
  StaleLocationError,
  GLOSSARY_COLUMNS,
  GLOSSARY_HEADING,
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
} from '../office/document-port.js';
import { LocalStorageSettings, MemorySettings } from '../office/settings.js';
import { editsAsLocations, joinParagraphs } from '../office/check.js';
import type { TextEdit } from '../engine/index.js';

export type MemoryParagraph = DocParagraph;

export interface MemoryComment extends Location {
  comment: string;
}

export interface MemoryAnnotation extends Location {
  id: string;
  category: string;
  suggestions: string[];
  /** Made by someone else (another add-in, a test): never ours to delete. */
  foreign?: boolean;
}

export interface MemoryPoint {
  paragraph: number;
  offset: number;
}

export interface MemorySelection {
  start: MemoryPoint;
  end: MemoryPoint;
}

export interface MemoryPortOptions {
  /** Per-user settings (default: localStorage where there is one, else memory). */
  userSettings?: SettingsStore;
}

export class MemoryPort implements DocumentPort {
  readonly kind = 'memory';
  paragraphs: MemoryParagraph[] = [];
  comments: MemoryComment[] = [];
  marks: Location[] = [];
  /** Underlines: ours from showAnnotations, and any a test adds as `foreign`. */
  annotations: MemoryAnnotation[] = [];
  selection: MemorySelection = { start: { paragraph: 0, offset: 0 }, end: { paragraph: 0, offset: 0 } };
  /** Every change, in order, for tests to compare. */
  readonly log: string[] = [];
  readonly documentSettings: SettingsStore = new MemorySettings();
  readonly userSettings: SettingsStore;
  private runs = 0;
  private annotationIndex = new Map<string, number>();
  private annotationEvents: AnnotationEvents | undefined;
  private nextAnnotation = 0;

  constructor(paragraphs: readonly (string | MemoryParagraph)[] = [], options: MemoryPortOptions = {}) {
    this.userSettings =
      options.userSettings ?? (typeof localStorage === 'undefined' ? new MemorySettings() : new LocalStorageSettings());
    this.load(paragraphs);
  }

  /** Replaces the whole document (and forgets comments, marks and the selection). */
  load(paragraphs: readonly (string | MemoryParagraph)[]): void {
    this.paragraphs = paragraphs.map((p) => (typeof p === 'string' ? { text: p } : { ...p }));
    this.comments = [];
    this.marks = [];
    this.annotations = [];
    this.annotationIndex.clear();
    this.selection = { start: { paragraph: 0, offset: 0 }, end: { paragraph: 0, offset: 0 } };
    this.log.length = 0;
  }

  /** The document as plain text, one line per paragraph. */
  text(): string {
    return this.paragraphs.map((p) => p.text).join('\n');
  }

  setSelection(start: MemoryPoint, end: MemoryPoint = start): void {
    this.selection = { start: { ...start }, end: { ...end } };
  }

  capabilities(): Capabilities {
    return {
      comments: true,
      temporaryMarks: true,
      structure: true,
      trackedChanges: false,
      annotations: true,
      annotationSuggestions: true,
    };
  }

  async readParagraphs(): Promise<DocParagraph[]> {
    this.runs++;
    return this.paragraphs.map((p) => ({ ...p }));
  }

  async readSelection(): Promise<SelectionSnapshot> {
    this.runs++;
    const { start, end } = this.selection;
    const parts: string[] = [];
    const whole: string[] = [];
    for (let i = start.paragraph; i <= end.paragraph && i < this.paragraphs.length; i++) {
      const text = this.paragraphs[i].text;
      whole.push(text);
      parts.push(text.slice(i === start.paragraph ? start.offset : 0, i === end.paragraph ? end.offset : text.length));
    }
    return { text: parts.join('\n'), paragraphs: whole };
  }

  async readWithSelection(): Promise<{ paragraphs: DocParagraph[]; selection: SelectionSnapshot }> {
    const paragraphs = await this.readParagraphs();
    const selection = await this.readSelection();
    this.runs--;
    return { paragraphs, selection };
  }

  async select(location: Location): Promise<void> {
    this.runs++;
    verifyLocation(this.paragraphs, location);
    this.setSelection(
      { paragraph: location.paragraph, offset: location.start },
      { paragraph: location.paragraph, offset: location.end },
    );
    this.log.push(`select ${describe(location)}`);
  }

  async replace(location: Location, text: string): Promise<void> {
    this.runs++;
    this.put(location, text);
    this.log.push(`replace ${describe(location)} with ${JSON.stringify(text)}`);
  }

  /** Puts `text` in place of the location's text, moving what comes after it. */
  private put(location: Location, text: string): void {
    verifyLocation(this.paragraphs, location);
    const p = this.paragraphs[location.paragraph];
    p.text = p.text.slice(0, location.start) + text + p.text.slice(location.end);
    const shift = text.length - (location.end - location.start);
    const move = <T extends Location>(items: T[]) =>
      items
        .filter((x) => !(x.paragraph === location.paragraph && x.start < location.end && x.end > location.start))
        .map((x) =>
          x.paragraph === location.paragraph && x.start >= location.end
            ? { ...x, start: x.start + shift, end: x.end + shift }
            : x,
        );
    this.comments = move(this.comments);
    this.marks = move(this.marks);
    this.annotations = move(this.annotations);
    this.setSelection({ paragraph: location.paragraph, offset: location.start + text.length });
  }

  /** As Word does it: words changed inside paragraphs, all or none. */
  async editText(expected: string, edits: readonly TextEdit[]): Promise<void> {
    this.runs++;
    if (joinParagraphs(this.paragraphs).text !== expected) throw new StaleLocationError();
    const changes = editsAsLocations(this.paragraphs, edits);
    if (!changes) throw new Error('Word can change words here, not add lines: use Insert glossary.');
    // Right to left, so the offsets of the changes still to make hold.
    for (const { location: l, text } of [...changes].reverse()) {
      const p = this.paragraphs[l.paragraph];
      p.text = p.text.slice(0, l.start) + text + p.text.slice(l.end);
      this.log.push(`replace ${describe(l)} with ${JSON.stringify(text)}`);
    }
  }

  async insertComment(location: Location, comment: string): Promise<void> {
    this.runs++;
    verifyLocation(this.paragraphs, location);
    this.comments.push({ ...location, comment });
    this.log.push(`comment ${describe(location)}: ${JSON.stringify(comment)}`);
  }

  async markUp(locations: readonly Location[]): Promise<MarkResult> {
    this.runs++;
    let marked = 0;
    for (const location of locations) {
      try {
        verifyLocation(this.paragraphs, location);
      } catch {
        continue;
      }
      this.marks.push({ ...location });
      marked++;
    }
    this.log.push(`mark ${marked}`);
    return { marked, skipped: locations.length - marked };
  }

  async clearMarks(): Promise<number> {
    this.runs++;
    const n = this.marks.length;
    this.marks = [];
    this.log.push(`clear ${n}`);
    return n;
  }

  async showAnnotations(items: readonly AnnotationItem[], events: AnnotationEvents): Promise<MarkResult> {
    this.runs++;
    this.removeOurAnnotations();
    // As in Word: words first, then long sentences that overlap no underlined word.
    const order = items
      .map((_, i) => i)
      .sort((a, b) => Number(items[a].category === 'sentence') - Number(items[b].category === 'sentence'));
    order.forEach((i) => {
      const item = items[i];
      try {
        verifyLocation(this.paragraphs, item.location);
      } catch {
        return;
      }
      const { location } = item;
      const overlaps = this.annotations.some(
        (a) => !a.foreign && a.paragraph === location.paragraph && a.start < location.end && a.end > location.start,
      );
      if (overlaps) return;
      const id = `memory-${++this.nextAnnotation}`;
      this.annotations.push({ ...location, id, category: item.category, suggestions: item.suggestions.slice(0, 3) });
      this.annotationIndex.set(id, i);
    });
    this.annotationEvents = events;
    const marked = this.annotationIndex.size;
    this.log.push(`annotate ${marked}`);
    return { marked, skipped: items.length - marked };
  }

  annotationsShown(): boolean {
    return this.annotationIndex.size > 0;
  }

  async clearAnnotations(): Promise<number> {
    this.runs++;
    const n = this.removeOurAnnotations();
    this.log.push(`clear annotations ${n}`);
    return n;
  }

  /**
   * What Word does when the user picks `text` in the pop-up of the underline `id`: it puts the
   * text in place of the underlined words itself (the underline goes with them), then tells the
   * add-in (office-js issues 6644, 6358).
   */
  chooseSuggestion(id: string, text: string): void {
    const a = this.annotations.find((x) => x.id === id);
    if (!a) return;
    const index = this.annotationIndex.get(id);
    this.annotationIndex.delete(id);
    this.put(a, text);
    this.log.push(`Word replaced ${describe(a)} with ${JSON.stringify(text)}`);
    if (index !== undefined) this.annotationEvents?.onSuggestion(index, text);
  }

  /** What Word does when the user clicks the underline `id`. */
  clickAnnotation(id: string): void {
    const index = this.annotationIndex.get(id);
    if (index !== undefined) this.annotationEvents?.onClicked?.(index);
  }

  private removeOurAnnotations(): number {
    const before = this.annotations.length;
    this.annotations = this.annotations.filter((a) => a.foreign);
    this.annotationIndex.clear();
    return before - this.annotations.length;
  }

  async insertGlossary(rows: readonly GlossaryRow[], place: GlossaryPlace): Promise<{ replaced: boolean }> {
    this.runs++;
    const sorted = sortGlossary(rows);
    const block: MemoryParagraph[] = [{ text: GLOSSARY_HEADING, inGlossary: true }];
    for (const [term, meaning] of [
      [GLOSSARY_COLUMNS[0], GLOSSARY_COLUMNS[1]],
      ...sorted.map((r) => [r.term, r.meaning]),
    ]) {
      block.push({ text: term, inTable: true, inGlossary: true }, { text: meaning, inTable: true, inGlossary: true });
    }
    const first = this.paragraphs.findIndex((p) => p.inGlossary);
    if (first >= 0) {
      let last = first;
      while (last + 1 < this.paragraphs.length && this.paragraphs[last + 1].inGlossary) last++;
      this.paragraphs.splice(first, last - first + 1, ...block);
      this.log.push(`glossary replaced at ${first} (${sorted.length} terms)`);
      return { replaced: true };
    }
    const at =
      place === 'cursor' ? Math.min(this.selection.end.paragraph + 1, this.paragraphs.length) : this.paragraphs.length;
    this.paragraphs.splice(at, 0, ...block);
    this.log.push(`glossary inserted at ${at} (${sorted.length} terms)`);
    return { replaced: false };
  }

  syncCounts(): SyncCounts {
    return { syncs: 0, runs: this.runs };
  }
}

function describe(l: Location): string {
  return `${l.paragraph}:${l.start}-${l.end} ${JSON.stringify(l.text)}`;
}
