import { describe, expect, it } from 'vitest';
import { miniAnalyser } from '../../helpers.js';

const acronyms = (text: string) =>
  miniAnalyser()
    .analyse(text)
    .findings.filter((f) => f.category === 'acronym');

describe('dotted-short-form', () => {
  it('finds a glossary short form written with full stops, with its meaning, over the dotted text', () => {
    const text = 'Your child may need an E.H.C.P. next year.';
    const [f, ...rest] = acronyms(text);
    expect(rest).toEqual([]);
    expect(f).toMatchObject({ rule: 'dotted-short-form', text: 'E.H.C.P.', term: 'EHCP', entryId: 'mini:EHCP' });
    expect(text.slice(f.start, f.end)).toBe('E.H.C.P.');
    expect(f.definition).toBeTruthy();
    expect(f.replacements[0]).toEqual({
      label: 'Explain at first use',
      text: 'Education, Health and Care plan (E.H.C.P.)',
    });
  });

  it('finds an unknown one as an unknown short form, the last full stop optional', () => {
    expect(acronyms('We use the T.U.P. model and the Q.R.B approach.').map((f) => [f.text, f.term, f.rule])).toEqual([
      ['T.U.P.', 'TUP', 'dotted-short-form'],
      ['Q.R.B', 'QRB', 'dotted-short-form'],
    ]);
  });

  it('takes the full stop at the end of a sentence with it, and the next sentence alone', () => {
    expect(acronyms('She has an E.H.C.P. The school knows.').map((f) => f.text)).toEqual(['E.H.C.P.']);
  });

  it('counts the text explaining it, dotted or not', () => {
    const f = acronyms('The Total Understanding Plan (T.U.P.) helps. The T.U.P. is short. So is the TUP.');
    expect(f.map((x) => [x.text, x.explained])).toEqual([
      ['T.U.P.', true],
      ['T.U.P.', true],
      ['TUP', true],
    ]);
    expect(f[1].expansion).toBe('Total Understanding Plan');
  });

  it('leaves everyday abbreviations, initials and letters in a code alone', () => {
    for (const text of [
      'Come at 9 a.m. or 2 p.m., e.g. after lunch, i.e. not before.',
      'She lived in the U.K. and saw the N.H.S. and a G.P. there.',
      'Write to J. R. Smith, J.R.R. Tolkien or Dr A.B.C. Jones.',
      'See www.B.B.C.co and section 3.A.B.C now.',
      'The A.B. group and the E.H.C.P.s are ready.',
      'I.E. stands alone.',
    ])
      expect(acronyms(text), text).toEqual([]);
  });
});
