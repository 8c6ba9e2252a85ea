/**
 * Generators of hostile text for the complexity suite (test/engine/complexity.test.ts) and its
 * benchmark (bench/complexity.bench.ts): each makes about `size` characters of one shape that
 * once cost time growing faster than the text, or could.
 */
import type { AnalyseOptions, Pack } from '../../src/engine/index.js';

export interface Generator {
  name: string;
  make(size: number): string;
  options?: AnalyseOptions;
}

/** `unit` repeated to `size` characters (whole units), with `head` and `tail` around it. */
export function fill(unit: string, size: number, head = '', tail = ''): string {
  return head + unit.repeat(Math.max(1, Math.floor((size - head.length - tail.length) / unit.length))) + tail;
}

const ASCII_PUNCTUATION = [...'!"#$%&\'()*+,-./:;<=>?@[\\]^_`{|}~'];

/** Every space character (Unicode's Zs), the other whitespace JavaScript knows, and invisible ones editors leave. */
const SPACES = [
  ...[0x20, 0xa0, 0x1680, 0x2000, 0x2001, 0x2002, 0x2003, 0x2004, 0x2005, 0x2006, 0x2007, 0x2008, 0x2009, 0x200a],
  ...[0x202f, 0x205f, 0x3000, 0x09, 0x0b, 0x0c, 0x0d, 0x0a, 0x85, 0x2028, 0x2029, 0x200b, 0x200c, 0x200d, 0x2060],
  0xfeff,
].map((c) => String.fromCharCode(c));

const hex = (c: string) => `U+${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;

/** A user's own terms with punctuation in them, as parseOwnDictionary would give them. */
export const PUNCTUATED_TERMS: Pack = {
  id: 'user',
  name: 'My terms',
  known: [],
  entries: ['C#', 'C++', 'F#', '.NET', 's.17'].map((term) => ({
    term,
    kind: 'jargon',
    definition: `The term ${term}.`,
    source: 'test',
    examples: { flag: [] },
  })),
};

/** One of each shape; `punctuation` and `spaces` stand for every character of their kind (see {@link everyCharacter}). */
export const GENERATORS: Generator[] = [
  // Runs of one punctuation mark after a word and into the next (each mark: everyCharacter).
  { name: 'run of "." between words', make: (n) => fill('.', n, 'a', 'b') },
  { name: 'run of "!" after a word', make: (n) => fill('!', n, 'Help') },
  { name: 'run of "?!.)" after a word', make: (n) => fill('?!.)', n, 'Why') },
  // Spaces and tabs: the glossary-line shape "AB<spaces>-<spaces>text".
  { name: 'tabs after a short form', make: (n) => fill('\t', n, 'AB', 'x'.repeat(250)) },
  { name: 'spaces around a dash', make: (n) => fill(' ', n / 2, 'SENCO', '–') + fill(' ', n / 2, '', 'x'.repeat(250)) },
  { name: 'tabs and spaces, no separator', make: (n) => fill(' \t', n, 'SENCO', 'Special Educational Needs') },
  // Long lines and sentences.
  { name: 'line of short heading sentences', make: (n) => fill('ZOLA x. ', n) },
  { name: 'line of capitals sentences', make: (n) => fill('PLEASE READ THE EHCP NOW. ', n) },
  {
    name: 'one long sentence with terms',
    make: (n) => fill('ZOLA and the OT and the EHCP with SEN support at KS2 ', n),
  },
  { name: 'one long sentence in capitals', make: (n) => fill('THE OT AND THE QRB AND ZOLA ', n) },
  { name: 'long sentence, many senses', make: (n) => fill('OT SALT OT PT EP ', n) },
  { name: 'many short lines', make: (n) => fill('EHCP and SENCo\n', n) },
  {
    name: 'soft line breaks, one paragraph',
    make: (n) => fill('the EHCP and\n', n),
    options: { lineBreaks: 'soft' },
  },
  // Long words.
  { name: 'long capitals then "1s"', make: (n) => fill('A', n, '', '1s') },
  { name: 'long capitals then "s"', make: (n) => fill('A', n, '', 's') },
  { name: 'one word "A.A.A."', make: (n) => fill('A.', n) },
  { name: 'one word "a-a-a"', make: (n) => fill('a-', n, '', 'a') },
  { name: 'one word of letters', make: (n) => fill('education', n) },
  { name: 'one word "ssss…ies"', make: (n) => fill('ss', n, '', 'ies') },
  { name: 'digits and full stops', make: (n) => fill('1.', n, '', '5') },
  // Brackets.
  { name: 'nested brackets', make: (n) => fill('(', n / 2) + 'EHCP' + fill(')', n / 2) },
  { name: 'unclosed brackets', make: (n) => fill('(EHCP ', n) },
  { name: 'explained acronyms', make: (n) => fill('Education, Health and Care Plan (EHCP) then ', n) },
  { name: 'acronym then its meaning', make: (n) => fill('EHCP (Education, Health and Care Plan) and ', n) },
  // Repeated terms.
  { name: 'repeated acronym', make: (n) => fill('EHCP ', n) },
  { name: 'repeated phrase', make: (n) => fill('Education, Health and Care Plan ', n) },
  { name: 'repeated unknown acronyms', make: (n) => fill('QRB LPRG ', n) },
  { name: 'repeated possessives', make: (n) => fill("LA's ", n) },
  { name: 'repeated abbreviations', make: (n) => fill('e.g. Dr. Mrs. J. ', n) },
  { name: 'repeated list markers', make: (n) => fill('1. ', n) },
  // Everyday words whose sense the words around them decide (src/engine/glossary/in-context.ts), all in one sentence.
  {
    name: 'everyday words in a SEND sense, one sentence',
    make: (n) => fill('the panel, schools and settings, her statement for SEN pupils who are looked after ', n),
  },
  // The same words out of their sense, many times in one paragraph, after one use in it (one sense a text).
  {
    name: 'everyday words out of their sense, after one in it',
    make: (n) => fill('Settings here. A panel there. ', n, 'The SENCO at each setting and the panel will decide. '),
  },
  {
    name: 'user terms with punctuation',
    make: (n) => fill('C# and C++ and F# on .NET under s.17 ', n),
    options: { extraPacks: [PUNCTUATED_TERMS] },
  },
  // Other scripts.
  { name: 'mixed scripts', make: (n) => fill('שלום مرحبا 中文 Ελληνικά русский 😀 👩‍👧 e\u0301 𝐀𝐁𝐂s EHCP ', n) },
  { name: 'emoji run', make: (n) => fill('😀', n, 'a', 'b') },
  { name: 'lone surrogates', make: (n) => fill('\ud800', n / 2, 'a') + fill('\udc00', n / 2) },
  { name: 'combining marks', make: (n) => fill('\u0301', n, 'e') },
];

/** One generator per ASCII punctuation mark and per space character: a run of it between words. */
export function everyCharacter(): Generator[] {
  return [
    ...ASCII_PUNCTUATION.map((c) => ({
      name: `run of ${JSON.stringify(c)}`,
      make: (n: number) => fill(c, n, 'Help', 'b'),
    })),
    ...SPACES.map((c) => ({
      name: `run of ${hex(c)}`,
      make: (n: number) => fill(c, n / 2, 'AB', '-') + fill(c, n / 2, '', 'x'.repeat(250)),
    })),
  ];
}
