/**
 * The user's own terms as the analyser takes them, with no DOM: the panes and Outlook's check at
 * Send (which runs where there is no DOM) read them the same way.
 */
import { mergeFiles, parseOwnDictionary, type Pack } from '../engine/index.js';
import type { SettingsStore } from './document-port.js';

export interface UserTerms {
  name: string;
  text: string;
}

export function userTerms(settings: SettingsStore): UserTerms | undefined {
  return settings.get<UserTerms>('terms');
}

export function userPacks(terms: UserTerms | undefined): Pack[] {
  if (!terms) return [];
  const parsed = parseOwnDictionary(terms.text, terms.name);
  return parsed.file ? [...mergeFiles([parsed.file]).values()] : [];
}
