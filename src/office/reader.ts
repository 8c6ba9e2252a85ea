/**
 * Who the message is for and which glossaries to use, read from the settings the panes save:
 * the same in the Word pane, the Outlook pane and Outlook's check at Send. No DOM.
 */
import {
  AUDIENCES,
  DEFAULT_AUDIENCE,
  DEFAULT_PACKS,
  PACK_INDEX,
  loadAnalyser,
  type Analyser,
  type AudienceId,
} from '../engine/index.js';
import { bundledPacks } from '../engine/dictionary/bundled.js';
import type { SettingsStore } from './document-port.js';
import { userPacks, userTerms } from './terms.js';

/** The document's own choice first (Word saves it in the document), then the user's. */
export function audienceFrom(user: SettingsStore, own?: SettingsStore): AudienceId {
  const a = own?.get<string>('audience') ?? user.get<string>('audience');
  return a && Object.hasOwn(AUDIENCES, a) ? (a as AudienceId) : DEFAULT_AUDIENCE;
}

export function packsFrom(user: SettingsStore): string[] {
  const saved = user.get<string[]>('packs');
  const known = new Set(PACK_INDEX.map((p) => p.id));
  return (Array.isArray(saved) ? saved : [...DEFAULT_PACKS]).filter((id) => known.has(id));
}

/** The analyser the settings ask for; only the packs that are on are loaded (each once). */
export function analyserFrom(user: SettingsStore, own?: SettingsStore): Promise<Analyser> {
  return loadAnalyser(
    { audience: audienceFrom(user, own), packs: packsFrom(user), extraPacks: userPacks(userTerms(user)) },
    bundledPacks,
  );
}
