import { describe, expect, it } from 'vitest';
import { findExplanations, longFormFor } from '../../../src/engine/glossary/explanations.js';

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
});
