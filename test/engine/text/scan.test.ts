/** The one pass over a paragraph gives the tokens and the words the separate passes give. */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { words } from '../../../src/engine/text/segment.js';
import { scan, type Token } from '../../../src/engine/text/tokens.js';
import type { Word } from '../../../src/engine/text/segment.js';
import { SEEDS } from '../../helpers.js';
import { words as referenceWords } from '../../reference/segment.js';
import { tokenise as referenceTokenise } from '../../reference/tokens.js';

/** A word of one run is its token: compare what a word has. */
const plain = (ws: readonly Word[]) => ws.map(({ start, end, text }) => ({ start, end, text }));
/** A token without the spelling it shares with others (the reference has none). */
const own = (ts: readonly Token[]) => ts.map(({ spelling: _, ...t }) => t);

const SEED_TEXT = readdirSync(SEEDS)
  .filter((f) => f.endsWith('.txt'))
  .map((f) => readFileSync(join(SEEDS, f), 'utf8'))
  .join('\n');

describe('scan', () => {
  it('gives the tokens and words of the separate passes on every seed', () => {
    const s = scan(SEED_TEXT);
    expect(own(s.tokens)).toEqual(referenceTokenise(SEED_TEXT));
    expect(plain(s.words)).toEqual(referenceWords(SEED_TEXT));
    expect(plain(s.words)).toEqual(words(SEED_TEXT));
    expect(s.words.length).toBeGreaterThan(20_000);
  });

  it('gives them on random text of letters, joiners, marks, surrogates and ampersands', () => {
    const alphabet = [..."aZs1.'’‘-‐‑ ,&(", 'é', 'e\u0301', '\u0301', '𝐀', '😀', '\ud835', '\udc00', '٣', '²', '中'];
    let seed = 7;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let n = 0; n < 20_000; n++) {
      let t = '';
      for (let i = Math.floor(next() * 16); i > 0; i--) t += alphabet[Math.floor(next() * alphabet.length)];
      const s = scan(t);
      expect(own(s.tokens), JSON.stringify(t)).toEqual(referenceTokenise(t));
      expect(plain(s.words), JSON.stringify(t)).toEqual(referenceWords(t));
    }
  });

  it("reads a possessive 's as part of the word and no token of its own", () => {
    const s = scan("The LA's offer & the parent’s plan");
    expect(s.tokens.map((t) => t.text)).toEqual(['The', 'LA', 'offer', '&', 'the', 'parent', 'plan']);
    expect(s.words.map((w) => w.text)).toEqual(['The', "LA's", 'offer', 'the', 'parent’s', 'plan']);
  });

  it('makes one spelling of each text, shared by its tokens, with the strings a token has', () => {
    const s = scan(
      'Plans and plans, PLANS and Plans; a word longer than thirty-two letters: Pneumonoultramicroscopicsilicovolcanoconiosis',
    );
    const [a, , b, c, , d] = s.tokens;
    expect(a.spelling).toBe(d.spelling);
    expect(a.spelling).not.toBe(b.spelling);
    expect(b.spelling).not.toBe(c.spelling);
    expect(a.spelling).toMatchObject({ text: 'Plans', lower: 'plans', singular: 'plan', singularText: 'Plan' });
    expect(s.tokens.at(-1)).toMatchObject({
      text: 'Pneumonoultramicroscopicsilicovolcanoconiosis',
      spelling: undefined,
    });
    // A spelling met in another paragraph is the same one.
    expect(scan('Our Plans').tokens[1].spelling).toBe(a.spelling);
  });
});
