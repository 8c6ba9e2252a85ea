/**
 * What the check at Send says about a message: send it without a word, or ask the writer first
 * because it uses short forms it does not explain or reads harder than its reader can. Pure: it
 * runs in Outlook's JavaScript-only runtime, which has no DOM.
 */
import { AUDIENCES, unexplainedShortForms, type Analyser, type AudienceId } from '../../engine/index.js';

/** Below this many words a reading age says little (a line or two), so it alone never stops a send. */
export const MIN_WORDS_FOR_READING_AGE = 20;
/** Outlook shows at most 500 characters of a Smart Alerts message. */
export const MAX_MESSAGE = 500;
/** How many short forms the message names before "and N more". */
const NAMED = 5;

export interface SendVerdict {
  /** Send without asking. */
  allow: boolean;
  /** What Outlook asks, when not allowed. */
  message?: string;
  /** The short forms used without saying what they mean, in order of first use. */
  shortForms: string[];
  readingAge: number;
  words: number;
  /** The reading age is above the reader's. */
  tooHard: boolean;
}

/** "A", "A and B", "A, B and C", "A, B, C, D, E and 3 more". */
export function nameList(items: readonly string[], named = NAMED): string {
  if (items.length <= 1) return items.join('');
  if (items.length <= named) return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
  return `${items.slice(0, named).join(', ')} and ${items.length - named} more`;
}

function wholeAge(years: number): string {
  return String(Math.ceil(years));
}

export function verdict(text: string, analyser: Analyser, audienceId: AudienceId): SendVerdict {
  const analysis = analyser.analyse(text);
  const shortForms = unexplainedShortForms(analysis.findings);
  const r = analysis.readability;
  const tooHard = r.words >= MIN_WORDS_FOR_READING_AGE && !analysis.withinAudience;
  const base = { shortForms, readingAge: r.readingAge, words: r.words, tooHard };
  if (!shortForms.length && !tooHard) return { allow: true, ...base };
  const audience = AUDIENCES[audienceId];
  const parts: string[] = [];
  if (shortForms.length)
    parts.push(
      `This email uses ${nameList(shortForms)} without saying what ${shortForms.length === 1 ? 'it means' : 'they mean'}.`,
    );
  if (tooHard)
    parts.push(
      `${parts.length ? 'It is' : 'This email is'} also hard to read: reading age ${wholeAge(r.readingAge)}, where ${audience.label.toLowerCase()} need ${audience.maxReadingAge} or under.`.replace(
        /^This email is also/,
        'This email is',
      ),
    );
  parts.push('Open Plain SEND to fix it, or send it anyway.');
  let message = parts.join(' ');
  if (message.length > MAX_MESSAGE) message = `${message.slice(0, MAX_MESSAGE - 1)}…`;
  return { allow: false, message, ...base };
}
