/**
 * A compiled glossary: every written form of every entry in a trie of lower-case tokens,
 * so one left-to-right pass over a paragraph finds the longest term at each word.
 */
import type { DictionaryEntry, Pack } from '../dictionary/schema.js';
import { tokenise, type Token } from '../text/tokens.js';
import type { Trie } from './trie.js';

export interface GlossaryEntry extends DictionaryEntry {
  pack: string;
  packName: string;
  /** `pack:term`, stable across sessions (used by "ignore always"). */
  id: string;
}

/** How a form's token must be written: in any case, or with these exact capitals (or all capitals). */
type PartCase = string | null;

export interface Form {
  entry: GlossaryEntry;
  /** Per token: the capitals it needs, or null for any case. */
  cases: PartCase[];
  /** A short form (has an acronym in it): reported as `acronym`, explained at first use. */
  short: boolean;
  /**
   * A plain expansion (`flagExpansion: false`) or a common word (`common: true`): matched so
   * that no shorter term inside it is reported ("free school" inside "free school meals"),
   * but not reported itself.
   */
  silent: boolean;
  /** A plain word's other form ("utilised"): its suggestions in the same form ("used"). */
  suggestions?: string[];
  /** Where they differ, those suggestions after have or be ("has been given", not "gave"). */
  afterHave?: string[];
  /**
   * Punctuation written just before the first word and just after the last (`C#` → `#`,
   * `C++` → `++`, `.NET` → `.`): the text must have it there too, and the match includes it.
   * Empty for most forms.
   */
  before: string;
  after: string;
  /** Another spelling of a written form ("coordinator" for "co-ordinator"): it never takes a written form's place. */
  spelling?: true;
}

/** A trie node as matching reads it (compiled.ts builds the nodes below the root as they are first asked for). */
export interface TrieNode {
  /** `size`: how many nodes lie just below (0 for a leaf; the root, built lazily, does not say). */
  next: { get(key: string): TrieNode | undefined; readonly size?: number };
  forms: Form[];
  punctuated?: boolean;
}

interface Node extends TrieNode {
  /** By a token's lower-case text, or, after punctuation that would break a phrase, by {@link gapKey}. */
  next: Map<string, Node>;
  forms: Form[];
  /** Some key in `next` is a {@link gapKey}: the walk may cross such punctuation here. */
  punctuated?: boolean;
}

/** Longest gap between two words that a term's punctuation ("s.17", "Tribunal (SEND)") may span. */
export const MAX_TERM_GAP = 32;

/**
 * The trie key of a word that follows punctuation which would otherwise end a phrase: the
 * punctuation without spaces, then the word ("s.17" → `s`, then `\0.\0` + `17`). Empty when
 * the gap is only spaces of other kinds; undefined when it is too long to be part of a term.
 */
export function gapKey(text: string, from: number, to: number, lower: string): string | undefined {
  if (to - from > MAX_TERM_GAP) return undefined;
  let marks = '';
  for (let i = from; i < to; i++) if (!/\s/.test(text[i])) marks += text[i];
  return marks ? `\0${marks}\0${lower}` : '';
}

export interface Glossary {
  /** The trie as the matcher walks it (the compiled glossary's); see {@link trieOf}. */
  trie?: Trie;
  /** The trie as objects, to look a word up by its text. */
  root: TrieNode;
  readonly entries: readonly GlossaryEntry[];
  /** Acronyms any reader knows (upper case). */
  known: ReadonlySet<string>;
  /** Acronym forms by exact text, for finding acronyms the text explains. */
  acronyms: { get(text: string): GlossaryEntry | undefined };
  /** Most tokens in any form, to bound the walk. */
  maxTokens: number;
}

const adapted = new WeakMap<Glossary, Trie>();

/** The trie the matcher walks: the compiled glossary's own, or compileGlossary's objects seen through {@link ObjectTrie}. */
export function trieOf(glossary: Glossary): Trie {
  if (glossary.trie) return glossary.trie;
  let trie = adapted.get(glossary);
  if (!trie) adapted.set(glossary, (trie = new ObjectTrie(glossary.root)));
  return trie;
}

/** compileGlossary's trie of objects, numbered as the matcher asks: each node and each key it is asked for gets a number. */
class ObjectTrie implements Trie {
  private readonly nodes: TrieNode[];
  private readonly ids = new Map<TrieNode, number>();
  private readonly words = new Map<string, number>();
  private readonly keys: string[] = [];

  get vocabulary(): object {
    return this;
  }

  constructor(root: TrieNode) {
    this.nodes = [root];
    this.ids.set(root, 0);
  }

  wordId(key: string): number {
    let id = this.words.get(key);
    if (id === undefined) {
      this.words.set(key, (id = this.keys.length));
      this.keys.push(key);
    }
    return id;
  }

  child(node: number, word: number): number {
    if (word < 0) return -1;
    const child = this.nodes[node].next.get(this.keys[word]);
    if (!child) return -1;
    let id = this.ids.get(child);
    if (id === undefined) {
      this.ids.set(child, (id = this.nodes.length));
      this.nodes.push(child);
    }
    return id;
  }

  hasChildren(node: number): boolean {
    return this.nodes[node].next.size !== 0;
  }

  punctuated(node: number): boolean {
    return this.nodes[node].punctuated === true;
  }

  forms(node: number): readonly Form[] {
    return this.nodes[node].forms;
  }
}

/** At least two capitals, and more capitals than small letters: `EHCP`, `SENCo`, `SaLT`, `DfE`, `KS2` (not `DoJo`). */
export function isAcronymLike(word: string): boolean {
  let upper = 0;
  let lower = 0;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c >= 65 && c <= 90) upper++;
    else if (c >= 97 && c <= 122) lower++;
  }
  return upper >= 2 && lower < upper && /^[\p{L}\p{N}]+$/u.test(word) && !/[a-z]{3,}/.test(word);
}

/** The end of a law's full title: the kind of law, perhaps its nation in brackets, and its year. */
const TITLE_END =
  /\s(?:Act|Regulations|Order|Measure)(?:\s\((?:Wales|Scotland|Northern Ireland|England)\))?\s(?:19|20)\d\d$/;

/**
 * A law's full title written out (`Special Educational Needs and Disability Regulations 2014`,
 * `United Nations Convention on the Rights of the Child`): it says what it is, so, like a plain
 * expansion, it is known (nothing inside it is marked) but not reported unless common words are
 * asked for (test/fixtures/ANNOTATING.md, rule 5). A short form in it (`SEND Regulations 2014`) is not one.
 */
export function isLawTitle(form: string): boolean {
  if (!/^[A-Z]/.test(form) || form.split(/[^\p{L}\p{N}]+/u).some(isAcronymLike)) return false;
  return TITLE_END.test(form) || form.startsWith('United Nations Convention on the Rights of ');
}

/**
 * The last words of a body's name that say what kind of body it is. Not a board, group, panel, trust
 * or tribunal ("Integrated Care Board", "First-tier Tribunal" name things of the SEND system), but a
 * health or social care board, which is the NHS where it is ("Health and Social Care Board").
 */
const BODY_END =
  /\s(?:Agency|Alliance|Association|Authority|Charity|Commission|Federation|Foundation|Institute|Society|Health Board|Social Care Board)$/;

/**
 * A body's full name, in capitals, that ends in what kind of body it is, perhaps followed by the
 * nation it serves (`Regulation and Quality Improvement Authority`, `Equality Commission for
 * Northern Ireland`): like a law's title it says what it is (test/fixtures/ANNOTATING.md, rule 5), so
 * it is known but not reported. Its short form (RQIA) still is.
 */
export function isBodyName(form: string): boolean {
  if (!/^[A-Z]/.test(form) || form.split(/[^\p{L}\p{N}]+/u).some(isAcronymLike)) return false;
  const name = form.replace(/\s(?:for|in|of)(?:\s[A-Z][\p{L}'’]*)+$/u, '');
  return BODY_END.test(name) && name.split(' ').every((w) => /^[A-Z]/.test(w) || /^(?:and|for|of|the|in)$/.test(w));
}

/** A law's title or a body's name that says what it is. */
export function isPlainTitle(form: string): boolean {
  return isLawTitle(form) || isBodyName(form);
}

/** {@link isAcronymLike} for a token of a text: worked out once per spelling (a rule asks it of every word). */
export function isAcronymLikeToken(token: Pick<Token, 'text' | 'spelling'>): boolean {
  const spelling = token.spelling;
  return spelling ? (spelling.acronymLike ??= isAcronymLike(spelling.text)) : isAcronymLike(token.text);
}

/**
 * Compile packs into one glossary; for the same term, a later pack wins. The analyser uses
 * loadGlossary (compiled.ts), which builds the same trie lazily from forms compiled at build
 * time; this is the reference the tests hold it to.
 */
export function compileGlossary(packs: readonly Pack[], options: { includeCommon?: boolean } = {}): Glossary {
  const byKey = new Map<string, GlossaryEntry>();
  const known = new Set<string>();
  for (const pack of packs) {
    for (const k of pack.known) known.add(k.toUpperCase());
    for (const e of pack.entries) {
      const key = `${e.kind}:${e.term.toLowerCase()}`;
      // The later pack's definition wins, but the spellings the earlier one knew still find it.
      const earlier = byKey.get(key);
      const variants = earlier ? [...new Set([...(e.variants ?? []), ...(earlier.variants ?? [])])] : e.variants;
      byKey.delete(key); // re-insert so later packs' entries also win shared forms below
      byKey.set(key, { ...e, variants, pack: pack.id, packName: pack.name, id: `${pack.id}:${e.term}` });
    }
  }
  const entries = [...byKey.values()];
  const root: Node = { next: new Map(), forms: [] };
  const acronyms = new Map<string, GlossaryEntry>();
  let maxTokens = 1;
  // Later entries go in first, so that on a clash of forms the later pack's entry wins. Forms as
  // the entries write them go in before other spellings of them, which never take a written form's place.
  for (const spelled of [false, true])
    for (let i = entries.length - 1; i >= 0; i--) {
      const entry = entries[i];
      const common = entry.common === true && !options.includeCommon;
      forms: for (const { text: written, silent, title, suggestions, afterHave } of spelled
        ? otherSpellingsOf(entry)
        : formsOf(entry)) {
        const text = written.trim();
        const tokens = tokenise(text);
        if (tokens.length === 0) continue;
        const cases = tokens.map((t): PartCase => (entry.caseSensitive || isAcronymLike(t.text) ? t.text : null));
        const short = entry.kind === 'acronym' && text !== entry.expansion && tokens.some((t) => isAcronymLike(t.text));
        const before = affix(text.slice(0, tokens[0].start));
        const after = affix(text.slice(tokens[tokens.length - 1].end));
        let node = root;
        for (let k = 0; k < tokens.length; k++) {
          const t = tokens[k];
          let key = t.lower;
          if (k > 0 && !t.joinsPrevious) {
            // Punctuation inside the form ("s.17", "ASQ:SE") must be in the text too.
            const gap = gapKey(text, tokens[k - 1].end, t.start, t.lower);
            if (gap === undefined) continue forms;
            if (gap) {
              key = gap;
              node.punctuated = true;
            }
          }
          let child = node.next.get(key);
          if (!child) node.next.set(key, (child = { next: new Map(), forms: [] }));
          node = child;
        }
        const silenced = silent || common || (title === true && !options.includeCommon);
        const form: Form = { entry, cases, short, silent: silenced, before, after, suggestions, afterHave };
        if (spelled) form.spelling = true;
        const clash = node.forms.findIndex(
          (f) =>
            (spelled || f.entry.id !== entry.id) &&
            sameCases(f.cases, cases) &&
            f.before === before &&
            f.after === after,
        );
        if (clash >= 0) {
          const written = !node.forms[clash].spelling;
          if (spelled && (written || node.forms[clash].entry.id === entry.id)) continue;
          // Within one pack, an entry that flags a phrase wins over one that only knows it as plain
          // ("neurodevelopmental disorder" is jargon, though NDD's plain expansion too); else the later pack.
          const other = node.forms[clash];
          if (!(other.silent && !form.silent && other.entry.pack === entry.pack)) continue;
          node.forms.splice(clash, 1);
        }
        // Forms with more punctuation go first, so "C++" is tried before "C+" and "C".
        const weight = (f: Form) => f.before.length + f.after.length;
        const at = node.forms.findIndex((f) => weight(f) < weight(form));
        node.forms.splice(at < 0 ? node.forms.length : at, 0, form);
        maxTokens = Math.max(maxTokens, tokens.length);
        if (short && tokens.length === 1 && !acronyms.has(text)) acronyms.set(text, entry);
      }
    }
  return { root, entries, known, acronyms, maxTokens };
}

/**
 * The punctuation a form has before its first word or after its last, when it tells the term
 * apart (`#`, `++`, `.`, `)`); not spaces, a possessive `'s`, or what may join words anyway (commas, dashes, quotes).
 */
export function affix(edge: string): string {
  const marks = edge.trim();
  if (/^['’]s$/i.test(marks) || /^[\s\-‐‑,/'’‘"“”]*$/.test(marks)) return '';
  return marks;
}

function sameCases(a: PartCase[], b: PartCase[]): boolean {
  return a.length === b.length && a.every((c, i) => c === b[i]);
}

/** A prefix written joined or with a hyphen: "co-ordinator" and "coordinator", "multi-agency" and "multiagency". */
const HYPHENATED_PREFIX = /\b(co|multi|neuro|non|pre|post|inter|cross|socio)-(?=\p{L})/giu;
const JOINED_PREFIX = /\b(co(?=o\p{L}{3})|(?:multi|neuro)(?=\p{L}{4}))/giu;

/** Other common spellings of a form, each once: joined or hyphenated prefixes, "focused" and "focussed". */
export function otherSpellings(text: string): string[] {
  // Most forms have none of these: a quick look first (this runs for every form as the glossary is built).
  const lower = text.toLowerCase();
  if (!lower.includes('-') && !lower.includes('coo') && !lower.includes('multi') && !lower.includes('neuro'))
    if (!lower.includes('focus')) return [];
  const out = new Set<string>();
  out.add(text.replace(HYPHENATED_PREFIX, '$1'));
  out.add(text.replace(JOINED_PREFIX, '$1-'));
  out.add(text.replace(/\bfocuss(?=ed\b|ing\b)/giu, 'focus').replace(/\bfocus(?=ed\b|ing\b)/giu, 'focuss'));
  out.delete(text);
  return [...out];
}

/** Other spellings of an entry's forms that it does not write itself. */
function* otherSpellingsOf(
  entry: DictionaryEntry,
): Generator<ReturnType<typeof formsOf> extends Generator<infer F> ? F : never> {
  const all = [...formsOf(entry)];
  let seen: Set<string> | undefined;
  for (const f of all) {
    for (const text of otherSpellings(f.text.trim())) {
      seen ??= new Set(all.map((g) => g.text.trim().toLowerCase()));
      if (seen.has(text.toLowerCase())) continue;
      seen.add(text.toLowerCase());
      yield { ...f, text };
    }
  }
}

function* formsOf(
  entry: DictionaryEntry,
): Generator<{ text: string; silent: boolean; title?: boolean; suggestions?: string[]; afterHave?: string[] }> {
  const plainExpansion = entry.kind === 'acronym' && entry.flagExpansion === false;
  yield { text: entry.term, silent: false, title: isPlainTitle(entry.term) };
  // An acronym's spelled-out variants ("speech and language therapist" for SaLT) go with its expansion.
  for (const v of entry.variants ?? [])
    yield {
      text: v,
      silent: plainExpansion && !v.split(/[^\p{L}\p{N}]+/u).some(isAcronymLike),
      title: isPlainTitle(v),
    };
  if (entry.kind === 'acronym' && entry.expansion)
    yield { text: entry.expansion, silent: plainExpansion, title: isPlainTitle(entry.expansion) };
  for (const i of entry.inflections ?? [])
    yield { text: i.text, silent: false, suggestions: i.suggestions, afterHave: i.afterHave };
  // Sense expansions are not searched for: "overtime" is not jargon because OT can mean it.
}
