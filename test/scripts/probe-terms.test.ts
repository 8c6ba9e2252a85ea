import { beforeAll, describe, expect, it } from 'vitest';
import type { Analyser } from '../../src/engine/index.js';
import { probeAnalysers, probeTerm, sentenceFor } from '../../scripts/probe-terms.js';

describe('probe-terms: which terms of a list the glossary leaves unexplained', () => {
  let reader: Analyser;
  let asking: Analyser;
  beforeAll(async () => {
    ({ reader, asking } = await probeAnalysers());
  });

  it('reads each term in a sentence whose other words are plain', () => {
    const marks = reader
      .analyse(sentenceFor('cat'))
      .findings.filter((f) => f.category === 'jargon' || f.category === 'acronym');
    expect(marks).toEqual([]);
  });

  it('tells a marked term from one explained only on asking, a part, and a gap', () => {
    expect(probeTerm('EHCP', reader, asking)).toBe('marked');
    expect(probeTerm('Named Officer', reader, asking)).toBe('marked');
    // A common word: explained when a reader asks, never marked.
    expect(probeTerm('referral', reader, asking)).toBe('on asking');
    expect(probeTerm('EHCP zorbleflax', reader, asking)).toBe('partly');
    expect(probeTerm('zorbleflax', reader, asking)).toBe('unknown');
  });

  it('knows a term from a regional pack, which the product turns on only by choice or on its site', () => {
    // Kent's pack only: with the default packs no rule marks it.
    expect(probeTerm('Assessment and Placement Officer', reader, asking)).toBe('marked');
  });
});
