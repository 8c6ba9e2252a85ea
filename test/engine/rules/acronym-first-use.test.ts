import { describe, expect, it } from 'vitest';
import { miniAnalyser } from '../../helpers.js';

const acronyms = (text: string) =>
  miniAnalyser()
    .analyse(text)
    .findings.filter((f) => f.category === 'acronym');

describe('acronym-first-use', () => {
  it('offers to spell out the first unexplained use only', () => {
    const f = acronyms('We will ask for an EHCP.\nThe EHCP lists the help.');
    expect(f.map((x) => x.explained)).toEqual([false, false]);
    expect(f[0].replacements).toEqual([
      { label: 'Explain at first use', text: 'Education, Health and Care plan (EHCP)' },
    ]);
    expect(f[1].replacements).toEqual([]);
  });

  it('marks acronyms explained in the text, there and after', () => {
    const f = acronyms('An Education, Health and Care plan (EHCP) sets out help.\nThe EHCP is reviewed each year.');
    expect(f.map((x) => [x.text, x.explained])).toEqual([
      ['EHCP', true],
      ['EHCP', true],
    ]);
    expect(f[1].message).toMatch(/explained in the text/);
  });

  it('also counts "EHCP (long form)"', () => {
    const f = acronyms('Your EHCP (Education, Health and Care Plan) is ready. The EHCP is long.');
    expect(f.every((x) => x.explained)).toBe(true);
  });

  it('pluralises the expansion for a plural acronym', () => {
    const [f] = acronyms('Some EHCPs are late.');
    expect(f.replacements[0].text).toBe('Education, Health and Care plans (EHCPs)');
  });

  it('does not treat a use before the explanation as explained', () => {
    const f = acronyms('The EHCP is late.\nAn Education, Health and Care plan (EHCP) is a legal plan.');
    expect(f.map((x) => x.explained)).toEqual([false, true]);
  });
});
