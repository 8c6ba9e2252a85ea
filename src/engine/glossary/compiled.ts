/**
 * The glossary compiled at build time. Each built-in pack carries its forms as a trie in arrays of
 * integers (`CompiledTrie`, trie.ts: format version 3), so loading a pack reads arrays and builds
 * no object per entry or per node; a glossary lays its packs' tries over one another, and makes a
 * node's forms the first time a text reaches it. It finds what compileGlossary (glossary.ts) finds,
 * form for form on every node a text reaches; that stays as the reference the tests compare it with.
 */
import type { DictionaryEntry, Pack } from '../dictionary/schema.js';
import { tokenise } from '../text/tokens.js';
import {
  adoptVocabulary,
  layOut,
  MergedTrie,
  PackTrie,
  vocabularyWords,
  type CompiledTrie,
  type PackTrieArrays,
  type Trie,
} from './trie.js';
import type { GlossarySnapshot } from './snapshot.js';
import {
  affix,
  gapKey,
  isAcronymLike,
  isPlainTitle,
  otherSpellings,
  type Form,
  type Glossary,
  type GlossaryEntry,
  type TrieNode,
} from './glossary.js';

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

/** A form's place among its entry's written forms (whatsOf's order), or among its other spellings. */
function ordinalOf(entry: DictionaryEntry, what: What, which: number): number {
  const variants = entry.variants?.length ?? 0;
  if (what === What.Term) return 0;
  if (what === What.Variant) return 1 + which;
  if (what === What.Expansion) return 1 + variants;
  if (what === What.Inflection) return 1 + variants + (entry.kind === 'acronym' && entry.expansion ? 1 : 0) + which;
  return which;
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

/** Compiles a pack's forms for shipping, as a trie (trie.ts). `sharedKeys`: the keys more than one built-in entry has. */
export function compileForms(pack: Pack, sharedKeys: ReadonlySet<string>): CompiledTrie {
  return layOut(
    pack.entries.flatMap((entry, i) => formData(entry, i)),
    pack.entries.flatMap((e, i) => (sharedKeys.has(entryKey(e)) ? [i] : [])),
  );
}

/** A pack's forms as a trie, from its compiled data or (a user's or school's pack) compiled now. */
interface PackForms {
  trie: PackTrie;
  /** Each entry's key (see entryKey). */
  readonly keys: string[];
  /** One entry's key, without making every entry's (a shared entry's, at start-up). */
  keyOf(entry: number): string;
  /** Entries that may share a key with another pack's: all of them, for a pack compiled now. */
  shared: number[] | 'all';
  maxTokens: number;
}

const compiledNow = new WeakMap<Pack, PackForms>();
const readTries = new WeakMap<CompiledTrie, PackTrie>();

/** `arrays`: the pack's trie from a snapshot that fits it, in place of reading its compiled trie. */
function formsOfPack(pack: Pack, arrays?: PackTrieArrays): PackForms {
  const c = (pack as Pack & { compiled?: CompiledTrie }).compiled;
  if (c?.v === 3) {
    // Forms never change: every glossary the pack is in shares its arrays.
    let trie = readTries.get(c);
    if (!trie) readTries.set(c, (trie = new PackTrie(arrays ?? c)));
    let keys: string[] | undefined;
    return {
      trie,
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
    const laid = compileForms(pack, new Set());
    const keys = pack.entries.map(entryKey);
    done = { trie: new PackTrie(laid), keys, keyOf: (e) => keys[e], shared: 'all', maxTokens: laid.maxTokens };
    compiledNow.set(pack, done);
  }
  return done;
}

/** One form that ends at a node: which pack's entry it is (or the entry merged from several). */
interface Item {
  at: number;
  p: number;
  form: FormData;
  merged: GlossaryEntry | undefined;
}

const spelled = (x: FormData) => (x.what === What.Spelling ? 1 : 0);

/** Glossaries made so far, by their packs (each pack object in turn, then includeCommon): see loadGlossary. */
interface Made {
  next: WeakMap<Pack, Made>;
  glossaries?: Map<boolean, Glossary>;
}
const made: Made = { next: new WeakMap() };

/**
 * The glossary of these packs (later wins), as compileGlossary makes it, from their compiled
 * tries: their arrays laid over one another, and a node's forms made when a text first reaches
 * it. Packs never change once made, so analysers over the same packs share one glossary (a pack
 * that is let go takes its glossaries with it).
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

/** The build's snapshot of the default packs' glossary (snapshot.ts), once a surface gives it. */
let snapshot: GlossarySnapshot | undefined;

/** Makes a glossary of the packs `snapshot` was made from by reading it; `undefined` stops that. */
export function useGlossarySnapshot(s: GlossarySnapshot | undefined): void {
  snapshot = s;
}

/** Whether `s` was made from these very packs (the build's, unchanged). */
function fits(s: GlossarySnapshot, packs: readonly Pack[]): boolean {
  return (
    s.packs.length === packs.length &&
    s.packs.every((sp, p) => {
      const pack = packs[p];
      const c = (pack as Pack & { compiled?: CompiledTrie }).compiled;
      return (
        c?.v === 3 &&
        sp.id === pack.id &&
        sp.entries === pack.entries.length &&
        sp.nodes === c.children.length &&
        sp.forms === c.forms.length &&
        sp.words === c.words.length
      );
    })
  );
}

/** The tries each glossary was made from (its packs', then the merged entries'), for a snapshot. */
const triesOf = new WeakMap<Glossary, PackTrie[]>();

/** A snapshot of the glossary of these built-in packs (the build makes one of the default packs). */
export function glossarySnapshot(packs: readonly Pack[]): GlossarySnapshot {
  const glossary = loadGlossary(packs);
  return {
    packs: packs.map((pack) => {
      const c = (pack as Pack & { compiled?: CompiledTrie }).compiled;
      if (c?.v !== 3) throw new Error(`Plain SEND: the pack "${pack.id}" has no compiled trie for a snapshot.`);
      return {
        id: pack.id,
        entries: pack.entries.length,
        nodes: c.children.length,
        forms: c.forms.length,
        words: c.words.length,
      };
    }),
    vocabulary: vocabularyWords(),
    tries: triesOf.get(glossary)!.map((t) => ({
      words: t.words,
      childStart: t.childStart,
      keys: t.keys,
      formStart: t.formStart,
      forms: t.forms,
    })),
    merged: (glossary.trie as MergedTrie).arrays(),
  };
}

function makeGlossary(given: readonly Pack[], includeCommon: boolean): Glossary {
  const packs = [...given];
  const options = { includeCommon };
  // A snapshot of these packs gives their tries and their merge as arrays, once its word ids are this process's.
  const snap = snapshot && fits(snapshot, packs) && adoptVocabulary(snapshot.vocabulary) ? snapshot : undefined;
  const sources = packs.map((pack, p) => formsOfPack(pack, snap?.tries[p]));
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
  /** Merged entries (a few: the same term in two packs), laid out as one more trie after the packs'. */
  const mergedAt = [...merged.keys()];
  const mergedEntries = [...merged.values()];
  const tries = sources.map((s) => s.trie);
  // The snapshot's merge holds only if its packs' tries were the ones used and it merged as many tries.
  const whole = snap !== undefined && sources.every((s, p) => s.trie.words === snap.tries[p].words);
  const mergedArrays = whole && snap.tries.length === tries.length + (mergedEntries.length ? 1 : 0) ? snap : undefined;
  if (mergedEntries.length)
    tries.push(
      new PackTrie(
        mergedArrays
          ? mergedArrays.tries[packs.length]
          : layOut(
              mergedEntries.flatMap((entry, i) => formData(entry, i)),
              [],
            ),
      ),
    );

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

  /** On a first word's node: its one-word short forms by exact text (the first made wins). */
  const acronymsAt = new Map<number, Map<string, GlossaryEntry>>();

  /**
   * The forms that end at a node, as compileGlossary orders them there: every written form before
   * any other spelling; within each, the last entry first, each entry's forms in order.
   */
  const finalise = (trie: MergedTrie, node: number): Form[] => {
    const items: Item[] = [];
    trie.sources(node, (p, packNode) => {
      const t = tries[p];
      for (let f = t.formStart[packNode], end = t.formStart[packNode + 1]; f < end; f++) {
        const e = t.forms[3 * f];
        const what = t.forms[3 * f + 1] as What;
        const which = t.forms[3 * f + 2];
        if (p < packs.length) {
          const at = position(p, e);
          if (inMerge.has(at)) continue;
          const raw = packs[p].entries[e];
          items.push({ at, p, form: formAt(raw, e, what, which, ordinalOf(raw, what, which))!, merged: undefined });
        } else {
          const entry = mergedEntries[e];
          const form = formAt(entry, e, what, which, ordinalOf(entry, what, which))!;
          items.push({ at: mergedAt[e], p: -1, form, merged: entry });
        }
      }
    });
    items.sort((a, b) => spelled(a.form) - spelled(b.form) || b.at - a.at || a.form.ordinal - b.form.ordinal);
    const forms: Form[] = [];
    const depth = trie.depth[node] - 1;
    for (const item of items) {
      const f = item.form;
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
        let acronyms = acronymsAt.get(node);
        if (!acronyms) acronymsAt.set(node, (acronyms = new Map()));
        if (!acronyms.has(f.text)) acronyms.set(f.text, entry);
      }
    }
    return forms;
  };

  const trie = new MergedTrie(mergedArrays ? mergedArrays.merged : tries, finalise);

  const known = new Set<string>();
  for (const pack of packs) for (const k of pack.known) known.add(k.toUpperCase());

  let entries: GlossaryEntry[] | undefined;
  const glossary: Glossary = {
    trie,
    root: view(trie, 0),
    known,
    acronyms: {
      get(text: string) {
        const tokens = tokenise(text);
        if (tokens.length !== 1) return undefined;
        const node = trie.child(0, trie.wordId(tokens[0].lower));
        if (node < 0) return undefined;
        trie.forms(node);
        return acronymsAt.get(node)?.get(text);
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
  triesOf.set(glossary, tries);
  return glossary;
}

/** A node as an object (TrieNode), for callers that look a word up by its text (dotted-short-form, the tests). */
function view(trie: Trie, node: number): TrieNode {
  return {
    next: {
      get(key: string) {
        const child = trie.child(node, trie.wordId(key));
        return child < 0 ? undefined : view(trie, child);
      },
      get size() {
        return trie.hasChildren(node) ? 1 : 0;
      },
    },
    get forms() {
      return trie.forms(node) as Form[];
    },
    get punctuated() {
      return trie.punctuated(node);
    },
  };
}
