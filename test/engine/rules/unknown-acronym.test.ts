import { describe, expect, it } from 'vitest';
import { miniAnalyser } from '../../helpers.js';

const unknown = (text: string) =>
  miniAnalyser()
    .analyse(text)
    .findings.filter((f) => f.rule === 'unknown-acronym')
    .map((f) => f.text);

describe('unknown-acronym', () => {
  it('flags runs of capitals that no glossary knows', () => {
    expect(unknown('The JSNA and the PCFs are ready.')).toEqual(['JSNA', 'PCFs']);
  });

  it('leaves ordinary capitals alone', () => {
    expect(unknown('I am OK. A GP in the UK. NHS care. Part IV. Year 6. MMXXIV.')).toEqual([]);
    expect(unknown('IMPORTANT NOTICE FOR ALL FAMILIES')).toEqual([]);
    expect(unknown('Order A12B3 arrived.')).toEqual([]);
  });

  it("leaves a document's state alone, and initials between such words, in a title or file name", () => {
    expect(unknown('See the Equality Act Guide for schools - FINAL EM EDIT.pdf for more.')).toEqual([]);
    expect(unknown('This is a DRAFT of the policy; the JSNA comes later.')).toEqual(['JSNA']);
    expect(unknown('Ask EM about the QRB.')).toEqual(['EM', 'QRB']);
  });

  it('flags an everyday short form that the text spells out as a SEND term', () => {
    // "OK" is known; here the text makes it the short form of a glossary term.
    expect(unknown('The Outreach co-production Kit (OK). OK staff visit schools.')).toEqual(['OK', 'OK']);
    // Spelled out as something that is no glossary term, it stays known.
    expect(unknown('I am OK. The Online Kiosk (OK) is open. OK.')).toEqual([]);
  });

  it("leaves a document's parts alone as headings in capitals", () => {
    expect(unknown('CONTENTS\nPreface and useful contacts\nAPPENDICES')).toEqual([]);
    expect(unknown('See the CONTENTS page and the QRB.')).toEqual(['QRB']);
  });

  it('does not report what a glossary term already covers', () => {
    expect(unknown('The EHCP and the SENCo.')).toEqual([]);
  });

  it("uses the text's own explanation for first-use fixes", () => {
    const f = miniAnalyser()
      .analyse('Join the PCF. The Parent Carer Forum (PCF) meets monthly.')
      .findings.filter((x) => x.rule === 'unknown-acronym');
    expect(f.map((x) => x.explained)).toEqual([false, true]);
    expect(f[0].replacements[0]).toEqual({ label: 'Explain at first use', text: 'Parent Carer Forum (PCF)' });
    expect(f[1].expansion).toBe('Parent Carer Forum');
  });
});

describe('unknown-acronym and words in capitals', () => {
  it('leaves everyday words in capitals and one-word headings alone', () => {
    expect(unknown('Please read this NOTE before the DATE.')).toEqual([]);
    expect(unknown('POLICY\nOBJECTIVES\nAIMS')).toEqual([]);
    expect(unknown('CAMHS\nJSNA')).toEqual(['CAMHS', 'JSNA']);
  });

  it('does not take app names in mixed case for acronyms', () => {
    expect(unknown('We share photos on DoJo and SeeSaw.')).toEqual([]);
  });
});

describe('unknown-acronym: words in capitals and short forms that look like words', () => {
  it('takes an everyday word in capitals that the paragraph spells out for a short form', () => {
    expect(unknown('SAFE (Supporting All Families Early) can help. We keep children SAFE.')).toEqual(['SAFE', 'SAFE']);
    expect(unknown('We keep children SAFE.')).toEqual([]);
  });

  it('leaves a long word in capitals alone, even with three consonants in a row', () => {
    expect(unknown('See the INTRODUCTORY section and the INSTRUCTIONS below.')).toEqual([]);
    expect(unknown('The NATSPEC and CAMHS teams.')).toEqual(['NATSPEC', 'CAMHS']);
  });

  it('leaves initials in a place’s name alone ("the AJ Bell Stadium"), not an acronym before a place', () => {
    expect(unknown('We met at the AJ Bell Stadium and the ACC Arena.')).toEqual([]);
    expect(unknown('Bring it to the QRB meeting at the Town Hall.')).toEqual(['QRB']);
    expect(unknown('Ask the QRB, Park Road.')).toEqual(['QRB']);
  });
});
