import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/engine/index.js';
import { miniAnalyser } from '../../helpers.js';

describe('glossary-term', () => {
  it('leaves a term inside an email or web address alone, and finds it beside one', () => {
    const terms = (text: string) =>
      analyse(text)
        .findings.filter((f) => f.rule === 'glossary-term')
        .map((f) => f.text);
    expect(
      terms('Email senco@leasowes.staffs.sch.uk or see www.senco-help.org.uk and https://x.org/ehcp/senco.'),
    ).toEqual([]);
    expect(terms('Ask the SENCO (senco@school.sch.uk). The SENCO-led review is due.')).toEqual(['SENCO', 'SENCO']);
  });

  it('leaves a term inside a job title alone, but not an acronym or the same term elsewhere', () => {
    const terms = (text: string) =>
      analyse(text)
        .findings.filter((f) => f.rule === 'glossary-term')
        .map((f) => f.text);
    expect(terms('The Head of Education and Inclusion Services advised us.')).toEqual([]);
    expect(terms('She is Chair of the Harbour Parent Carer Forum.')).toEqual(['Parent Carer Forum']);
    expect(terms('The Head of SEND Services advised us. Ask the Inclusion Services team.')).toEqual([
      'SEND',
      'Inclusion Services',
    ]);
  });

  it('reports an acronym with its expansion, definition and source', () => {
    const [f] = miniAnalyser().analyse('We will ask for an EHCP.').findings;
    expect(f).toMatchObject({
      category: 'acronym',
      rule: 'glossary-term',
      text: 'EHCP',
      term: 'EHCP',
      start: 19,
      end: 23,
      expansion: 'Education, Health and Care plan',
      explained: false,
      entryId: 'mini:EHCP',
      source: { pack: 'mini', packName: 'Mini test pack', reference: 'SEND Code of Practice (2015)' },
    });
    expect(f.definition).toMatch(/legal plan/);
  });

  it('reports a spelled-out term as jargon', () => {
    const [f] = miniAnalyser().analyse('Your child has an Education, Health and Care plan.').findings;
    expect(f).toMatchObject({ category: 'jargon', term: 'EHCP' });
  });

  it('chooses the sense of an ambiguous short form from nearby words', () => {
    const senses = (text: string) =>
      miniAnalyser()
        .analyse(text)
        .findings.map((f) => f.expansion);
    expect(senses('The OT will help with handwriting and sensory needs.')).toEqual(['occupational therapy']);
    expect(senses('He worked OT on the late shift for extra pay.')).toEqual(['overtime']);
    expect(senses('The OT will visit.')).toEqual(['occupational therapy']);
    expect(senses('Extra pay for OT.\nThe OT saw her handwriting.')).toEqual(['overtime', 'occupational therapy']);
  });

  it('resolves the shipped ambiguous short forms by context', () => {
    const meaning = (text: string, term: string) =>
      analyse(text)
        .findings.find((f) => f.term === term)
        ?.expansion?.toLowerCase();
    expect(meaning('The SLT will decide on the budget with the head teacher and governors.', 'SLT')).toMatch(
      /leadership/,
    );
    expect(meaning('The SLT will work on his speech and language in therapy sessions.', 'SLT')).toMatch(/speech/);
    expect(meaning('The EP will carry out an assessment of her learning.', 'EP')).toMatch(/psycholog/);
  });

  it('skips short forms that are everyday words in a line of capitals', () => {
    expect(analyse('PLEASE SEND IT BACK TODAY').findings.filter((f) => f.rule === 'glossary-term')).toEqual([]);
    expect(analyse('Children with SEND need support.').findings.some((f) => f.text === 'SEND')).toBe(true);
  });
});

describe('glossary-term and Roman numerals', () => {
  it('reads "Part VI" as a number but "VI" alone as the term', () => {
    const vi = (text: string) =>
      analyse(text)
        .findings.filter((f) => f.term === 'VI')
        .map((f) => f.text);
    expect(vi('See Part VI and Chapter II of the Code.')).toEqual([]);
    expect(vi('The VI team will visit school.')).toEqual(['VI']);
  });
});

describe('glossary-term: a long form the text writes its own way', () => {
  const terms = (text: string) =>
    analyse(text).findings.filter((f) => f.category === 'acronym' || f.category === 'jargon');

  it('marks "Educational Psychology Team (EPS)" as EPS, with its meaning, and counts EPS explained', () => {
    const [long, short, later, ...rest] = terms(
      'The Educational Psychology Team (EPS) will visit. Then the EPS will write.',
    );
    expect(rest).toEqual([]);
    expect(long).toMatchObject({
      category: 'jargon',
      rule: 'glossary-term',
      text: 'Educational Psychology Team',
      term: 'EPS',
      expansion: 'educational psychology service',
      entryId: 'england:EPS',
    });
    expect(long.definition).toMatch(/psychologists/);
    expect(long.message).toContain('EPS');
    expect([short.text, short.explained, later.text, later.explained]).toEqual(['EPS', true, 'EPS', true]);
  });

  it('finds it after the short form too, "EPS (Educational Psychology Team)"', () => {
    expect(terms('Ask the EPS (Educational Psychology Team) to visit.').map((f) => [f.text, f.term])).toEqual([
      ['EPS', 'EPS'],
      ['Educational Psychology Team', 'EPS'],
    ]);
  });

  it('leaves the long forms of an acronym of several senses alone, as the glossary does', () => {
    const found = miniAnalyser().analyse('Our Occupational Therapy Team (OT) will call.').findings;
    expect(found.map((f) => [f.text, f.explained])).toEqual([['OT', true]]);
  });

  it('leaves quotes round the long form out of it', () => {
    const [long] = terms('We now say ‘Educational Psychology Team’ (EPS) instead.');
    expect(long.text).toBe('Educational Psychology Team');
  });

  it("leaves a long form alone that shares too few words with the glossary's (a chance match of letters)", () => {
    // The glossary's findings only: the local-name rule takes "Early Years Partnership" as a name of its own.
    const found = terms('The Early Years Partnership (EPS) will visit.').filter((f) => f.rule === 'glossary-term');
    expect(found.map((f) => f.text)).toEqual(['EPS']);
  });

  it('reports a long form the glossary writes the same way once, as before', () => {
    expect(terms('The Educational Psychology Service (EPS) will visit.').map((f) => f.text)).toEqual([
      'Educational Psychology Service',
      'EPS',
    ]);
  });
});

describe('glossary-term: titles that say what they are', () => {
  const terms = (text: string) =>
    analyse(text)
      .findings.filter((f) => f.category === 'acronym' || f.category === 'jargon')
      .map((f) => f.text);

  it('leaves a term alone in the title of an Act or Order', () => {
    expect(terms('The Education (Additional Support for Learning) (Scotland) Act 2004 sets out duties.')).toEqual([]);
    expect(terms('Additional Support for Learning helps many pupils.')).toEqual(['Additional Support for Learning']);
  });

  it("leaves a term alone in a body's name that says what it is", () => {
    expect(terms('We met Gloucestershire Dyslexia Association.')).toEqual([]);
    expect(terms('The screening shows signs of dyslexia.')).toEqual(['dyslexia']);
  });

  it('still marks a law the glossary names itself; a body whose full name says what kind it is only by its short form', () => {
    expect(terms('Under the Mental Capacity Act he decides.')).toEqual(['Mental Capacity Act']);
    // ANNOTATING.md rule 5: "Standards and Testing Agency" says it is an agency; STA is a short form.
    expect(terms('Help from the Standards and Testing Agency (STA) came.')).toEqual(['STA']);
  });

  it('still marks a court order, which is a term, not a law', () => {
    expect(terms('He is on a Care Order now.')).toEqual(['Care Order']);
  });
});

describe('glossary-term suggestions', () => {
  it("does not shout an acronym's plain words", () => {
    const pack = {
      id: 'p',
      name: 'P',
      known: [],
      entries: [
        {
          term: 'LA',
          kind: 'acronym' as const,
          expansion: 'local authority',
          definition: 'The council.',
          suggestions: ['the council'],
          source: 'GOV.UK',
          examples: { flag: ['LA'] },
        },
      ],
    };
    const [f] = miniAnalyser({ extraPacks: [pack] }).analyse('Ask the LA.').findings;
    expect(f.replacements.map((r) => r.text)).toContain('the council');
  });
});
