/// <reference types="office-js" />
/**
 * Mark up all and Clear marks in Word. With WordApi 1.8, `range.highlight()`, which leaves the
 * document unchanged; below it, the highlight colour, with the colour each text had remembered
 * once in the document (before anything is coloured), so that Clear puts every one back, also
 * after the pane reloaded or the text moved.
 */
import type { Location, MarkResult, SettingsStore } from '../../office/document-port.js';
import type { Batch } from './batch.js';
import { escapeSearch, locate, searchable } from './locate.js';

export const MARK_COLOUR = 'Yellow';
export const MARKS_KEY = 'marks';

export interface StoredMark extends Location {
  /** The highlight colour the text had before we marked it; null for none. */
  colour: string | null;
}

const sameSpot = (a: Location, b: Location) =>
  a.paragraph === b.paragraph && a.start === b.start && a.end === b.end && a.text === b.text;

/** The colour to remember for `location`, or undefined to leave it unmarked; updates `marks`. */
function remember(marks: StoredMark[], location: Location, colour: string | null | undefined): boolean {
  if (marks.some((m) => sameSpot(m, location))) return true; // marked before: its first colour stays
  if (colour === '') return false; // several colours: we could not put them back
  // Our own yellow on words that moved since they were marked: the colour before ours moves with them.
  const moved = colour === MARK_COLOUR ? marks.findIndex((m) => m.text === location.text) : -1;
  const before = moved >= 0 ? marks.splice(moved, 1)[0].colour : (colour ?? null);
  marks.push({ ...location, colour: before });
  return true;
}

/** Highlight colour marks (below WordApi 1.8): 3–4 syncs, and one save of the document's settings. */
export async function markWithColour(
  batch: Batch,
  settings: SettingsStore,
  locations: readonly Location[],
): Promise<MarkResult> {
  const found = await locate(batch, locations, 'font/highlightColor');
  const marks = [...(settings.get<StoredMark[]>(MARKS_KEY) ?? [])];
  const toMark = found.filter(
    (range, i): range is Word.Range =>
      !(range instanceof Error) && remember(marks, locations[i], range.font.highlightColor),
  );
  // Remembered before anything is coloured: a batch that fails half way leaves nothing Clear cannot undo.
  await settings.set(MARKS_KEY, marks);
  for (const range of toMark) range.font.highlightColor = MARK_COLOUR;
  await batch.sync();
  return { marked: toMark.length, skipped: locations.length - toMark.length };
}

/**
 * Puts back the colour each remembered mark had. Marks whose words are no longer where they
 * were (the document changed) are looked for in the whole body by their text, and as many
 * of our yellow matches as there are lost marks of that text are put back. Then the
 * document remembers none.
 */
export async function clearColourMarks(batch: Batch, settings: SettingsStore): Promise<number> {
  const marks = settings.get<StoredMark[]>(MARKS_KEY) ?? [];
  if (marks.length === 0) return 0;
  const found = await locate(batch, marks, 'font/highlightColor');
  let cleared = 0;
  const lost: StoredMark[] = [];
  found.forEach((range, i) => {
    if (range instanceof Error) lost.push(marks[i]);
    else if (range.font.highlightColor === MARK_COLOUR) {
      range.font.highlightColor = marks[i].colour as string; // null takes the highlight off
      cleared++;
    }
  });
  cleared += await clearLost(batch, lost);
  await batch.sync();
  await settings.set(MARKS_KEY, undefined);
  return cleared;
}

/** Queues the clearing of lost marks, found again by their text in the whole body (one sync). */
async function clearLost(batch: Batch, lost: readonly StoredMark[]): Promise<number> {
  const byText = new Map<string, StoredMark[]>();
  for (const m of lost) if (searchable(m.text)) byText.set(m.text, [...(byText.get(m.text) ?? []), m]);
  if (byText.size === 0) return 0;
  const searches = [...byText].map(([text, list]) => {
    const results = batch.context.document.body.search(escapeSearch(text), { matchCase: true });
    results.load('items/text,items/font/highlightColor');
    return { list, results };
  });
  await batch.sync();
  let cleared = 0;
  for (const { list, results } of searches) {
    const ours = results.items.filter((r) => r.font.highlightColor === MARK_COLOUR);
    ours.slice(0, list.length).forEach((range, i) => {
      range.font.highlightColor = list[i].colour as string;
      cleared++;
    });
  }
  return cleared;
}

/**
 * Temporary marks (WordApi 1.8). Word on the web selects and scrolls to what it highlights
 * (office-js issue 6141), so the user's selection, taken before, is put back after.
 */
export async function markTemporarily(batch: Batch, locations: readonly Location[]): Promise<MarkResult> {
  const found = await locate(batch, locations);
  const selection = batch.context.document.getSelection();
  let marked = 0;
  for (const range of found) {
    if (range instanceof Error) continue;
    range.highlight();
    marked++;
  }
  selection.select();
  await batch.sync();
  return { marked, skipped: locations.length - marked };
}

/**
 * Takes every temporary mark off: from the whole body at once, except on a Mac, where that
 * fails (office-js issue 6044) and each paragraph is cleared instead (one more sync).
 */
export async function clearTemporaryMarks(batch: Batch): Promise<void> {
  const body = batch.context.document.body;
  if (batch.platform !== 'Mac') {
    body.getRange('Whole').removeHighlight();
    await batch.sync();
    return;
  }
  const paragraphs = body.paragraphs;
  paragraphs.load('items/text');
  await batch.sync();
  for (const p of paragraphs.items) p.getRange('Whole').removeHighlight();
  await batch.sync();
}
