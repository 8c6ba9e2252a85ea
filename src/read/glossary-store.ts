/**
 * The list to print, handed from the side panel to the print page (glossary.html) through the
 * browser's session storage: kept in memory only, gone when the browser closes.
 */
import { storage } from 'wxt/utils/storage';
import type { WordSummary } from '../engine/review/word-list.js';

export interface Glossary {
  title: string;
  url: string;
  words: WordSummary[];
  /** When it was made (ISO date). */
  made: string;
}

export const glossaryItem = storage.defineItem<Glossary | null>('session:glossary', { fallback: null });

export function saveGlossary(g: Glossary): Promise<void> {
  return glossaryItem.setValue(g);
}
