import { describe, expect, it } from 'vitest';
import { inTitle } from '../../../src/engine/text/titles.js';
import { tokenise } from '../../../src/engine/text/tokens.js';
import { functionGrowth } from '../growth.js';

/** Whether `term`, where it first occurs in `text`, is part of a title. */
function titled(text: string, term: string): boolean {
  const tokens = tokenise(text);
  const start = text.indexOf(term);
  const first = tokens.findIndex((t) => t.start === start);
  const last = tokens.findIndex((t) => t.end === start + term.length || t.end === start + term.length - 2);
  return inTitle(text, tokens, first, last);
}

describe('titles that say what they are', () => {
  it('finds the title of an Act or Order that a term is part of', () => {
    expect(
      titled(
        'The Education (Additional Support for Learning) (Scotland) Act 2004 applies.',
        'Additional Support for Learning',
      ),
    ).toBe(true);
    expect(titled('The Education Tribunal (Wales) Act 2018 applies.', 'Education Tribunal')).toBe(true);
    expect(titled('See the SEN (NI) Order 2005 for this.', 'SEN')).toBe(true);
  });

  it('finds the name of a body, ending in what kind of body it is, that a term is part of', () => {
    expect(titled('We met Gloucestershire Dyslexia Association today.', 'Dyslexia')).toBe(true);
    expect(titled('The Autism Education Foundation for Wales helps.', 'Autism')).toBe(true);
  });

  it('finds a term that a body is named after, its name starting with what kind of body it is', () => {
    expect(titled('Ask the Royal College of Occupational Therapists for more.', 'Occupational Therapists')).toBe(true);
    expect(titled('– British Association of Occupational Therapists', 'Occupational Therapists')).toBe(true);
    expect(titled('The Council for Disabled Children has a guide.', 'Disabled Children')).toBe(true);
    expect(titled('See the National Association for Special Educational Needs.', 'Special Educational Needs')).toBe(
      true,
    );
  });

  it('leaves a term after "of" alone when no body is named', () => {
    expect(titled('This is a plan of Speech and Language Therapy for him.', 'Speech and Language Therapy')).toBe(false);
    expect(titled('The Department for Education sets the rules.', 'Education')).toBe(false);
    expect(titled('The college of Occupational Therapists met.', 'Occupational Therapists')).toBe(false);
    expect(titled('He goes to College. Occupational Therapists help him.', 'Occupational Therapists')).toBe(false);
  });

  it('leaves a term that is the whole title to the glossary, which names that law or body', () => {
    expect(titled('Help from the Public Health Agency came.', 'Public Health Agency')).toBe(false);
    expect(titled('See the Education (NI) Order 1996 for this.', 'Education (NI) Order 1996')).toBe(false);
    expect(titled('He is doing a Foundation Apprenticeship.', 'Foundation')).toBe(false);
  });

  it('leaves terms alone that only stand near a title, or are not written as names', () => {
    expect(titled('He has a Care Order now.', 'Care Order')).toBe(false);
    expect(titled('She has Dyslexia and gets help.', 'Dyslexia')).toBe(false);
    expect(titled('The Local Offer and the Children and Families Act apply.', 'Local Offer')).toBe(false);
    expect(titled('The Local Offer and Equality Act 2010 apply.', 'Local Offer')).toBe(false);
    expect(titled('The Code of Practice on SEN (Education (NI) Order 1996) applies.', 'Code of Practice on SEN')).toBe(
      false,
    );
    expect(
      titled('Ask about additional support for learning in Scotland Act 2004.', 'additional support for learning'),
    ).toBe(false);
  });

  it('looks a bounded way ahead, so a long run of capitals stays linear', () => {
    const make = (n: number) => 'Dyslexia '.repeat(Math.ceil(n / 9)).slice(0, n);
    const run = (text: string) => {
      const tokens = tokenise(text);
      for (let i = 0; i < tokens.length; i++) inTitle(text, tokens, i, i);
    };
    expect(functionGrowth(make, run, 20_000)).toBeLessThan(40);
  });
});
