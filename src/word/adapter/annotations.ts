/// <reference types="office-js" />
/**
 * Show in Word: the findings as Word's own underlines (annotations with critiques, WordApi 1.7;
 * their pop-up with suggestions, 1.8). Which underlines are ours is kept with the document
 * (their ids, in the document's settings), so a reloaded pane still takes them off and never
 * adds duplicates; an underline a failed batch left behind is found again by its pop-up's
 * branding, which is ours alone.
 */
import {
  verifyLocation,
  type AnnotationEvents,
  type AnnotationItem,
  type DocParagraph,
  type MarkResult,
  type SettingsStore,
} from '../../office/document-port.js';
import type { Batch } from './batch.js';
import { readBody } from './read.js';

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
/** Word's pop-up shows at most three suggestions. */
export const MAX_SUGGESTIONS = 3;
export const ANNOTATIONS_KEY = 'annotations';

/** The pop-up strings for a kind of finding. */
export function critiqueResources(category: string) {
  return { brandingTextResourceId: CRITIQUE_BRANDING, ...(CRITIQUE_TEXT[category] ?? CRITIQUE_TEXT.jargon) };
}

/** What the document remembers: our underlines' ids, and whether a batch that adds some may have failed. */
interface Remembered {
  ids: string[];
  unsure?: boolean;
}

/** Per paragraph, the items to underline, by start: words first, then sentences, none overlapping. */
function planUnderlines(items: readonly AnnotationItem[], read: readonly DocParagraph[]): Map<number, number[]> {
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
    // Offsets are in the text as it will be; Word counts tracked deletions too.
    if (read[location.paragraph].trackedChanges) continue;
    const list = byParagraph.get(location.paragraph) ?? [];
    if (list.some((j) => items[j].location.start < location.end && items[j].location.end > location.start)) continue;
    list.push(i);
    byParagraph.set(location.paragraph, list);
  }
  for (const list of byParagraph.values()) list.sort((a, b) => items[a].location.start - items[b].location.start);
  return byParagraph;
}

function critiqueOf(item: AnnotationItem, popups: boolean): Word.Critique {
  const { location, category, suggestions } = item;
  const critique: Word.Critique = {
    colorScheme: CRITIQUE_COLOURS[category] ?? 'Blue',
    start: location.start,
    length: location.end - location.start,
  };
  if (popups)
    critique.popupOptions = { ...critiqueResources(category), suggestions: suggestions.slice(0, MAX_SUGGESTIONS) };
  return critique;
}

export class Underlines {
  /** Our underlines now: Word's id to the index of the item in the last `show`. */
  private ids = new Map<string, number>();
  private events: AnnotationEvents | undefined;
  private handlers = false;

  constructor(private readonly settings: SettingsStore) {}

  private remembered(): Remembered {
    const stored = this.settings.get<Remembered>(ANNOTATIONS_KEY);
    return { ids: [...new Set([...(stored?.ids ?? []), ...this.ids.keys()])], unsure: stored?.unsure };
  }

  /** True when there may be underlines of ours in the document. */
  any(): boolean {
    const r = this.remembered();
    return r.ids.length > 0 || !!r.unsure;
  }

  /**
   * One Word.run: read the paragraphs (1 sync, 2 with tracked changes), take off the underlines
   * shown before (1 sync, only when there may be some), then insert every paragraph's critiques
   * in one batch (1 sync). Ids are kept until that last sync succeeds.
   */
  async show(batch: Batch, items: readonly AnnotationItem[], events: AnnotationEvents): Promise<MarkResult> {
    const popups = batch.supports('1.8');
    const { items: paragraphs, paragraphs: read } = await readBody(batch);
    const before = this.remembered();
    if (this.any()) await this.deleteOurs(batch, paragraphs, before);
    const inserted: { ids: OfficeExtension.ClientResult<string[]>; indexes: number[] }[] = [];
    for (const [p, indexes] of planUnderlines(items, read)) {
      const critiques = indexes.map((i) => critiqueOf(items[i], popups));
      inserted.push({ ids: paragraphs[p].insertAnnotations({ critiques }), indexes });
    }
    if (!this.handlers) this.register(batch, popups);
    await this.settings.set(ANNOTATIONS_KEY, { ids: before.ids, unsure: true });
    await batch.sync();
    this.handlers = true;
    this.events = events;
    this.ids = new Map(
      inserted.flatMap(({ ids, indexes }) => ids.value.map((id, k): [string, number] => [id, indexes[k]])),
    );
    await this.settings.set(ANNOTATIONS_KEY, { ids: [...this.ids.keys()] });
    return { marked: this.ids.size, skipped: items.length - this.ids.size };
  }

  /** Takes off our underlines, and only ours: 3 syncs (paragraphs, their annotations, delete). */
  async clear(batch: Batch): Promise<number> {
    const remembered = this.remembered();
    const paragraphs = batch.context.document.body.paragraphs;
    paragraphs.load('items/text');
    await batch.sync();
    const n = await this.deleteOurs(batch, paragraphs.items, remembered);
    await batch.sync();
    this.ids.clear();
    await this.settings.set(ANNOTATIONS_KEY, undefined);
    return n;
  }

  /** Loads every paragraph's annotations (1 sync) and queues the deletion of ours; returns how many. */
  private async deleteOurs(batch: Batch, paragraphs: Word.Paragraph[], remembered: Remembered): Promise<number> {
    const ids = new Set(remembered.ids);
    const byBranding = !!remembered.unsure && batch.supports('1.8');
    const collections = paragraphs.map((p) => {
      const annotations = p.getAnnotations();
      annotations.load(byBranding ? 'items/id,items/critiqueAnnotation/critique' : 'items/id');
      return annotations;
    });
    await batch.sync();
    let n = 0;
    for (const c of collections) {
      for (const a of c.items) {
        const branded =
          byBranding && a.critiqueAnnotation.critique.popupOptions?.brandingTextResourceId === CRITIQUE_BRANDING;
        if (!ids.has(a.id) && !branded) continue;
        a.delete();
        n++;
      }
    }
    return n;
  }

  /** Registered once (they take effect with the batch's sync); they act on whichever underlines are shown now. */
  private register(batch: Batch, popups: boolean): void {
    batch.context.document.onAnnotationClicked.add(async (args) => {
      const index = this.ids.get(args.id);
      if (index !== undefined) this.events?.onClicked?.(index);
    });
    if (popups) batch.context.document.onAnnotationPopupAction.add(async (args) => this.picked(args));
  }

  /** Word has already put the suggestion in place of the words, and its underline is gone with them. */
  private picked(args: Word.AnnotationPopupActionEventArgs): void {
    const index = this.ids.get(args.id);
    if (index === undefined || !args.critiqueSuggestion) return;
    this.ids.delete(args.id);
    this.events?.onSuggestion(index, args.critiqueSuggestion);
  }
}
