/**
 * Everyday words in a SEND sense ("setting", "panel", "statement"): an entry with `context` is matched
 * only where the words around it show that sense (dictionaries/README.md). Asked by the matcher of
 * each match it finds, in one forward pass: each sentence's words are gathered once, when a match
 * in it first asks, so a paragraph costs time linear in its length.
 */
import type { ContextPattern, EntryContext } from '../dictionary/schema.js';
import type { Span } from '../text/segment.js';
import { isAcronymLike, type Form } from './glossary.js';
import { tokenise, type Token } from '../text/tokens.js';

/** What the check reads of a token (the reference engine's tokens have no more). */
type Word = Pick<Token, 'start' | 'end' | 'text' | 'lower' | 'singular' | 'singularText' | 'joinsPrevious'>;

/** One word of a cue: lower case, or with its capitals when it looks like an acronym (`SEN`). */
interface CueWord {
  lower: string;
  exact?: string;
}

/** Phrases by the lower case of their word next to the term (a `before` phrase's last, an `after` phrase's first). */
type Phrases = Map<string, CueWord[][]>;

interface Pattern {
  before?: Phrases;
  after?: Phrases;
  sentence?: CueWord[];
  capitals?: boolean;
}

interface Compiled {
  when?: Pattern[];
  unless?: Pattern;
}

const compiledMemo = new WeakMap<EntryContext, Compiled>();

function cueWords(cue: string): CueWord[] {
  return tokenise(cue).map((t) => (isAcronymLike(t.text) ? { lower: t.lower, exact: t.text } : { lower: t.lower }));
}

/** Phrases indexed by their word next to the term, so a match looks up only the phrases that can fit. */
function index(list: string[] | undefined, next: (words: CueWord[]) => CueWord): Phrases | undefined {
  if (!list) return undefined;
  const out: Phrases = new Map();
  for (const cue of list) {
    const words = cueWords(cue);
    if (words.length === 0) continue;
    const key = next(words).lower;
    const same = out.get(key);
    if (same) same.push(words);
    else out.set(key, [words]);
  }
  return out;
}

function compilePattern(p: ContextPattern): Pattern {
  return {
    before: index(p.before, (words) => words[words.length - 1]),
    after: index(p.after, (words) => words[0]),
    sentence: p.sentence?.flatMap((cue) => cueWords(cue).slice(0, 1)),
    capitals: p.capitals,
  };
}

/** Cues split into words once per entry (the context object is shared by every glossary the entry is in). */
function compiled(context: EntryContext): Compiled {
  let c = compiledMemo.get(context);
  if (!c) {
    c = { when: context.when?.map(compilePattern), unless: context.unless && compilePattern(context.unless) };
    compiledMemo.set(context, c);
  }
  return c;
}

/** A word of the text is the cue word: in any case, or with the cue's capitals; its singular counts too. */
function sameWord(t: Word, w: CueWord): boolean {
  if (w.exact === undefined) return t.lower === w.lower || t.singular === w.lower;
  const surface = t.text;
  return (
    surface === w.exact ||
    surface === w.exact.toUpperCase() ||
    t.singularText === w.exact ||
    t.singularText === w.exact.toUpperCase()
  );
}

/** The words of one sentence, as a set, for cue look-ups: lower case and singular, and `\0` + the surface of words with capitals. */
function sentenceKeys(tokens: readonly Word[], from: number, sentence: Span): { keys: Set<string>; next: number } {
  const keys = new Set<string>();
  let i = from;
  while (i < tokens.length && tokens[i].start < sentence.start) i++;
  for (; i < tokens.length && tokens[i].start < sentence.end; i++) {
    const t = tokens[i];
    keys.add(t.lower);
    if (t.singular) keys.add(t.singular);
    if (t.text !== t.lower) {
      keys.add(`\0${t.text}`);
      if (t.singularText) keys.add(`\0${t.singularText}`);
    }
  }
  return { keys, next: i };
}

function inSentence(keys: ReadonlySet<string>, cues: readonly CueWord[]): boolean {
  for (const w of cues) {
    if (w.exact === undefined ? keys.has(w.lower) : keys.has(`\0${w.exact}`) || keys.has(`\0${w.exact.toUpperCase()}`))
      return true;
  }
  return false;
}

/** Phrases that may fit next to token `t`: by its word as written and by its singular. */
function* candidates(phrases: Phrases, t: Word): Generator<CueWord[]> {
  yield* phrases.get(t.lower) ?? [];
  if (t.singular && t.singular !== t.lower) yield* phrases.get(t.singular) ?? [];
}

/** One of the phrases ends just before token `first` (joined to it, within the sentence). */
function phraseBefore(tokens: readonly Word[], first: number, sentence: Span, phrases: Phrases): boolean {
  if (first === 0 || !tokens[first].joinsPrevious || tokens[first - 1].start < sentence.start) return false;
  for (const words of candidates(phrases, tokens[first - 1])) {
    let ok = true;
    for (let w = words.length - 1, k = first - 1; w >= 0 && ok; w--, k--)
      ok =
        k >= 0 &&
        tokens[k].start >= sentence.start &&
        (w === words.length - 1 || tokens[k + 1].joinsPrevious) &&
        sameWord(tokens[k], words[w]);
    if (ok) return true;
  }
  return false;
}

/** One of the phrases starts just after token `last` (joined to it, within the sentence). */
function phraseAfter(tokens: readonly Word[], last: number, sentence: Span, phrases: Phrases): boolean {
  const next = tokens[last + 1];
  if (!next || !next.joinsPrevious || next.end > sentence.end) return false;
  for (const words of candidates(phrases, next)) {
    let ok = true;
    for (let w = 0, k = last + 1; w < words.length && ok; w++, k++)
      ok =
        k < tokens.length && tokens[k].joinsPrevious && tokens[k].end <= sentence.end && sameWord(tokens[k], words[w]);
    if (ok) return true;
  }
  return false;
}

/**
 * The test the matcher asks of each match it finds (`MatchOptions.rejects`): true for a form of an
 * entry with `context` where the words around do not show its SEND sense. Rejected there, the words
 * are left to the next-best match, as if that form were not in the glossary ("open to" in "open to
 * the extent that" leaves "to the extent that"). Asked in text order, as the matcher goes.
 * `unshown` hears of the rejected matches where no `unless` showed another sense either.
 */
export function contextRejects(
  tokens: readonly Word[],
  sentences: readonly Span[],
  unshown?: (form: Form, first: number, last: number) => void,
): (form: Form, first: number, last: number) => boolean {
  const state: SentenceState = { tokens, sentences, s: 0, keysOf: -1, keys: new Set(), nextToken: 0 };
  return (form, first, last) => {
    const context = form.entry.context;
    if (!context) return false;
    const start = tokens[first].start - form.before.length;
    while (state.s < sentences.length && sentences[state.s].end <= start) state.s++;
    const inOne = state.s < sentences.length && sentences[state.s].start <= start;
    const c = compiled(context);
    if (c.unless && holds(c.unless, true, first, last, inOne, state)) return true;
    if (!c.when) return false;
    for (const p of c.when) if (holds(p, false, first, last, inOne, state)) return false;
    // Nothing here shows the SEND sense, and nothing shows another (`unless`): the text may show it elsewhere.
    unshown?.(form, first, last);
    return true;
  };
}

/** Where the forward pass stands: the sentence of the current match, and the words of the last sentence gathered. */
interface SentenceState {
  tokens: readonly Word[];
  sentences: readonly Span[];
  s: number;
  keysOf: number;
  keys: Set<string>;
  nextToken: number;
}

const NO_SENTENCE: Span = { start: 0, end: 0 };
const NO_WORDS: ReadonlySet<string> = new Set();

/** The words of the match's sentence, gathered the first time a match in it asks. */
function wordsOf(state: SentenceState, inOne: boolean): ReadonlySet<string> {
  if (!inOne) return NO_WORDS;
  if (state.keysOf !== state.s) {
    const { keys, next } = sentenceKeys(state.tokens, state.nextToken, state.sentences[state.s]);
    state.keys = keys;
    state.nextToken = next;
    state.keysOf = state.s;
  }
  return state.keys;
}

/**
 * Whether a pattern holds for the match: with `any` (unless), one part that holds is enough; else
 * every part the pattern gives must hold (a when pattern). Parts in the order before, after,
 * sentence, capitals; a part is tested only while the answer is open.
 */
function holds(p: Pattern, any: boolean, first: number, last: number, inOne: boolean, state: SentenceState): boolean {
  const sentence = inOne ? state.sentences[state.s] : NO_SENTENCE;
  const tokens = state.tokens;
  if (p.before && phraseBefore(tokens, first, sentence, p.before) === any) return any;
  if (p.after && phraseAfter(tokens, last, sentence, p.after) === any) return any;
  if (p.sentence && inSentence(wordsOf(state, inOne), p.sentence) === any) return any;
  if (p.capitals && capitalised(tokens, first, last) === any) return any;
  return !any;
}

/** Every word of the match starts with a capital. */
function capitalised(tokens: readonly Word[], first: number, last: number): boolean {
  for (let k = first; k <= last; k++) {
    const c = tokens[k].text[0];
    if (c === c.toLowerCase()) return false;
  }
  return true;
}
