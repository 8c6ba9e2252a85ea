/**
 * Readability from our own sentence and word segmentation. Counts are additive, so a
 * document's figures come from summing its paragraphs' counts (no re-reading on an edit).
 * Formulas as published: Flesch (1948) and Flesch-Kincaid (Kincaid et al., 1975), Gunning
 * fog (1952), SMOG (McLaughlin, 1969), Coleman-Liau (1975), ARI (Senter and Smith, 1967),
 * new Dale-Chall (Chall and Dale, 1995), Linsear Write. Syllables come from the `syllable`
 * package, the counter text-readability uses too.
 */
import { syllable } from 'syllable';
import { daleChall } from 'dale-chall';
import type { Readability, TextCounts } from './types.js';
import type { Sentence } from './text/segment.js';
import { forgetCounted, type Spelling } from './text/tokens.js';
import { wordFactsOf, type WordFactsTable } from './text/word-facts.js';

const familiar = new Set(daleChall);
const syllableCache = new Map<string, number>();

/**
 * Longest word handed to the `syllable` package whole: its time grows with the square of a
 * word's length (50,000 letters of "ssss…ies" take 15 s). No English word comes near it.
 */
export const MAX_SYLLABLE_WORD = 64;

/** Syllables in one word; a number or symbol still counts as one. A longer "word" is counted in 64-character pieces. */
export function syllables(word: string): number {
  if (word.length > MAX_SYLLABLE_WORD) {
    let sum = 0;
    for (let i = 0; i < word.length; i += MAX_SYLLABLE_WORD) sum += syllables(word.slice(i, i + MAX_SYLLABLE_WORD));
    return sum;
  }
  // ASCII with no letter (a number, "4.10"): the package finds no letters, 0, so 1; without its hundred expressions.
  if (!hasAsciiLetterOrOther(word)) return 1;
  const lower = word.toLowerCase();
  let n = syllableCache.get(lower);
  if (n === undefined) {
    n = Math.max(1, syllable(lower));
    if (syllableCache.size > 50_000) syllableCache.clear();
    syllableCache.set(lower, n);
  }
  return n;
}

/** A letter A-Z or a-z, or any character beyond ASCII (which the package may read as a letter). */
function hasAsciiLetterOrOther(word: string): boolean {
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c > 127 || ((c | 32) - 97) >>> 0 < 26) return true;
  }
  return false;
}

export function emptyCounts(): TextCounts {
  return {
    words: 0,
    sentences: 0,
    syllables: 0,
    characters: 0,
    polysyllables: 0,
    complexWords: 0,
    difficultWords: 0,
    easyWords: 0,
  };
}

export function addCounts(into: TextCounts, from: TextCounts): TextCounts {
  into.words += from.words;
  into.sentences += from.sentences;
  into.syllables += from.syllables;
  into.characters += from.characters;
  into.polysyllables += from.polysyllables;
  into.complexWords += from.complexWords;
  into.difficultWords += from.difficultWords;
  into.easyWords += from.easyWords;
  return into;
}

/** What counting needs to know of a word, worked out once per spelling. */
interface WordInfo {
  syllables: number;
  characters: number;
  /** Complex (Gunning) / difficult (Dale-Chall) mid-sentence, and at the start of a sentence. */
  complex: boolean;
  complexAtStart: boolean;
  difficult: boolean;
  difficultAtStart: boolean;
}
const wordInfoCache = new Map<string, WordInfo>();

/** Common words' facts, worked out at build time (text/word-facts.ts); none until a surface gives them. */
let factsTable: WordFactsTable | undefined;

/**
 * Looks common words' figures up in `table` (made by `encodeWordFacts` from `wordFacts`) rather
 * than working them out; `undefined` works every word out. The figures are the same either way.
 */
export function useWordFacts(table: WordFactsTable | undefined): void {
  factsTable = table;
  wordInfoCache.clear();
  everydayCache.clear();
  forgetCounted();
}

const COMPLEX = 16;
const DIFFICULT = 32;

/** A lower-case word's facts as the table holds them: syllables, complex, difficult; -1 for a word of over 15 syllables, which the table leaves out. */
export function wordFacts(lower: string): number {
  const n = syllables(lower);
  if (n > 15) return -1;
  return n | (n >= 3 && isComplex(lower) ? COMPLEX : 0) | (isDifficult(lower) ? DIFFICULT : 0);
}

function wordInfo(word: string): WordInfo {
  let info = wordInfoCache.get(word);
  if (info) return info;
  const capitalised = startsWithCapital(word);
  // Every fact but capitals is the lower-case word's; a word in the table is ASCII letters only.
  const facts = factsTable ? wordFactsOf(factsTable, word.toLowerCase()) : -1;
  if (facts >= 0) {
    info = {
      syllables: facts & 15,
      characters: word.length,
      complex: !capitalised && (facts & COMPLEX) !== 0,
      complexAtStart: (facts & COMPLEX) !== 0,
      difficult: !capitalised && (facts & DIFFICULT) !== 0,
      difficultAtStart: (facts & DIFFICULT) !== 0,
    };
  } else {
    const n = syllables(word);
    const complex = n >= 3 && isComplex(word);
    const difficult = isDifficult(word);
    info = {
      syllables: n,
      characters: countLettersAndDigits(word),
      complex: !capitalised && complex,
      complexAtStart: complex,
      difficult: !capitalised && difficult,
      difficultAtStart: difficult,
    };
  }
  if (wordInfoCache.size > 100_000) wordInfoCache.clear();
  wordInfoCache.set(word, info);
  return info;
}

function startsWithCapital(word: string): boolean {
  const c = word.charCodeAt(0);
  if (c < 128) return c >= 65 && c <= 90;
  return /^\p{Lu}/u.test(word);
}

/** Counts for sentences already segmented. */
export function countSentences(sentences: readonly Sentence[]): TextCounts {
  const c = emptyCounts();
  for (const s of sentences) {
    c.sentences++;
    for (let i = 0; i < s.words.length; i++) {
      const word = s.words[i];
      // A word of one run is its token: its spelling keeps the figures, found once per spelling.
      const spelling = (word as { spelling?: Spelling }).spelling;
      const info = spelling ? ((spelling.counted ??= wordInfo(word.text)) as WordInfo) : wordInfo(word.text);
      const start = i === 0;
      c.words++;
      c.syllables += info.syllables;
      c.characters += info.characters;
      if (info.syllables >= 3) c.polysyllables++;
      else c.easyWords++;
      if (start ? info.complexAtStart : info.complex) c.complexWords++;
      if (start ? info.difficultAtStart : info.difficult) c.difficultWords++;
    }
  }
  return c;
}

function countLettersAndDigits(word: string): number {
  let n = 0;
  for (const ch of word) if (/[\p{L}\p{N}]/u.test(ch)) n++;
  return n;
}

/** Gunning's "complex" word: 3+ syllables, not a compound, not made long by -es, -ed or -ing. (Names are left out by the caller.) */
function isComplex(word: string): boolean {
  if (word.includes('-')) return false;
  const stem = word.replace(/(?:es|ed|ing)$/i, '');
  return stem === word || syllables(stem) >= 3;
}

/** Not on the Dale-Chall list of familiar words (allowing simple inflections); numbers are familiar. */
function isDifficult(word: string): boolean {
  if (/^\p{N}+$/u.test(word)) return false;
  const w = word.toLowerCase().replace(/[’']s$/, '');
  if (familiar.has(w)) return false;
  // Indexed, not for-of over pairs: this runs on each new word, mostly before V8 optimises it.
  for (let i = 0; i < SUFFIXES.length; i++) {
    const suffix = SUFFIXES[i];
    if (w.endsWith(suffix) && familiar.has(w.slice(0, w.length - suffix.length) + STEM_ENDINGS[i])) return false;
  }
  return true;
}

/** Inflections allowed on a familiar word: the suffix, and what the stem then ends with. */
const SUFFIXES = ['s', 'es', 'ies', 'ed', 'ed', 'd', 'ing', 'ing', 'er', 'est', 'ly'];
const STEM_ENDINGS = ['', '', 'y', '', 'e', '', '', 'e', '', '', ''];

const round = (x: number) => Math.round(x * 10) / 10;
const round2 = (x: number) => Math.round(x * 100) / 100;

/** The formulas, from counts. Empty text scores zero rather than NaN. */
export function scores(c: TextCounts, longestSentence = 0): Readability {
  const W = c.words;
  const S = c.sentences;
  const empty = W === 0 || S === 0;
  const wps = empty ? 0 : W / S;
  const spw = empty ? 0 : c.syllables / W;
  const fk = 0.39 * wps + 11.8 * spw - 15.59;
  const difficultPct = empty ? 0 : (100 * c.difficultWords) / W;
  const linsear = empty ? 0 : (c.easyWords + 3 * (W - c.easyWords)) / S;
  const f = (x: number) => (empty ? 0 : x);
  return {
    words: W,
    sentences: S,
    syllables: c.syllables,
    characters: c.characters,
    polysyllables: c.polysyllables,
    complexWords: c.complexWords,
    difficultWords: c.difficultWords,
    easyWords: c.easyWords,
    averageSentenceLength: round(wps),
    averageSyllablesPerWord: round2(spw),
    fleschReadingEase: f(round(206.835 - 1.015 * wps - 84.6 * spw)),
    fleschKincaidGrade: f(round(fk)),
    readingAge: f(round(Math.max(5, fk + 5))),
    gunningFog: f(round(0.4 * (wps + (100 * c.complexWords) / W))),
    smogIndex: f(round(1.043 * Math.sqrt((c.polysyllables * 30) / S) + 3.1291)),
    colemanLiauIndex: f(round(0.0588 * ((100 * c.characters) / W) - 0.296 * ((100 * S) / W) - 15.8)),
    automatedReadabilityIndex: f(round(4.71 * (c.characters / W) + 0.5 * wps - 21.43)),
    daleChallScore: f(round2(0.1579 * difficultPct + 0.0496 * wps + (difficultPct > 5 ? 3.6365 : 0))),
    linsearWrite: f(round(linsear > 20 ? linsear / 2 : (linsear - 2) / 2)),
    longestSentence,
  };
}

/** On the Dale-Chall list of words most readers know, allowing simple inflections ("aims", "reviewed"). */
export function isEverydayWord(lower: string): boolean {
  // Asked of most capitalised words by the rules and the matcher: kept, as a word's figures are
  // (not a "word" longer than any real one, which would only hold memory).
  if (lower.length > 32) return !isDifficult(lower);
  let everyday = everydayCache.get(lower);
  if (everyday === undefined) {
    const facts = factsTable ? wordFactsOf(factsTable, lower) : -1;
    everyday = facts >= 0 ? (facts & DIFFICULT) === 0 : !isDifficult(lower);
    if (everydayCache.size > 50_000) everydayCache.clear();
    everydayCache.set(lower, everyday);
  }
  return everyday;
}
const everydayCache = new Map<string, boolean>();
