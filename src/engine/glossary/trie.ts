/**
 * The glossary's trie as flat arrays of integers. Each pack's forms are compiled at build time into
 * a trie over the pack's own word list ({@link CompiledTrie}); a glossary lays the tries of its packs
 * over one another into one ({@link MergedTrie}), whose edges are one hash table keyed by node and
 * word id. A token's word is looked up once per spelling (its id), so the walk below is integer work.
 */
import type { Form } from './glossary.js';

/** What the matcher reads of a trie: nodes and words are numbers (node 0 is the root; -1 is none). */
export interface Trie {
  /** While this is the same object, wordId gives each key the same id (a token's spelling keeps its ids until it changes). */
  readonly vocabulary: object;
  /** The id of a trie key (a word in lower case, or a {@link gapKey}), or -1 when no form has it. */
  wordId(key: string): number;
  /** The node below `node` by word `word`, or -1. */
  child(node: number, word: number): number;
  hasChildren(node: number): boolean;
  /** Some key below this node is a gap key: the walk may cross punctuation here. */
  punctuated(node: number): boolean;
  /** The forms that end at this node, in the order they are tried. */
  forms(node: number): readonly Form[];
}

/**
 * One pack's forms as a trie, as the build writes it into the pack's JSON (format version 3).
 * Nodes are numbered breadth first, node 0 the root, so each node's children are the next run of
 * numbers after its earlier siblings' children; forms are listed node by node. Each list of
 * numbers is a string, one character a number (its code less {@link ZERO}): a third of the size
 * of a JSON array, and read with charCodeAt, nothing to parse.
 */
export interface CompiledTrie {
  v: 3;
  /** The trie keys the pack's forms use, each once. */
  words: string[];
  /** Per node: how many children it has. */
  children: string;
  /** Per node but the root: its key, as an index into `words`; after a node's first child, less its elder sibling's key. */
  keys: string;
  /** Per node: how many forms end there. */
  ends: string;
  /** Per form that ends somewhere, node by node: its entry, which kind of form, and which one (3 numbers). */
  forms: string;
  /** Entries whose key another built-in entry also has (merged when a glossary has both packs). */
  shared: number[];
  /** Most tokens in any form. */
  maxTokens: number;
}

/** A form as the trie keeps it: its entry's index and which of the entry's forms it is. */
export interface FormRef {
  entry: number;
  what: number;
  which: number;
  keys: readonly string[];
}

/** Lays forms out as a {@link CompiledTrie}. */
export function layOut(forms: readonly FormRef[], shared: number[]): CompiledTrie {
  interface Building {
    next: Map<string, Building>;
    ends: FormRef[];
  }
  const root: Building = { next: new Map(), ends: [] };
  let maxTokens = 1;
  const wordSet = new Set<string>();
  for (const f of forms) {
    let node = root;
    for (const key of f.keys) {
      wordSet.add(key);
      let child = node.next.get(key);
      if (!child) node.next.set(key, (child = { next: new Map(), ends: [] }));
      node = child;
    }
    node.ends.push(f);
    maxTokens = Math.max(maxTokens, f.keys.length);
  }
  const words = [...wordSet].sort();
  const index = new Map(words.map((w, i) => [w, i]));
  const children: number[] = [];
  const keys: number[] = [];
  const ends: number[] = [];
  const refs: number[] = [];
  const queue: Building[] = [root];
  for (let q = 0; q < queue.length; q++) {
    const node = queue[q];
    const below = [...node.next].sort((a, b) => index.get(a[0])! - index.get(b[0])!);
    children.push(below.length);
    let previous = 0;
    for (const [key, child] of below) {
      // Siblings in order of their keys: each after the first as a difference, mostly one byte in the JSON.
      keys.push(index.get(key)! - previous);
      previous = index.get(key)!;
      queue.push(child);
    }
    ends.push(node.ends.length);
    for (const f of node.ends) refs.push(f.entry, f.what, f.which);
  }
  return {
    v: 3,
    words,
    children: encode(children),
    keys: encode(keys),
    ends: encode(ends),
    forms: encode(refs),
    shared,
    maxTokens,
  };
}

/** Numbers as characters from `0` (48) on: no control character (JSON would escape it), and below the surrogates. */
const ZERO = 48;
const MOST = 0xd7ff - ZERO;

function encode(numbers: readonly number[]): string {
  let out = '';
  for (const n of numbers) {
    if (!(n >= 0 && n <= MOST)) throw new Error(`Plain SEND: a glossary trie number out of range: ${n}`);
    out += String.fromCharCode(n + ZERO);
  }
  return out;
}

/**
 * Every trie key of every pack read so far, with one id each, the same in every glossary: a token's
 * word is looked up once per spelling, whichever glossary walks it. The ids of words already met
 * never change; `epoch` is a new object each time words are added (an id cached as "none" may then be wrong).
 */
const vocabulary = new Map<string, number>();
const gapWords: boolean[] = [];
let epoch: object = {};

function intern(word: string): number {
  let id = vocabulary.get(word);
  if (id === undefined) {
    id = gapWords.length;
    vocabulary.set(word, id);
    gapWords.push(word.charCodeAt(0) === 0);
    epoch = {};
  }
  return id;
}

/** Every trie key met so far, in the order of their ids (a glossary snapshot keeps them). */
export function vocabularyWords(): string[] {
  return [...vocabulary.keys()];
}

/**
 * Gives `words` the ids they have in a snapshot (their places in the list), so that its arrays read
 * true here: only when the words met so far are the list's first ones, in order (in a fresh process,
 * none). Says whether it could.
 */
export function adoptVocabulary(words: readonly string[]): boolean {
  if (vocabulary.size > words.length) return false;
  let i = 0;
  for (const word of vocabulary.keys()) if (word !== words[i++]) return false;
  for (; i < words.length; i++) intern(words[i]);
  return true;
}

/** A {@link PackTrie}'s arrays, as a glossary snapshot (snapshot.ts) keeps them. */
export interface PackTrieArrays {
  words: Int32Array;
  childStart: Int32Array;
  keys: Int32Array;
  formStart: Int32Array;
  forms: Int32Array;
}

/** A pack's trie read into typed arrays: prefix sums of its counts, nothing per entry or per node. */
export class PackTrie {
  /** The id (see {@link intern}) of each word of the pack. */
  readonly words: Int32Array;
  /** Node n's children are childStart[n] up to childStart[n + 1]. */
  readonly childStart: Int32Array;
  readonly keys: Int32Array;
  /** Node n's forms are formStart[n] up to formStart[n + 1], three numbers each in `forms`. */
  readonly formStart: Int32Array;
  readonly forms: Int32Array;
  readonly size: number;

  /** From the pack's compiled trie, or from a snapshot's arrays (their word ids already this process's). */
  constructor(c: CompiledTrie | PackTrieArrays) {
    if (!('v' in c)) {
      ({
        words: this.words,
        childStart: this.childStart,
        keys: this.keys,
        formStart: this.formStart,
        forms: this.forms,
      } = c);
      this.size = c.childStart.length - 1;
      return;
    }
    this.words = new Int32Array(c.words.length);
    for (let w = 0; w < c.words.length; w++) this.words[w] = intern(c.words[w]);
    const n = (this.size = c.children.length);
    this.childStart = new Int32Array(n + 1);
    this.formStart = new Int32Array(n + 1);
    let child = 1;
    let form = 0;
    for (let i = 0; i < n; i++) {
      this.childStart[i] = child;
      child += c.children.charCodeAt(i) - ZERO;
      this.formStart[i] = form;
      form += c.ends.charCodeAt(i) - ZERO;
    }
    this.childStart[n] = child;
    this.formStart[n] = form;
    // keys[i] is node i's key (the root's is unused).
    this.keys = new Int32Array(n);
    for (let i = 0; i < n; i++) {
      let previous = 0;
      for (let k = this.childStart[i], end = this.childStart[i + 1]; k < end; k++)
        previous = this.keys[k] = previous + c.keys.charCodeAt(k - 1) - ZERO;
    }
    this.forms = new Int32Array(c.forms.length);
    for (let i = 0; i < c.forms.length; i++) this.forms[i] = c.forms.charCodeAt(i) - ZERO;
  }
}

/** Where a merged node's forms come from: a pack's trie (its index among the glossary's) and its node there. */
export interface Source {
  pack: number;
  node: number;
}

/** A {@link MergedTrie}'s state, as a glossary snapshot (snapshot.ts) keeps it. */
export interface MergedTrieArrays {
  edgeParent: Int32Array;
  edgeWord: Int32Array;
  edgeChild: Int32Array;
  childCount: Int32Array;
  rootChild: Int32Array;
  punct: Uint8Array;
  depth: Uint8Array;
  sourceHead: Int32Array;
  sourceNext: Int32Array;
  sourcePack: Int32Array;
  sourceNode: Int32Array;
  /** Nodes and sources used, as one-element arrays (a snapshot holds arrays only). */
  counts: Int32Array;
}

/**
 * The tries of a glossary's packs laid over one another, in arrays: a node per distinct path,
 * edges in one open-addressed table keyed by (node, word id) (the root's in an array by word id),
 * and for each node the packs' nodes whose forms end there (their forms are made into
 * {@link Form}s only when a walk reaches it).
 */
export class MergedTrie implements Trie {
  /** Edge table: parent, word and child per slot (child 0: empty, as the root is no one's child). */
  private readonly edgeParent: Int32Array;
  private readonly edgeWord: Int32Array;
  private readonly edgeChild: Int32Array;
  private readonly mask: number;
  private readonly childCount: Int32Array;
  /** The root's children by word id, not in the hash table: every token's first look. */
  private readonly rootChild: Int32Array;
  private readonly punct: Uint8Array;
  readonly depth: Uint8Array;
  /** Per node, its sources as a list: the first, and each one's next (-1 ends it). */
  private readonly sourceHead: Int32Array;
  private readonly sourceNext: Int32Array;
  private readonly sourcePack: Int32Array;
  private readonly sourceNode: Int32Array;
  private sourceCount = 0;
  private nodes = 1;
  /** Each node's forms, once a walk has reached it. */
  private readonly made: Array<readonly Form[] | undefined>;

  /**
   * Laid over one another from the packs' tries, or read from a snapshot's arrays of the same tries.
   * `finalise`: the forms that end at a node, made from its sources (called once per node, when first asked).
   */
  constructor(
    packs: readonly PackTrie[] | MergedTrieArrays,
    private readonly finalise: (trie: MergedTrie, node: number) => readonly Form[],
  ) {
    if (!Array.isArray(packs)) {
      const a = packs as MergedTrieArrays;
      ({
        edgeParent: this.edgeParent,
        edgeWord: this.edgeWord,
        edgeChild: this.edgeChild,
        childCount: this.childCount,
        rootChild: this.rootChild,
        punct: this.punct,
        depth: this.depth,
        sourceHead: this.sourceHead,
        sourceNext: this.sourceNext,
        sourcePack: this.sourcePack,
        sourceNode: this.sourceNode,
      } = a);
      this.mask = a.edgeChild.length - 1;
      this.nodes = a.counts[0];
      this.sourceCount = a.counts[1];
      this.made = new Array<readonly Form[] | undefined>(a.childCount.length);
      return;
    }
    let total = 1;
    let ending = 0;
    for (const p of packs) {
      total += p.size;
      // At most one source per form (fewer where forms share a node).
      ending += p.formStart[p.size];
    }
    let capacity = 16;
    while (capacity < total * 2) capacity *= 2;
    this.mask = capacity - 1;
    this.edgeParent = new Int32Array(capacity);
    this.edgeWord = new Int32Array(capacity);
    this.edgeChild = new Int32Array(capacity);
    this.childCount = new Int32Array(total);
    this.punct = new Uint8Array(total);
    this.depth = new Uint8Array(total);
    this.sourceHead = new Int32Array(total).fill(-1);
    this.sourceNext = new Int32Array(ending);
    this.sourcePack = new Int32Array(ending);
    this.sourceNode = new Int32Array(ending);
    this.made = new Array<readonly Form[] | undefined>(total);
    // The packs' words all have their numbers by now (PackTrie gave them).
    this.rootChild = new Int32Array(gapWords.length).fill(-1);
    (packs as readonly PackTrie[]).forEach((p, index) => this.add(p, index));
  }

  /** Its arrays, for a snapshot (they are its own: not to be changed). */
  arrays(): MergedTrieArrays {
    return {
      edgeParent: this.edgeParent,
      edgeWord: this.edgeWord,
      edgeChild: this.edgeChild,
      childCount: this.childCount,
      rootChild: this.rootChild,
      punct: this.punct,
      depth: this.depth,
      sourceHead: this.sourceHead,
      sourceNext: this.sourceNext,
      sourcePack: this.sourcePack,
      sourceNode: this.sourceNode,
      counts: Int32Array.of(this.nodes, this.sourceCount),
    };
  }

  private add(p: PackTrie, pack: number): void {
    const global = p.words;
    const merged = new Int32Array(p.size);
    for (let n = 0; n < p.size; n++) {
      const m = merged[n];
      for (let c = p.childStart[n], end = p.childStart[n + 1]; c < end; c++)
        merged[c] = this.edge(m, global[p.keys[c]]);
      if (p.formStart[n + 1] > p.formStart[n]) {
        const s = this.sourceCount++;
        this.sourcePack[s] = pack;
        this.sourceNode[s] = n;
        // Appended at the list's end: sources in the glossary's order of packs.
        this.sourceNext[s] = -1;
        let last = this.sourceHead[m];
        if (last < 0) this.sourceHead[m] = s;
        else {
          while (this.sourceNext[last] >= 0) last = this.sourceNext[last];
          this.sourceNext[last] = s;
        }
      }
    }
  }

  /** The child of `parent` by `word`, made if it is not there. */
  private edge(parent: number, word: number): number {
    let slot = 0;
    if (parent === 0) {
      const child = this.rootChild[word];
      if (child >= 0) return child;
    } else {
      slot = hash(parent, word) & this.mask;
      for (;;) {
        const child = this.edgeChild[slot];
        if (child === 0) break;
        if (this.edgeParent[slot] === parent && this.edgeWord[slot] === word) return child;
        slot = (slot + 1) & this.mask;
      }
    }
    const made = this.nodes++;
    if (parent === 0) this.rootChild[word] = made;
    else {
      this.edgeParent[slot] = parent;
      this.edgeWord[slot] = word;
      this.edgeChild[slot] = made;
    }
    this.childCount[parent]++;
    this.depth[made] = this.depth[parent] + 1;
    if (gapWords[word]) this.punct[parent] = 1;
    return made;
  }

  get vocabulary(): object {
    return epoch;
  }

  wordId(key: string): number {
    return vocabulary.get(key) ?? -1;
  }

  child(node: number, word: number): number {
    if (word < 0) return -1;
    if (node === 0) return word < this.rootChild.length ? this.rootChild[word] : -1;
    let slot = hash(node, word) & this.mask;
    for (;;) {
      const child = this.edgeChild[slot];
      if (child === 0) return -1;
      if (this.edgeParent[slot] === node && this.edgeWord[slot] === word) return child;
      slot = (slot + 1) & this.mask;
    }
  }

  hasChildren(node: number): boolean {
    return this.childCount[node] !== 0;
  }

  punctuated(node: number): boolean {
    return this.punct[node] !== 0;
  }

  forms(node: number): readonly Form[] {
    let forms = this.made[node];
    if (forms === undefined) {
      forms = this.sourceHead[node] < 0 ? NO_FORMS : this.finalise(this, node);
      this.made[node] = forms;
    }
    return forms;
  }

  /** Calls `each` for every pack node whose forms end at `node`, in the glossary's order of packs. */
  sources(node: number, each: (pack: number, packNode: number) => void): void {
    for (let s = this.sourceHead[node]; s >= 0; s = this.sourceNext[s]) each(this.sourcePack[s], this.sourceNode[s]);
  }

  get size(): number {
    return this.nodes;
  }
}

const NO_FORMS: readonly Form[] = [];

/** Mixes a node and a word into a slot number (the table takes its low bits). */
function hash(node: number, word: number): number {
  let h = Math.imul(node, 0x9e3779b1) + Math.imul(word + 1, 0x85ebca77);
  h ^= h >>> 15;
  h = Math.imul(h, 0x2c1b3c6d);
  return h ^ (h >>> 12);
}
