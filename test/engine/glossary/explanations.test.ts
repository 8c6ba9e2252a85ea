import { describe, expect, it } from 'vitest';
import { findExplanations, glossaryLine, longFormFor } from '../../../src/engine/glossary/explanations.js';
import { functionGrowth } from '../growth.js';

const pairs = (t: string) => findExplanations(t).map((e) => [e.acronym, e.expansion]);

describe('acronyms the text explains', () => {
  it('finds "long form (SF)"', () => {
    expect(pairs('You may get an Education, Health and Care Plan (EHCP) after the assessment.')).toEqual([
      ['EHCP', 'Education, Health and Care Plan'],
    ]);
    expect(pairs('Talk to the Parent Carer Forum (PCF).')).toEqual([['PCF', 'Parent Carer Forum']]);
    expect(pairs('Ask for Speech and Language Therapy (SaLT) early.')).toEqual([
      ['SaLT', 'Speech and Language Therapy'],
    ]);
  });

  it('says where the long form itself stands', () => {
    const at = (t: string) => findExplanations(t).map((e) => t.slice(e.longStart, e.longEnd));
    expect(at('Ask the Educational Psychology Team (EPS) now.')).toEqual(['Educational Psychology Team']);
    expect(at('Ask the EPS ( Educational Psychology Team ) now.')).toEqual(['Educational Psychology Team']);
    expect(at('SENCO –  Special Educational Needs Coordinator')).toEqual(['Special Educational Needs Coordinator']);
  });

  it('finds "SF (long form)"', () => {
    expect(pairs('Your EHCP (Education, Health and Care Plan) will be reviewed.')).toEqual([
      ['EHCP', 'Education, Health and Care Plan'],
    ]);
  });

  it('finds glossary lines', () => {
    expect(pairs('SENCO – Special Educational Needs Coordinator')).toEqual([
      ['SENCO', 'Special Educational Needs Coordinator'],
    ]);
    expect(pairs('CAMHS\tChild and Adolescent Mental Health Services')).toEqual([
      ['CAMHS', 'Child and Adolescent Mental Health Services'],
    ]);
  });

  it('ignores brackets that do not explain', () => {
    expect(pairs('Read the policy (PDF) today.')).toEqual([]);
    expect(pairs('See the report (page 4) and the plan (EHCP).')).toEqual([]);
    expect(pairs('We met (as agreed) on Monday.')).toEqual([]);
  });

  it('checks letters in order, the first at a word start', () => {
    expect(longFormFor('HTML', 'the Hyper Text Markup Language')?.text).toBe('Hyper Text Markup Language');
    expect(longFormFor('EP', 'a cheap')).toBeUndefined();
  });

  it('takes one word a letter where the words allow, so two words with one first letter both count', () => {
    expect(longFormFor('PPS', 'must provide a Parent Partnership Service')?.text).toBe('Parent Partnership Service');
    expect(longFormFor('CAMHS', 'see the Child and Adolescent Mental Health Services')?.text).toBe(
      'Child and Adolescent Mental Health Services',
    );
    expect(longFormFor('SaLT', 'ask for Speech and Language Therapy')?.text).toBe('Speech and Language Therapy');
    // Letters inside words still count where first letters do not give the short form.
    expect(longFormFor('PhD', 'a Doctor of Philosophy')).toBeUndefined();
    expect(longFormFor('SENCo', 'the Special Educational Needs Co-ordinator')?.text).toBe(
      'Special Educational Needs Co-ordinator',
    );
  });
});

describe('glossary lines, read in time linear in them', () => {
  const GLOSSARY_LINE = /^([\p{L}\p{N}]{2,12})[ \t]*(?:[-–—:=][ \t]*|\t)([^\n]{3,200})$/u;

  it('reads what the regular expression it replaced read, surrogates and the 200-character limit too', () => {
    const alphabet = [...'Ab1 \t-–:=x.é\n', '😀', '𝐀', '\ud835', '\udc00', '\u0301', '\u00a0'];
    let seed = 5;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    for (let n = 0; n < 30_000; n++) {
      let t = next() < 0.4 ? 'AB' + (next() < 0.5 ? '\t' : ' ').repeat(Math.floor(next() * 5)) : '';
      for (let i = Math.floor(next() * 16); i > 0; i--) t += alphabet[Math.floor(next() * alphabet.length)];
      if (next() < 0.3) for (let i = 185 + Math.floor(next() * 30); i > 0; i--) t += next() < 0.3 ? '😀' : 'y';
      const m = GLOSSARY_LINE.exec(t);
      const line = glossaryLine(t);
      expect(line && [line.head, line.body], JSON.stringify(t)).toEqual(m ? [m[1], m[2]] : undefined);
    }
  });

  it('reads a long run of tabs or spaces once', () => {
    expect(glossaryLine('SENCO\t\tSpecial Educational Needs Coordinator')?.body).toBe(
      'Special Educational Needs Coordinator',
    );
    expect(findExplanations('AB' + '\t'.repeat(10_000) + 'x'.repeat(250))).toEqual([]);
    const tabs = (n: number) => 'AB' + '\t'.repeat(n) + 'x'.repeat(250);
    const spaces = (n: number) => 'SENCO' + ' '.repeat(n / 2) + '–' + ' '.repeat(n / 2) + 'x'.repeat(250);
    expect(functionGrowth(tabs, findExplanations, 20_000)).toBeLessThan(30);
    expect(functionGrowth(spaces, findExplanations, 20_000)).toBeLessThan(30);
  });
});
