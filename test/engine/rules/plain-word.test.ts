import { describe, expect, it } from 'vitest';
import { analyse, createAnalyser } from '../../../src/engine/index.js';

const plain = (text: string) => analyse(text).findings.filter((f) => f.rule === 'plain-word');

describe('plain-word', () => {
  it('suggests plain words, keeping the capitals', () => {
    const [f] = plain('Utilise the quiet room.');
    expect(f).toMatchObject({ category: 'plain-word', text: 'Utilise' });
    expect(f.replacements[0].text).toBe('Use');
  });

  it('finds multi-word officialese', () => {
    expect(plain('In order to help, please reply prior to Friday.').map((f) => [f.text, f.suggestions[0]])).toEqual([
      ['In order to', 'to'],
      ['prior to', 'before'],
    ]);
  });

  it('leaves officialese written with a capital mid-sentence alone: it is a name ("contact Enquire")', () => {
    // With no entry for the name (England's terms only), nothing; with Scotland's, its entry.
    const england = createAnalyser({ packs: ['england', 'plain-words'] });
    expect(england.analyse('You can contact Enquire for advice.').findings.map((f) => f.rule)).toEqual([]);
    expect(analyse('You can contact Enquire for advice.').findings.map((f) => [f.rule, f.text])).toEqual([
      ['glossary-term', 'Enquire'],
    ]);
    // The verb, at the start of a sentence, and in a title written in capitals, is still officialese.
    for (const text of [
      'Please enquire at the office.',
      'Call us. Enquire at the office.',
      'How To Enquire About Clubs',
    ])
      expect(
        plain(text).map((f) => f.text),
        text,
      ).toEqual([text.includes('enquire') ? 'enquire' : 'Enquire']);
    expect(plain('We will Utilise the room.')).toEqual([]);
    // Inside a run of capitalised words it is part of a title, read as before.
    expect(plain('Ask us about Additional Support today.').map((f) => f.text)).toEqual(['Additional']);
  });
});

describe('plain-word: verbs as written', () => {
  const first = (text: string) => {
    const [f] = plain(text);
    return f ? { text: f.text, suggestions: f.suggestions, fix: f.replacements[0]?.text } : undefined;
  };

  it('finds a verb in every form and suggests the plain word in the same form and capitals', () => {
    expect(first('We utilised the sensory room.')).toMatchObject({ text: 'utilised', fix: 'used' });
    expect(first('Liaising with the school is key.')).toMatchObject({ text: 'Liaising with', fix: 'Working with' });
    expect(first('The course commenced in May.')).toMatchObject({ text: 'commenced', fix: 'started' });
    expect(first('She commences at the new school next week.')).toMatchObject({ fix: 'starts' });
    expect(first('The SENCO liaises with health.')).toMatchObject({ text: 'liaises with', fix: 'works with' });
    expect(first('UTILISING THE ROOM')).toMatchObject({ fix: 'USING' });
  });

  it('gives the past participle after have or be', () => {
    expect(first('The form was submitted on Monday.')?.suggestions).toContain('given');
    expect(first('We submitted the form on Monday.')?.suggestions).toContain('gave');
    expect(first('They’ve submitted the form.')?.suggestions).toContain('given');
    expect(first('The review has been undertaken.')).toMatchObject({ text: 'undertaken', fix: 'done' });
    expect(first('We undertook the review.')).toMatchObject({ text: 'undertook', fix: 'did' });
  });

  it('keeps only suggestions that can stand in a verb’s place', () => {
    // "endeavour" may also mean "an effort", but "endeavoured" can only be "tried".
    expect(first('We endeavoured to call you.')?.suggestions).toEqual(['tried']);
  });
});
