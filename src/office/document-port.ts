/**
 * What the task pane needs from a document, and nothing else. The Word adapter
 * (word-adapter.ts, the only code that touches Office.js) and the in-memory port
 * (memory-port.ts, for tests, the benchmark and the pane opened outside Office) implement it.
 *
 * A finding is located by the paragraph it is in (its index in the body's paragraphs),
 * UTF-16 offsets within that paragraph's text, and the exact text found there. A port checks
 * the text is still there before it changes anything, and throws `StaleLocationError` if not.
 */

import type { TextEdit } from '../engine/index.js';

export interface DocParagraph {
  /** The paragraph's text as the reader will see it (tracked deletions left out where the host can tell). */
  text: string;
  /** In a table cell. */
  inTable?: boolean;
  /** A bullet or numbered list item. */
  isListItem?: boolean;
  /** Part of the glossary Plain SEND inserted: not checked. */
  inGlossary?: boolean;
  /** Has tracked changes: the text is what it will be once they are accepted. */
  trackedChanges?: boolean;
}

export interface SelectionSnapshot {
  /** The selected text; paragraphs are separated by "\n". */
  text: string;
  /** The whole text of each paragraph the selection touches, in order. */
  paragraphs: string[];
}

export interface Location {
  paragraph: number;
  start: number;
  end: number;
  /** Exactly `paragraphs[paragraph].text.slice(start, end)` when the document was read. */
  text: string;
}

export interface GlossaryRow {
  term: string;
  meaning: string;
}

export type GlossaryPlace = 'end' | 'cursor';

export const GLOSSARY_TITLE = 'Plain SEND glossary';
export const GLOSSARY_HEADING = 'Glossary';
export const GLOSSARY_COLUMNS = ['Term', 'What it means'] as const;

export interface MarkResult {
  /** Findings now marked. */
  marked: number;
  /** Findings left unmarked: their text has more than one highlight colour, or could not be found. */
  skipped: number;
}

export interface SyncCounts {
  /** Round trips to the host (`context.sync()` in Word). */
  syncs: number;
  /** Batches (`Word.run` in Word): one per user action. */
  runs: number;
}

export interface Capabilities {
  /** Comments can be added (WordApi 1.4). */
  comments: boolean;
  /** Marks are temporary and leave the document unchanged (WordApi 1.8), rather than highlight colour. */
  temporaryMarks: boolean;
  /** Paragraphs come with table and list flags (WordApi 1.3). */
  structure: boolean;
  /** Tracked changes are read as they will be once accepted (WordApi 1.4). */
  trackedChanges: boolean;
  /** Findings can be shown as Word's own underlines (annotations with critiques, WordApi 1.7). */
  annotations: boolean;
  /** Those underlines have a pop-up whose suggestions the user can pick (WordApi 1.8). */
  annotationSuggestions: boolean;
  /** A finding's text can be selected in the document (Word: yes; Outlook's Mailbox API cannot). Default true. */
  select?: boolean;
  /** Findings can be marked in the document (Mark up all, Clear marks). Default true. */
  marks?: boolean;
  /** A glossary table can be inserted. Default true. */
  glossary?: boolean;
  /** `editText` also takes edits that add lines (the meanings at the end). Default false. */
  textLines?: boolean;
}

/** A finding to show as an underline in the document. */
export interface AnnotationItem {
  location: Location;
  /** The kind of finding (`acronym`, `jargon`, `plain-word`, `sentence`): sets the colour. */
  category: string;
  /** Plainer texts to offer in the pop-up (Word shows the first three). */
  suggestions: string[];
}

/** What the user did with an underline; `index` is the item's index in `showAnnotations`. */
export interface AnnotationEvents {
  /**
   * Picked `text` in the underline's pop-up. Word has already put it in place of the finding's
   * words (office-js issues 6644, 6358): the pane must not replace them again, only check again.
   */
  onSuggestion(index: number, text: string): void;
  /** Clicked the underline. */
  onClicked?(index: number): void;
}

/** A small key-value store: per document (saved in the document) or per user (saved on this computer). */
export interface SettingsStore {
  get<T>(key: string): T | undefined;
  set(key: string, value: unknown): Promise<void>;
}

export interface DocumentPort {
  /** `word` or `memory`. */
  readonly kind: string;
  capabilities(): Capabilities;
  /** Every paragraph of the body, in order, in a constant number of round trips. */
  readParagraphs(): Promise<DocParagraph[]>;
  readSelection(): Promise<SelectionSnapshot>;
  /** The body's paragraphs and the selection, in one batch (Check selection). */
  readWithSelection(): Promise<{ paragraphs: DocParagraph[]; selection: SelectionSnapshot }>;
  /** Selects the finding's text in the document (and scrolls to it). */
  select(location: Location): Promise<void>;
  /** Replaces the finding's text. */
  replace(location: Location, text: string): Promise<void>;
  /** Adds a comment on the finding's text. */
  insertComment(location: Location, comment: string): Promise<void>;
  /** Marks the findings' text in the document; `clearMarks` takes every mark off again. */
  markUp(locations: readonly Location[]): Promise<MarkResult>;
  /** Removes the marks and restores what was there; returns how many were cleared. */
  clearMarks(): Promise<number>;
  /**
   * Shows the findings as underlines in the document (only when `capabilities().annotations`),
   * replacing any shown before; findings whose text is not where it was are skipped.
   */
  showAnnotations?(items: readonly AnnotationItem[], events: AnnotationEvents): Promise<MarkResult>;
  /** True when underlines of ours may be in the document (also ones a pane opened before left there). */
  annotationsShown?(): boolean;
  /** Removes the underlines `showAnnotations` added (and no others, also after the pane reloaded); returns how many. */
  clearAnnotations?(): Promise<number>;
  /** Inserts the glossary table, or replaces the one inserted before (wherever it is). */
  insertGlossary(rows: readonly GlossaryRow[], place: GlossaryPlace): Promise<{ replaced: boolean }>;
  /**
   * Makes `edits` (offsets into the body's paragraphs joined with "\n", as read) in one change;
   * throws StaleLocationError when the body is no longer `expected`. Absent: no review actions.
   */
  editText?(expected: string, edits: readonly TextEdit[]): Promise<void>;
  syncCounts(): SyncCounts;
  readonly documentSettings: SettingsStore;
  readonly userSettings: SettingsStore;
}

/** The text is no longer where the check found it: the document changed since. */
export class StaleLocationError extends Error {
  constructor(message = 'The document has changed since it was checked. Check it again, then try once more.') {
    super(message);
    this.name = 'StaleLocationError';
  }
}

/** Throws unless `location` still holds its text in `paragraphs`. */
export function verifyLocation(paragraphs: readonly { text: string }[], location: Location): void {
  const p = paragraphs[location.paragraph];
  if (!p || p.text.slice(location.start, location.end) !== location.text || location.text.length === 0) {
    throw new StaleLocationError();
  }
}

/**
 * How many times `needle` occurs (case-sensitively, not overlapping, scanning from the left,
 * as Word's search does) in `text` before `start`. `start` must be where an occurrence begins.
 */
export function occurrenceBefore(text: string, needle: string, start: number): number {
  let count = 0;
  for (let at = text.indexOf(needle); at !== -1 && at < start; at = text.indexOf(needle, at + needle.length)) count++;
  return count;
}

/** All non-overlapping occurrences of `needle` in `text`, left to right. */
export function countOccurrences(text: string, needle: string): number {
  return occurrenceBefore(text, needle, Number.POSITIVE_INFINITY);
}

/** Glossary rows sorted A to Z (UK English collation, ignoring case and accents), one per term. */
export function sortGlossary(rows: readonly GlossaryRow[]): GlossaryRow[] {
  const byTerm = new Map<string, GlossaryRow>();
  for (const row of rows) {
    const key = row.term.toLocaleLowerCase('en-GB');
    if (!byTerm.has(key)) byTerm.set(key, row);
  }
  const collator = new Intl.Collator('en-GB', { sensitivity: 'base', numeric: true });
  return [...byTerm.values()].sort((a, b) => collator.compare(a.term, b.term) || a.term.localeCompare(b.term));
}
