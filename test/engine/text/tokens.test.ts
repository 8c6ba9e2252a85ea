import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { singularOf, tokenise } from '../../../src/engine/text/tokens.js';
import { SEEDS } from '../../helpers.js';
import { functionGrowth } from '../growth.js';

const SEED_TEXT = readdirSync(SEEDS)
  .map((f) => readFileSync(join(SEEDS, f), 'utf8'))
  .join('\n');

describe('tokenise', () => {
  it('splits hyphenated words and folds possessives into the word', () => {
    const t = "The LA's post-16 offer";
    const tokens = tokenise(t);
    expect(tokens.map((x) => x.text)).toEqual(['The', 'LA', 'post', '16', 'offer']);
    expect(tokens[1]).toMatchObject({ start: 4, end: 6 });
    expect(tokens[3].joinsPrevious).toBe(true);
  });

  it('does not join across sentence punctuation or line breaks', () => {
    const tokens = tokenise('SEN. Support\nplan, review');
    expect(tokens.map((x) => x.joinsPrevious)).toEqual([false, false, false, true]);
  });

  it('reads & as and', () => {
    expect(tokenise('Speech & Language').map((x) => x.lower)).toEqual(['speech', 'and', 'language']);
  });
});

describe('singularOf', () => {
  it.each([
    ['EHCPs', 'EHCP'],
    ['SENCos', 'SENCo'],
    ['reviews', 'review'],
    ['therapies', 'therapy'],
    ['classes', 'class'],
    ['process', undefined],
    ['this', undefined],
    ['is', undefined],
    ['SEND', undefined],
  ])('%s → %s', (word, singular) => {
    expect(singularOf(word)).toBe(singular);
  });

  /** What singularOf did with two regular expressions, the second of which once backtracked over "AAAA…1s". */
  function reference(word: string): string | undefined {
    if (word.length < 3 || !word.endsWith('s')) return undefined;
    const body = word.slice(0, -1);
    const first = body.charCodeAt(0);
    if (
      !(first >= 97 && first <= 122) &&
      (/^[\p{Lu}\p{N}][\p{Lu}\p{N}a-z]*\p{Lu}$/u.test(body) || /^\p{Lu}{2,}(?:[a-z]\p{Lu}*)?$/u.test(body))
    )
      return body;
    const lower = word.toLowerCase();
    if (lower.endsWith('ss') || lower.endsWith('us') || lower.endsWith('is')) return undefined;
    if (lower.endsWith('ies') && lower.length > 4) return word.slice(0, -3) + 'y';
    if (/(?:ches|shes|sses|xes|zes)$/.test(lower)) return word.slice(0, -2);
    return body;
  }

  it('agrees with the regular expressions it replaced, in any script', () => {
    const alphabet = [...'ABaos S1éÉihcxz-y', '𝐀', '𝟏', '٣', 'ǅ', 'İ', 'ß', '\ud835'];
    let seed = 3;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let n = 0; n < 50_000; n++) {
      let word = '';
      for (let i = 1 + Math.floor(next() * 8); i > 0; i--) word += alphabet[Math.floor(next() * alphabet.length)];
      if (next() < 0.7) word += 's';
      expect(singularOf(word), JSON.stringify(word)).toBe(reference(word));
    }
  });

  it('reads a long run of capitals in time linear in it', () => {
    expect(singularOf('A'.repeat(100_000) + '1s')).toBe('A'.repeat(100_000) + '1');
    expect(functionGrowth((n) => 'A'.repeat(n) + '1s', singularOf, 20_000)).toBeLessThan(30);
    expect(functionGrowth((n) => 'A'.repeat(n) + 'as', singularOf, 20_000)).toBeLessThan(30);
  });
});

describe('tokenise agrees with its definition', () => {
  /** The tokens as `/[\p{L}\p{N}\p{M}]+|&/gu` defines them, possessive tails folded. */
  function reference(text: string): Array<[number, number]> {
    const out: Array<[number, number]> = [];
    let previousEnd = -1;
    for (const m of text.matchAll(/[\p{L}\p{N}\p{M}]+|&/gu)) {
      const tail =
        (m[0] === 's' || m[0] === 'S') &&
        out.length > 0 &&
        m.index - previousEnd === 1 &&
        /['’]/.test(text[m.index - 1]);
      previousEnd = tail ? m.index + 1 : m.index + m[0].length;
      if (!tail) out.push([m.index, m.index + m[0].length]);
    }
    return out;
  }

  it.each([
    ['every seed document', SEED_TEXT],
    // Letters outside the Basic Multilingual Plane, combining marks, emoji, a lone surrogate, dotted I, ß.
    [
      'text in many scripts',
      "Élève ÉCOLE naïve n\u0303o 𝐀𝐁𝐂s 😀EHCP 😀 \ud800x İstanbul Straße, Ελληνικά, русский, 日本語 ١٢٣ & LA’s SENCo's S's",
    ],
  ])('%s', (_name, text) => {
    const tokens = tokenise(text);
    expect(tokens.map((t) => [t.start, t.end])).toEqual(reference(text));
    for (const t of tokens) expect(t.text).toBe(text.slice(t.start, t.end));
  });
});
