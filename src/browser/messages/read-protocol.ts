/**
 * Read mode's messages: the background worker, the popup and the side panel talk to the
 * read-mode script in the page with these. Like the engine's messages, none leaves the browser.
 */
import type { WordSummary } from '../../engine/review/word-list.js';

/** To the page: turn read mode on or off ('toggle' flips it). Answer: `ReadState`. */
export const READ_SET = 'plain-send:read-set';
/** To the page: is read mode on? Answer: `ReadState`. */
export const READ_STATE = 'plain-send:read-state';
/** To the page: the words found, A to Z. Answer: `ReadList`. */
export const READ_LIST = 'plain-send:read-list';
/** To the page: scroll to a word (the next place it is, each time) and show its card. Answer: `{ ok }`. */
export const READ_SHOW = 'plain-send:read-show';
/** To the page: explain the words the user selected. Answer: `{ ok }`. */
export const READ_EXPLAIN = 'plain-send:read-explain';
/** From the page to the side panel: the words changed (read mode went on or off, or the page grew). */
export const READ_CHANGED = 'plain-send:read-changed';
/** From the popup or the side panel to the worker: read mode in a tab. Answer: `ReadState` or `{ error }`. */
export const READ_TAB = 'plain-send:read-tab';
/** From the popup to the worker: the read-mode sites changed; register the script again. */
export const READ_SITES_CHANGED = 'plain-send:read-sites-changed';

export interface ReadSetMessage {
  type: typeof READ_SET;
  on: boolean | 'toggle';
}

export interface ReadState {
  on: boolean;
  /** Words found on the page so far (occurrences). */
  found: number;
}

export interface ReadList extends ReadState {
  title: string;
  url: string;
  /** Still reading the page (the list may grow). */
  busy: boolean;
  words: WordSummary[];
}

export interface ReadShowMessage {
  type: typeof READ_SHOW;
  key: string;
}

export interface ReadExplainMessage {
  type: typeof READ_EXPLAIN;
  /** The browser's copy of the selected text, for selections the DOM cannot give (text boxes). */
  text?: string;
}

export interface ReadTabMessage {
  type: typeof READ_TAB;
  tabId: number;
  on: boolean | 'toggle';
}

export interface ReadChangedMessage {
  type: typeof READ_CHANGED;
  on: boolean;
}

type Typed = { type?: unknown } | null | undefined;

export function isReadMessage<T extends { type: string }>(m: unknown, type: T['type']): m is T {
  return !!m && typeof m === 'object' && (m as Typed)?.type === type;
}

export function isReadTabMessage(m: unknown): m is ReadTabMessage {
  const r = m as ReadTabMessage;
  return (
    isReadMessage<ReadTabMessage>(m, READ_TAB) &&
    typeof r.tabId === 'number' &&
    (typeof r.on === 'boolean' || r.on === 'toggle')
  );
}
