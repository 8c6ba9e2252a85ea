/**
 * What a school's IT sets for everyone (`storage.managed`: Google Admin, Windows group policy,
 * Firefox's policies.json; keys in src/browser/public/managed_schema.json). Read with the
 * same validator as any dictionary file. What is wrong is listed in plain words for the
 * options page, and the rest is used: one bad pack or term never stops the others.
 */
import { AUDIENCES } from '../../engine/audiences.js';
import type { DictionaryEntry, DictionaryFile } from '../../engine/dictionary/schema.js';
import { parseOwnDictionary } from '../../engine/dictionary/parse.js';
import { quoteTerm, validateDictionary } from '../../engine/dictionary/validate.js';
import type { AudienceId } from '../../engine/types.js';
import { hostOf } from './site-host.js';

export { hostOf };

/** The policy keys (managed_schema.json must name the same). */
export const MANAGED_KEYS = [
  'packs',
  'extraTerms',
  'defaultAudience',
  'builtinPacks',
  'readModeSites',
  'lockSettings',
] as const;
export type ManagedKey = (typeof MANAGED_KEYS)[number];

export const SCHOOL_TERMS_ID = 'school';
export const SCHOOL_TERMS_NAME = "Your school's terms";

export interface ManagedPolicy {
  /** True when the school set anything at all. */
  present: boolean;
  /** The school's packs that are valid, in the order given (later wins). */
  packs: DictionaryFile[];
  /** The school's extra terms that are valid. */
  terms: DictionaryEntry[];
  defaultAudience?: AudienceId;
  /** Built-in packs the school turns on (a region, say). */
  builtinPacks: string[];
  /** Hostnames where read mode starts on. */
  readModeSites: string[];
  /** The user may not change the audience or turn off the packs the school turned on. */
  lockSettings: boolean;
  /** What could not be used, in plain words. */
  errors: string[];
}

export const NO_POLICY: ManagedPolicy = {
  present: false,
  packs: [],
  terms: [],
  builtinPacks: [],
  readModeSites: [],
  lockSettings: false,
  errors: [],
};

/** A value from the policy as a message quotes it: as JSON, cut short when long. */
const shown = (v: unknown) => {
  const json = JSON.stringify(v) ?? String(v);
  return json.length > 60 ? `${json.slice(0, 60)}…` : json;
};

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * Reads the raw managed values. `builtinIds` are the packs that ship (to check `builtinPacks`).
 * Windows' registry can hold a list or a pack as a JSON string: those are read too.
 */
export function parseManagedPolicy(
  raw: Record<string, unknown> | null | undefined,
  builtinIds: readonly string[],
): ManagedPolicy {
  if (!raw) return NO_POLICY;
  // Problems in the order a school's IT would read the keys.
  const errors: string[] = [];
  const list = listReader(raw, errors);
  const packs = schoolPacks(list('packs'), errors);
  const terms = schoolTerms(list('extraTerms'), errors);
  const defaultAudience = audienceOf(raw.defaultAudience, errors);
  const builtinPacks = builtinPackIds(list('builtinPacks'), builtinIds, errors);
  const readModeSites = siteHosts(list('readModeSites'), errors);
  const lock = raw.lockSettings;
  if (lock !== undefined && lock !== null && typeof lock !== 'boolean')
    errors.push('"lockSettings" must be true or false.');
  return {
    present: MANAGED_KEYS.some((k) => raw[k] !== undefined && raw[k] !== null),
    packs,
    terms,
    defaultAudience,
    builtinPacks,
    readModeSites,
    lockSettings: lock === true,
    errors,
  };
}

/** Reads a key's list: a list, or a list written as JSON text (as Windows policies must be). */
function listReader(raw: Record<string, unknown>, errors: string[]): (key: ManagedKey) => unknown[] {
  return (key) => {
    let v = raw[key];
    if (v === undefined || v === null) return [];
    if (typeof v === 'string' && /^\s*\[/.test(v)) {
      try {
        v = JSON.parse(v);
      } catch {
        errors.push(`"${key}" is not a list that can be read.`);
        return [];
      }
    }
    if (!Array.isArray(v)) {
      errors.push(`"${key}" must be a list.`);
      return [];
    }
    return v;
  };
}

function schoolPacks(items: unknown[], errors: string[]): DictionaryFile[] {
  const packs: DictionaryFile[] = [];
  items.forEach((p, i) => {
    const label = `School glossary ${i + 1}${isObject(p) && typeof p.name === 'string' ? ` (${quoteTerm(p.name)})` : ''}`;
    const r = typeof p === 'string' ? parseOwnDictionary(p, label) : validateDictionary(p, { level: 'own' });
    if (r.file) packs.push(r.file);
    else errors.push(...r.errors.map((e) => (typeof p === 'string' ? e : `${label}: ${e}`)));
  });
  return packs;
}

function schoolTerms(items: unknown[], errors: string[]): DictionaryEntry[] {
  const terms: DictionaryEntry[] = [];
  const seen = new Set<string>();
  items.forEach((t, i) => {
    const r = validateDictionary({ pack: SCHOOL_TERMS_ID, name: SCHOOL_TERMS_NAME, entries: [t] }, { level: 'own' });
    const entry = r.file?.entries[0];
    const key = entry ? `${entry.kind}:${entry.term.toLowerCase()}` : '';
    if (entry && !seen.has(key)) {
      seen.add(key);
      terms.push(entry);
    } else if (entry)
      errors.push(
        `School term ${i + 1} (${quoteTerm(entry.term)}): the same term is given twice; the first one is used.`,
      );
    else errors.push(...r.errors.map((e) => e.replace(/^Entry 1/, `School term ${i + 1}`)));
  });
  return terms;
}

/** An audience named by the policy; a key every object has ("toString") is not one. */
function audienceOf(a: unknown, errors: string[]): AudienceId | undefined {
  if (typeof a === 'string' && Object.hasOwn(AUDIENCES, a)) return a as AudienceId;
  if (a !== undefined && a !== null)
    errors.push(`"defaultAudience" must be one of ${Object.keys(AUDIENCES).join(', ')}.`);
  return undefined;
}

function builtinPackIds(items: unknown[], builtinIds: readonly string[], errors: string[]): string[] {
  const ids: string[] = [];
  for (const id of items) {
    if (typeof id === 'string' && builtinIds.includes(id)) ids.push(id);
    else
      errors.push(
        `"builtinPacks": there is no built-in glossary called ${shown(id)}. Glossaries: ${listed(builtinIds)}.`,
      );
  }
  return ids;
}

function siteHosts(items: unknown[], errors: string[]): string[] {
  const hosts = new Set<string>();
  for (const site of items) {
    const host = typeof site === 'string' ? hostOf(site) : undefined;
    if (host) hosts.add(host);
    else errors.push(`"readModeSites": ${shown(site)} is not a website address, such as "portal.example.sch.uk".`);
  }
  return [...hosts];
}

/** A few ids, then how many more: a message about one wrong id stays short with fifty packs. */
function listed(ids: readonly string[], most = 8): string {
  return ids.length <= most ? ids.join(', ') : `${ids.slice(0, most).join(', ')} and ${ids.length - most} more`;
}
