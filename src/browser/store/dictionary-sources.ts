/**
 * Where definitions come from, and which wins. In rising priority: the built-in packs that
 * are on, then glossaries the user imported (and left on), then the school's packs and extra
 * terms (from the managed policy), then the user's own terms. Each source's display name is
 * the engine's `Pack.name`, so a card can say where a definition came from ("Your terms").
 * Pure: the storage is read elsewhere (engine-settings.ts, the options page).
 */
import { DEFAULT_AUDIENCE } from '../../engine/audiences.js';
import type { PackInfo } from '../../engine/dictionary/builtin.js';
import type { DictionaryFile, Pack } from '../../engine/dictionary/schema.js';
import type { AudienceId, Category } from '../../engine/types.js';
import type { EngineSettings } from '../messages/engine-service.js';
import type { ManagedPolicy } from './managed-policy.js';
import { SCHOOL_TERMS_ID, SCHOOL_TERMS_NAME } from './managed-policy.js';
import { ownPack, type OwnTerm } from './own-terms.js';

export const CATEGORIES: readonly Category[] = ['acronym', 'jargon', 'plain-word', 'sentence'];

/** A glossary the user imported from a file (kept in `storage.local`). */
export interface ImportedPack {
  file: DictionaryFile;
  fileName: string;
  on: boolean;
}

export interface SourcesInput {
  /** The packs that ship, in their built-in order, and which of them are on by default. */
  builtin: readonly PackInfo[];
  defaultPacks: readonly string[];
  /** The user's own switches for built-in packs (what they did not touch is absent). */
  packChoices: Readonly<Record<string, boolean>>;
  imported: readonly ImportedPack[];
  managed: ManagedPolicy;
  ownTerms: readonly OwnTerm[];
  /** The audience the user chose, or null if they never chose one. */
  chosenAudience: AudienceId | null;
  offCategories: readonly Category[];
  ignored: readonly string[];
}

export type SourceKind = 'builtin' | 'imported' | 'school' | 'school-terms' | 'own';

export interface SourceView {
  kind: SourceKind;
  /** The pack id (unique within its kind). */
  id: string;
  /** Display name: what a card says a definition came from. */
  name: string;
  description?: string;
  entries: number;
  on: boolean;
  /** Set by the school: shown as locked, cannot be turned off, edited or removed. */
  locked: boolean;
}

export interface Sources {
  /** Every source in rising priority (a later one wins for the same term). */
  list: SourceView[];
  audience: AudienceId;
  /** Where the audience came from. */
  audienceFrom: 'you' | 'school' | 'default';
  audienceLocked: boolean;
  settings: EngineSettings;
}

export function mergeSources(input: SourcesInput): Sources {
  const { managed } = input;
  const list: SourceView[] = [];
  const packs: string[] = [];
  for (const p of input.builtin) {
    const bySchool = managed.builtinPacks.includes(p.id);
    const locked = bySchool && managed.lockSettings;
    const choice = input.packChoices[p.id];
    const on = locked || (choice ?? (bySchool || input.defaultPacks.includes(p.id)));
    if (on) packs.push(p.id);
    list.push({
      kind: 'builtin',
      id: p.id,
      name: p.name,
      description: p.description,
      entries: p.entryCount + p.knownCount,
      on,
      locked,
    });
  }

  const extraPacks: Pack[] = [];
  for (const imported of input.imported) {
    const pack = packOf(imported.file);
    list.push({
      kind: 'imported',
      id: pack.id,
      name: pack.name,
      description: pack.description,
      entries: pack.entries.length,
      on: imported.on,
      locked: false,
    });
    if (imported.on) extraPacks.push(pack);
  }
  for (const file of managed.packs) {
    const pack = packOf(file);
    list.push({
      kind: 'school',
      id: pack.id,
      name: pack.name,
      description: pack.description,
      entries: pack.entries.length,
      on: true,
      locked: true,
    });
    extraPacks.push(pack);
  }
  if (managed.terms.length) {
    list.push({
      kind: 'school-terms',
      id: SCHOOL_TERMS_ID,
      name: SCHOOL_TERMS_NAME,
      entries: managed.terms.length,
      on: true,
      locked: true,
    });
    extraPacks.push({ id: SCHOOL_TERMS_ID, name: SCHOOL_TERMS_NAME, entries: managed.terms, known: [] });
  }
  const own = ownPack(input.ownTerms);
  list.push({ kind: 'own', id: own.id, name: own.name, entries: own.entries.length, on: true, locked: false });
  if (own.entries.length) extraPacks.push(own);

  const audienceLocked = managed.lockSettings && managed.defaultAudience !== undefined;
  const audience = audienceLocked
    ? managed.defaultAudience!
    : (input.chosenAudience ?? managed.defaultAudience ?? DEFAULT_AUDIENCE);
  const audienceFrom = audienceLocked
    ? 'school'
    : input.chosenAudience
      ? 'you'
      : managed.defaultAudience
        ? 'school'
        : 'default';

  const off = new Set(input.offCategories);
  const settings: EngineSettings = {
    audience,
    ignore: [...input.ignored],
    packs,
    extraPacks,
    ...(off.size ? { categories: CATEGORIES.filter((c) => !off.has(c)) } : {}),
  };
  return { list, audience, audienceFrom, audienceLocked, settings };
}

/** One file as the engine's pack: its own id and display name. */
export function packOf(file: DictionaryFile): Pack {
  return {
    id: file.pack,
    name: file.name,
    description: file.description,
    entries: file.entries,
    known: file.known ?? [],
  };
}
