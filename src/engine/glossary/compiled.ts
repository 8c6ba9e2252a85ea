/**
 * The glossary compiled at build time. Each built-in pack carries an index of its forms by
 * their first trie key (`CompiledForms`: one short string per first word, read only when a text
 * has that word), so loading a pack builds no object per entry, and an analyser's glossary
 * costs almost nothing to make: the trie is built from the packs that are on a node at a time, each
 * node the first time a text reaches it. It gives the same trie, node for node where a text reaches, as
 * compileGlossary (glossary.ts), which stays as the reference the tests compare it with.
 */
import type { DictionaryEntry, Pack } from '../dictionary/schema.js';
import { tokenise } from '../text/tokens.js';
import {
  affix,
  gapKey,
  isAcronymLike,
  isPlainTitle,
  otherSpellings,
  type Form,
  type Glossary,
  type GlossaryEntry,
} from './glossary.js';

/**
 * A pack's forms, compiled by scripts/build-dictionaries.ts. Format version 2 has other spellings
 * of forms too; data of another version (built before) is not read, and the pack is compiled when loaded.
 */
export interface CompiledForms {
  v: 2;
  /** By a form's first trie key: which forms start with it, `entry,what,which,place`, space-separated. */
  first: Record<string, string>;
  /** Entries whose key another built-in entry also has (a later pack's wins): merged when the glossary is made. */
  shared: number[];
  /** Most tokens in any form. */
  maxTokens: number;
}

const FIELD = ',';
const FORM = ' ';

/** Which form of its entry: the term, a variant, the expansion, an inflection, or another spelling of one of those. */
const enum What {
  Term = 0,
  Variant = 1,
  Expansion = 2,
  Inflection = 3,
  Spelling = 4,
}

/** One form (written, or spelled otherwise), split as the trie needs it. */
interface FormData {
  entry: number;
  what: What;
  /** Index among the entry's variants, inflections or other spellings. */
  which: number;
  /** Its place among the entry's written forms, or among its other spellings (their order on a trie node matters). */
  ordinal: number;
  text: string;
  /** For another spelling: the written form it spells differently (its silence and suggestions go with it). */
  source?: [What, number];
  keys: string[];
  /** Each token as written, and whether it looks like an acronym (then its capitals count). */
  texts: string[];
  acronymLike: boolean[];
  before: string;
  after: string;
}

/** An entry's written forms in compileGlossary's order: the term, its variants, its expansion, its inflections. */
function whatsOf(entry: DictionaryEntry): Array<[What, number]> {
  const whats: Array<[What, number]> = [[What.Term, 0]];
  (entry.variants ?? []).forEach((_, i) => whats.push([What.Variant, i]));
  if (entry.kind === 'acronym' && entry.expansion) whats.push([What.Expansion, 0]);
  (entry.inflections ?? []).forEach((_, i) => whats.push([What.Inflection, i]));
  return whats;
}

/** The text of one written form as the entry writes it. */
function writtenAt(entry: DictionaryEntry, what: What, which: number): string {
  return what === What.Term
    ? entry.term
    : what === What.Variant
      ? entry.variants![which]
      : what === What.Expansion
        ? entry.expansion!
        : entry.inflections![which].text;
}

interface Spelling {
  text: string;
  source: [What, number];
}

const spellingsMemo = new WeakMap<DictionaryEntry, Spelling[]>();

/**
 * Other spellings of an entry's forms that it does not write itself, in compileGlossary's
 * order (otherSpellingsOf in glossary.ts): by written form, each text once.
 */
function spellingsOf(entry: DictionaryEntry): Spelling[] {
  let out = spellingsMemo.get(entry);
  if (out) return out;
  out = [];
  const written = whatsOf(entry).map(([what, which]) => ({ text: writtenAt(entry, what, which).trim(), what, which }));
  let seen: Set<string> | undefined;
  for (const { text: form, what, which } of written) {
    for (const text of otherSpellings(form)) {
      seen ??= new Set(written.map((w) => w.text.toLowerCase()));
      if (seen.has(text.toLowerCase())) continue;
      seen.add(text.toLowerCase());
      out.push({ text, source: [what, which] });
    }
  }
  spellingsMemo.set(entry, out);
  return out;
}

/** One form split into trie keys; undefined when it has no word or too long a gap (compileGlossary leaves those out). */
function formAt(
  entry: DictionaryEntry,
  index: number,
  what: What,
  which: number,
  ordinal: number,
): FormData | undefined {
  const spelling = what === What.Spelling ? spellingsOf(entry)[which] : undefined;
  const text = (spelling ? spelling.text : writtenAt(entry, what, which)).trim();
  const tokens = tokenise(text);
  if (tokens.length === 0) return undefined;
  const keys: string[] = [];
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k];
    let key = t.lower;
    if (k > 0 && !t.joinsPrevious) {
      const gap = gapKey(text, tokens[k - 1].end, t.start, t.lower);
      if (gap === undefined) return undefined;
      if (gap) key = gap;
    }
    keys.push(key);
  }
  return {
    entry: index,
    what,
    which,
    ordinal,
    text,
    source: spelling?.source,
    keys,
    texts: tokens.map((t) => t.text),
    acronymLike: tokens.map((t) => isAcronymLike(t.text)),
    before: affix(text.slice(0, tokens[0].start)),
    after: affix(text.slice(tokens[tokens.length - 1].end)),
  };
}

/** Every form of an entry, split into trie keys: its written forms, then its other spellings. */
function formData(entry: DictionaryEntry, index: number): FormData[] {
  const written = whatsOf(entry).flatMap(([what, which], ordinal) => formAt(entry, index, what, which, ordinal) ?? []);
  const spelled = spellingsOf(entry).flatMap((_, i) => formAt(entry, index, What.Spelling, i, i) ?? []);
  return spelled.length === 0 ? written : [...written, ...spelled];
}

/** An entry's key: entries with the same key are one term, and the later pack's wins. */
export function entryKey(e: DictionaryEntry): string {
  return `${e.kind}:${e.term.toLowerCase()}`;
}

/**
 * Compiles a pack's forms for shipping: by first trie key, which forms start with it (entry,
 * which form, and its place among the entry's forms), so that a form is split into its keys
 * only when a text has its first word. `sharedKeys`: the keys more than one built-in entry has.
 */
export function compileForms(pack: Pack, sharedKeys: ReadonlySet<string>): CompiledForms {
  const first: Record<string, string[]> = {};
  let maxTokens = 1;
  pack.entries.forEach((entry, i) => {
    for (const f of formData(entry, i)) {
      (first[f.keys[0]] ??= []).push(`${f.entry}${FIELD}${f.what}${FIELD}${f.which}${FIELD}${f.ordinal}`);
      maxTokens = Math.max(maxTokens, f.keys.length);
    }
  });
  const joined: Record<string, string> = {};
  for (const k of Object.keys(first)) joined[k] = first[k].join(FORM);
  return {
    v: 2,
    first: joined,
    shared: pack.entries.flatMap((e, i) => (sharedKeys.has(entryKey(e)) ? [i] : [])),
    maxTokens,
  };
}

function decode(pack: Pack, encoded: string): FormData[] {
  return encoded.split(FORM).flatMap((s) => {
    const [entry, what, which, ordinal] = s.split(FIELD).map(Number);
    return formAt(pack.entries[entry], entry, what as What, which, ordinal) ?? [];
  });
}

/** A pack's forms by first key, from its compiled data or (a user's or school's pack) compiled now. */
interface PackForms {
  at(key: string): FormData[] | undefined;
  /** Each entry's key (see entryKey). */
  readonly keys: string[];
  /** One entry's key, without making every entry's (a shared entry's, at start-up). */
  keyOf(entry: number): string;
  /** Entries that may share a key with another pack's: all of them, for a pack compiled now. */
  shared: number[] | 'all';
  maxTokens: number;
}

const compiledNow = new WeakMap<Pack, PackForms>();
const decodedForms = new WeakMap<CompiledForms, Map<string, FormData[]>>();

function formsOfPack(pack: Pack): PackForms {
  const c = (pack as Pack & { compiled?: CompiledForms }).compiled;
  if (c?.v === 2) {
    // Forms never change: every glossary the pack is in shares what was decoded.
    let decoded = decodedForms.get(c);
    if (!decoded) decodedForms.set(c, (decoded = new Map()));
    const cache = decoded;
    let keys: string[] | undefined;
    return {
      at(key) {
        if (!Object.hasOwn(c.first, key)) return undefined;
        let forms = cache.get(key);
        if (!forms) cache.set(key, (forms = decode(pack, c.first[key])));
        return forms;
      },
      // Asked for only when a pack compiled now is on too (a user's or school's).
      get keys() {
        return (keys ??= pack.entries.map(entryKey));
      },
      keyOf: (e) => (keys ? keys[e] : entryKey(pack.entries[e])),
      shared: c.shared,
      maxTokens: c.maxTokens,
    };
  }
  let done = compiledNow.get(pack);
  if (!done) {
    const byKey = new Map<string, FormData[]>();
    let maxTokens = 1;
    pack.entries.forEach((entry, i) => {
      for (const f of formData(entry, i)) {
        const list = byKey.get(f.keys[0]);
        if (list) list.push(f);
        else byKey.set(f.keys[0], [f]);
        maxTokens = Math.max(maxTokens, f.keys.length);
      }
    });
    const keys = pack.entries.map(entryKey);
    done = { at: (key) => byKey.get(key), keys, keyOf: (e) => keys[e], shared: 'all', maxTokens };
    compiledNow.set(pack, done);
  }
  return done;
}

interface TrieNode {
  next: { get(key: string): TrieNode | undefined; readonly size: number };
  forms: Form[];
  punctuated?: boolean;
  /** On a first word's node: its one-word short forms by exact text (the first made wins). */
  acronyms?: Map<string, GlossaryEntry>;
}

/** One form on its way into a first word's trie: which pack's entry it is (or the entry merged from several). */
interface Item {
  at: number;
  p: number;
  form: FormData;
  merged: GlossaryEntry | undefined;
}

const spelled = (x: FormData) => (x.what === What.Spelling ? 1 : 0);

const NOTHING_BELOW = { get: (): undefined => undefined, size: 0 };

/**
 * The nodes below one node, made when the walk first asks for them: the forms that go on are
 * grouped by their next key on the first look, and each group becomes a node when its key is
 * first asked for. `size` is how many forms go on below (never 0: a node with none has {@link NOTHING_BELOW}).
 */
class Below {
  /** Until the first look: the forms that go on. Then, by next key, those forms, or the node made of them. */
  private pending: readonly Item[] | undefined;
  private groups: Map<string, Item[] | TrieNode> | undefined;
  readonly size: number;
  constructor(
    items: readonly Item[],
    private readonly depth: number,
    private readonly node: (items: readonly Item[], depth: number) => TrieNode,
  ) {
    this.pending = items;
    this.size = items.length;
  }

  get(key: string): TrieNode | undefined {
    let groups = this.groups;
    if (!groups) {
      groups = this.groups = new Map();
      for (const item of this.pending!) {
        const k = item.form.keys[this.depth];
        const group = groups.get(k) as Item[] | undefined;
        if (group) group.push(item);
        else groups.set(k, [item]);
      }
      this.pending = undefined;
    }
    const found = groups.get(key);
    if (found === undefined || !Array.isArray(found)) return found;
    const made = this.node(found, this.depth);
    groups.set(key, made);
    return made;
  }
}

/** Distinct first words remembered (found or not) before the memory starts afresh. */
const MEMO_LIMIT = 50_000;

/** Glossaries made so far, by their packs (each pack object in turn, then includeCommon): see loadGlossary. */
interface Made {
  next: WeakMap<Pack, Made>;
  glossaries?: Map<boolean, Glossary>;
}
const made: Made = { next: new WeakMap() };

/**
 * The glossary of these packs (later wins), as compileGlossary makes it, but built lazily from
 * their compiled forms: nothing per entry now, and the trie below each first word when a text
 * first has it. Packs never change once made, so analysers over the same packs share one glossary
 * and each trie is built once for them all, not once per analyser (a pack that is let go takes its
 * glossaries with it).
 */
export function loadGlossary(packs: readonly Pack[], options: { includeCommon?: boolean } = {}): Glossary {
  let level = made;
  for (const pack of packs) {
    let next = level.next.get(pack);
    if (!next) level.next.set(pack, (next = { next: new WeakMap() }));
    level = next;
  }
  const common = options.includeCommon === true;
  let glossary = level.glossaries?.get(common);
  if (!glossary) (level.glossaries ??= new Map()).set(common, (glossary = makeGlossary(packs, common)));
  return glossary;
}

function makeGlossary(given: readonly Pack[], includeCommon: boolean): Glossary {
  const packs = [...given];
  const options = { includeCommon };
  const sources = packs.map(formsOfPack);
  const position = (p: number, e: number) => p * 1_000_000 + e;

  // Entries with the same key as another that is on: the last wins, with every spelling the earlier ones knew.
  const candidates = new Map<string, Array<[number, number]>>();
  const addCandidate = (p: number, e: number) => {
    const key = sources[p].keyOf(e);
    const list = candidates.get(key);
    if (list) list.push([p, e]);
    else candidates.set(key, [[p, e]]);
  };
  const anyNow = sources.some((s) => s.shared === 'all');
  sources.forEach((s, p) => {
    if (s.shared !== 'all') for (const e of s.shared) addCandidate(p, e);
  });
  if (anyNow) {
    // A pack compiled now may share a key with any entry of the others.
    const nowKeys = new Set<string>();
    sources.forEach((s, p) => {
      if (s.shared === 'all') s.keys.forEach((k, e) => (nowKeys.add(k), addCandidate(p, e)));
    });
    sources.forEach((s, p) => {
      const shared = s.shared;
      if (shared === 'all') return;
      s.keys.forEach((k, e) => {
        if (nowKeys.has(k) && !shared.includes(e)) addCandidate(p, e);
      });
    });
  }
  /** Merged entries by their winner's position; every entry in a merge by position, to leave its compiled forms out. */
  const merged = new Map<number, GlossaryEntry>();
  const inMerge = new Set<number>();
  for (const list of candidates.values()) {
    if (list.length < 2) continue;
    list.sort((a, b) => position(...a) - position(...b));
    let earlier: GlossaryEntry | undefined;
    for (const [p, e] of list) {
      const entry = packs[p].entries[e];
      const variants = earlier
        ? [...new Set([...(entry.variants ?? []), ...(earlier.variants ?? [])])]
        : entry.variants;
      earlier = { ...entry, variants, pack: packs[p].id, packName: packs[p].name, id: `${packs[p].id}:${entry.term}` };
      inMerge.add(position(p, e));
    }
    const [p, e] = list[list.length - 1];
    merged.set(position(p, e), earlier!);
  }
  /** Merged entries' forms by first key, compiled now (a few: the same term in two packs). */
  const mergedForms = new Map<string, Array<{ at: number; form: FormData; entry: GlossaryEntry }>>();
  for (const [at, entry] of merged) {
    for (const form of formData(entry, 0)) {
      const list = mergedForms.get(form.keys[0]);
      if (list) list.push({ at, form, entry });
      else mergedForms.set(form.keys[0], [{ at, form, entry }]);
    }
  }

  const entryObjects = new Map<number, GlossaryEntry>();
  const entryAt = (p: number, e: number): GlossaryEntry => {
    const at = position(p, e);
    let entry = entryObjects.get(at);
    if (!entry) {
      const raw = packs[p].entries[e];
      entry = {
        ...raw,
        variants: raw.variants,
        pack: packs[p].id,
        packName: packs[p].name,
        id: `${packs[p].id}:${raw.term}`,
      };
      entryObjects.set(at, entry);
    }
    return entry;
  };

  /**
   * The trie below one first word, as compileGlossary builds it: the same forms, in the same order
   * on each node. Only the first word's node is made now; each node below it when the walk first
   * reaches it (most forms under a common first word, "special …", are never reached by a text).
   */
  const build = (key: string): TrieNode | undefined => {
    const todo: Item[] = [];
    for (let p = 0; p < sources.length; p++) {
      const forms = sources[p].at(key);
      if (!forms) continue;
      for (const form of forms) {
        const at = position(p, form.entry);
        if (!inMerge.has(at)) todo.push({ at, p, form, merged: undefined });
      }
    }
    const mergedHere = mergedForms.get(key);
    if (mergedHere) for (const m of mergedHere) todo.push({ at: m.at, p: -1, form: m.form, merged: m.entry });
    if (todo.length === 0) return undefined;
    // compileGlossary inserts every written form before any other spelling; within each, the last
    // entry first, each entry's forms in order.
    todo.sort((a, b) => spelled(a.form) - spelled(b.form) || b.at - a.at || a.form.ordinal - b.form.ordinal);
    return node(todo, 0);
  };

  /** The node that `items` (in insertion order) lead to, `depth` keys down: the forms that end there, and what lies below. */
  const node = (items: readonly Item[], depth: number): TrieNode => {
    const made: TrieNode = { next: NOTHING_BELOW, forms: [] };
    let below: Item[] | undefined;
    for (const item of items) {
      const f = item.form;
      if (f.keys.length > depth + 1) {
        (below ??= []).push(item);
        if (f.keys[depth + 1].charCodeAt(0) === 0) made.punctuated = true;
        continue;
      }
      const entry = item.merged ?? entryAt(item.p, f.entry);
      const plainExpansion = entry.kind === 'acronym' && entry.flagExpansion === false;
      // Another spelling is as silent as the written form it spells, and has its suggestions.
      const [what, which] = f.source ?? [f.what, f.which];
      let silent = false;
      if (what === What.Variant)
        silent = plainExpansion && !entry.variants![which].split(/[^\p{L}\p{N}]+/u).some(isAcronymLike);
      else if (what === What.Expansion) silent = plainExpansion;
      const common = entry.common === true && !options.includeCommon;
      const title = !options.includeCommon && what !== What.Inflection && isPlainTitle(writtenAt(entry, what, which));
      const cases = f.texts.map((t, k) => (entry.caseSensitive || f.acronymLike[k] ? t : null));
      const short = entry.kind === 'acronym' && f.text !== entry.expansion && f.acronymLike.some(Boolean);
      const isSpelling = f.what === What.Spelling;
      const inflection = what === What.Inflection ? entry.inflections![which] : undefined;
      const form: Form = {
        entry,
        cases,
        short,
        silent: silent || common || title,
        before: f.before,
        after: f.after,
        suggestions: inflection?.suggestions,
        afterHave: inflection?.afterHave,
      };
      if (isSpelling) form.spelling = true;
      // The clash rules of compileGlossary: another spelling never takes a written form's place (nor
      // its own entry's); within one pack a flagged phrase wins over a plain one; else the later pack.
      const forms = made.forms;
      const clash = forms.findIndex(
        (o) =>
          (isSpelling || o.entry.id !== entry.id) &&
          o.cases.length === cases.length &&
          o.cases.every((c, i) => c === cases[i]) &&
          o.before === f.before &&
          o.after === f.after,
      );
      if (clash >= 0) {
        const other = forms[clash];
        if (isSpelling && (!other.spelling || other.entry.id === entry.id)) continue;
        if (!(other.silent && !form.silent && other.entry.pack === entry.pack)) continue;
        forms.splice(clash, 1);
      }
      const weight = (x: Form) => x.before.length + x.after.length;
      const i = forms.findIndex((x) => weight(x) < weight(form));
      forms.splice(i < 0 ? forms.length : i, 0, form);
      if (short && depth === 0) {
        made.acronyms ??= new Map();
        if (!made.acronyms.has(f.text)) made.acronyms.set(f.text, entry);
      }
    }
    if (below) made.next = new Below(below, depth + 1, node);
    return made;
  };

  const memo = new Map<string, TrieNode | null>();
  const child = (key: string): TrieNode | undefined => {
    let node = memo.get(key);
    if (node === undefined) {
      if (memo.size >= MEMO_LIMIT) memo.clear();
      memo.set(key, (node = build(key) ?? null));
    }
    return node ?? undefined;
  };

  const known = new Set<string>();
  for (const pack of packs) for (const k of pack.known) known.add(k.toUpperCase());

  let entries: GlossaryEntry[] | undefined;
  return {
    root: { next: { get: child }, forms: [] },
    known,
    acronyms: {
      get(text: string) {
        const tokens = tokenise(text);
        return tokens.length === 1 ? child(tokens[0].lower)?.acronyms?.get(text) : undefined;
      },
    },
    maxTokens: Math.max(1, ...sources.map((s) => s.maxTokens)),
    get entries() {
      // Every entry, in compileGlossary's order: only the tests ask.
      if (!entries) {
        const all: Array<[number, GlossaryEntry]> = [];
        packs.forEach((pack, p) =>
          pack.entries.forEach((_, e) => {
            const at = position(p, e);
            if (merged.has(at)) all.push([at, merged.get(at)!]);
            else if (!inMerge.has(at)) all.push([at, entryAt(p, e)]);
          }),
        );
        entries = all.sort((a, b) => a[0] - b[0]).map(([, entry]) => entry);
      }
      return entries;
    },
  };
}
