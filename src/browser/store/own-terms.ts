/**
 * The user's own terms: dictionary entries without the `source` and `examples` the shipped
 * glossary needs (see validateDictionary's `own` level, shared with the Word add-in). Checked
 * with the engine's own validator, so the options page, an imported file and the engine
 * agree on what a good entry is.
 */
import type { DictionaryEntry, EntryKind, Pack } from '../../engine/dictionary/schema.js';
import { validateDictionary } from '../../engine/dictionary/validate.js';

export type OwnTerm = Omit<DictionaryEntry, 'source' | 'examples'> & Partial<Pick<DictionaryEntry, 'source'>>;

/** The engine's pack id and display name for the user's terms (what a card says they came from). */
export const OWN_PACK_ID = 'user';
export const OWN_PACK_NAME = 'Your terms';

export const KIND_LABEL: Record<EntryKind, string> = {
  acronym: 'Short form',
  jargon: 'SEND word or phrase',
  'plain-word': 'Wordy word',
};

/** Two terms are the same when their kind and headword match, in any case. */
export function termKey(t: Pick<OwnTerm, 'term' | 'kind'>): string {
  return `${t.kind}:${t.term.trim().toLowerCase()}`;
}

/** What is wrong with one term, in plain words (empty when it is fine). */
export function termProblems(term: unknown): string[] {
  const r = validateDictionary({ pack: OWN_PACK_ID, name: OWN_PACK_NAME, entries: [term] }, { level: 'own' });
  return r.errors
    .map((e) => e.replace(/^Entry 1( \("[^"]*"\))?: /, ''))
    .map((e) => e.charAt(0).toUpperCase() + e.slice(1));
}

/** A term as it is kept: trimmed, empty fields left out, no filled-in source or examples. */
export function tidyTerm(t: OwnTerm): OwnTerm {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(t)) {
    if (k === 'examples') continue;
    if (typeof v === 'string') {
      if (v.trim()) out[k] = v.trim();
    } else if (Array.isArray(v)) {
      const list = v.map((x) => (typeof x === 'string' ? x.trim() : x)).filter((x) => x !== '');
      if (list.length) out[k] = list;
    } else if (v !== undefined && v !== null) out[k] = v;
  }
  return out as OwnTerm;
}

/** Adds or replaces (same kind and headword) terms; the list keeps its order, new ones at the end. */
export function mergeTerms(list: readonly OwnTerm[], add: readonly OwnTerm[]): OwnTerm[] {
  const out = [...list];
  const at = new Map(out.map((t, i) => [termKey(t), i]));
  for (const t of add) {
    const i = at.get(termKey(t));
    if (i === undefined) {
      at.set(termKey(t), out.length);
      out.push(t);
    } else out[i] = t;
  }
  return out;
}

/** The engine's view of a list of own terms: one pack, named for the card. */
export function ownPack(terms: readonly OwnTerm[], id = OWN_PACK_ID, name = OWN_PACK_NAME): Pack {
  return {
    id,
    name,
    entries: terms.map((t) => ({ ...t, source: t.source ?? name, examples: { flag: [] } })),
    known: [],
  };
}

/** Lists in one text box: "use, try" ⇄ ['use', 'try']. */
export function splitList(text: string, separator = /[;,]/): string[] {
  return text
    .split(separator)
    .map((s) => s.trim())
    .filter(Boolean);
}
