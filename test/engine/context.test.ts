/** Lookups by offset in a paragraph: the same answers as reading the paragraph afresh, in time linear in it. */
import { describe, expect, it } from 'vitest';
import { analyse, audience, DEFAULT_PACKS, loadedPacks } from '../../src/engine/index.js';
import { ParagraphContext } from '../../src/engine/context.js';
import { compileGlossary } from '../../src/engine/glossary/glossary.js';
import { ANALYSIS_LIMIT, analysisGrowth, growth as functionGrowthOf } from './growth.js';
import { fill } from './pathological.js';

const glossary = compileGlossary(loadedPacks().filter((p) => DEFAULT_PACKS.includes(p.id)));

const CUES: ReadonlySet<string> = new Set(['zola', 'said', 'please', 'nowhere']);
const OTHER_CUES: ReadonlySet<string> = new Set(['ot', 'ehcp', 'x']);

describe('ParagraphContext lookups', () => {
  it('answer as a fresh search of the paragraph would, in any order', () => {
    const pieces = ['ZOLA', 'x', 'OT', 'THE', 'EHCP', 'said', '.', '!', ' ', ' ', '(', '"', 'PLEASE', 'READ', 'NOW'];
    let seed = 7;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let n = 0; n < 300; n++) {
      let text = '';
      for (let i = Math.floor(next() * 60); i > 0; i--) text += pieces[Math.floor(next() * pieces.length)] + ' ';
      const c = new ParagraphContext(text, glossary, audience(undefined));
      const fresh = new ParagraphContext(text, glossary, audience(undefined));
      const offsets = Array.from({ length: 40 }, () => Math.floor(next() * (text.length + 2)) - 1);
      for (const offset of offsets) {
        const sentence = fresh.sentences().find((s) => s.start <= offset && offset < s.end);
        const shouting = fresh.shoutingSpans().some((s) => s.start <= offset && offset < s.end);
        const noSmall = sentence !== undefined && sentence.words.every((w) => w.text === w.text.toUpperCase());
        const around = fresh
          .tokens()
          .filter((t) => !sentence || (t.start >= sentence.start && t.end <= sentence.end))
          .map((t) => t.lower);
        expect(c.isShouting(offset)).toBe(shouting);
        expect(c.hasNoSmallLetters(offset)).toBe(noSmall);
        expect([...c.wordsAround(offset, 'sentence')].sort()).toEqual([...new Set(around)].sort());
        expect([...c.wordsAround(offset, 'paragraph')].sort()).toEqual(
          [...new Set(fresh.tokens().map((t) => t.lower))].sort(),
        );
        // The cue words among them, asked with one set of cues and then another (each kept apart).
        for (const cues of [CUES, OTHER_CUES]) {
          const words = new Set(around);
          const all = new Set(fresh.tokens().map((t) => t.lower));
          expect([...c.cuesAround(offset, 'sentence', cues)].sort()).toEqual(
            [...cues].filter((w) => words.has(w)).sort(),
          );
          expect([...c.cuesAround(offset, 'paragraph', cues)].sort()).toEqual(
            [...cues].filter((w) => all.has(w)).sort(),
          );
        }
      }
    }
  });

  it('cost O(1) each, asked in text order', () => {
    // Each lookup once searched every sentence of the paragraph: quadratic in a long line.
    const lookups = (text: string) => {
      const c = new ParagraphContext(text, glossary, audience(undefined));
      c.sentences();
      c.tokens();
      return () => {
        for (const t of c.tokens()) {
          c.isShouting(t.start);
          c.hasNoSmallLetters(t.start);
          c.wordsAround(t.start, 'sentence');
          c.cuesAround(t.start, 'sentence', CUES);
          c.cuesAround(t.start, 'paragraph', OTHER_CUES);
        }
      };
    };
    const growth = (n: number) => {
      const text = fill('ZOLA x. PLEASE READ NOW. ', n);
      return () => lookups(text);
    };
    // The lookups gather words and cues (allocation, so garbage collection): bounded as an analysis is.
    expect(functionGrowthOf(growth, 10_000, 10, ANALYSIS_LIMIT)).toBeLessThan(ANALYSIS_LIMIT);
  });

  it('cost time linear in a long line of short sentences', () => {
    const line = (n: number) => fill('ZOLA x. ', n);
    expect(analyse(line(8_000)).findings.filter((f) => f.text === 'ZOLA')).toHaveLength(1000);
    expect(analysisGrowth(line, 10_000)).toBeLessThan(ANALYSIS_LIMIT);
  });

  it('cost time linear in one long sentence', () => {
    // Capitals first and small letters only at the end: "no small letters" once read the whole sentence per word.
    const capitalsFirst = (n: number) => fill('ZOLA ', (n * 4) / 5) + fill('and then ', n / 5);
    expect(analysisGrowth(capitalsFirst, 10_000)).toBeLessThan(ANALYSIS_LIMIT);
    // Terms with several senses: the words around each were once gathered from the whole paragraph.
    const senses = (n: number) => fill('The OT and the EP and the SLT met at the school. ', n).replace(/\. /g, ', ');
    const findings = analyse(senses(2_000)).findings.filter((f) => f.text === 'OT');
    expect(findings.length).toBeGreaterThan(10);
    expect(analysisGrowth(senses, 10_000)).toBeLessThan(ANALYSIS_LIMIT);
  });
});
