/** Everyday words marked only in their SEND sense: an entry's `context` (src/engine/glossary/in-context.ts). */
import { readFileSync } from 'node:fs';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { createAnalyser, type AnalyseOptions } from '../../../src/engine/index.js';
import type { DictionaryEntry, EntryContext, Pack } from '../../../src/engine/dictionary/schema.js';
import { validateDictionary } from '../../../src/engine/dictionary/validate.js';

function entry(term: string, context: EntryContext, more: Partial<DictionaryEntry> = {}): DictionaryEntry {
  return {
    term,
    kind: 'jargon',
    definition: `The SEND sense of ${term}.`,
    source: 'test',
    examples: { flag: [] },
    context,
    ...more,
  };
}

function withoutContext(term: string): DictionaryEntry {
  return { term, kind: 'jargon', definition: `What ${term} means.`, source: 'test', examples: { flag: [] } };
}

function marks(entries: DictionaryEntry[], text: string, options: AnalyseOptions = {}): string[] {
  const pack: Pack = { id: 't', name: 'Test', known: [], entries };
  return createAnalyser({ available: [pack], packs: ['t'], ...options })
    .analyse(text)
    .findings.filter((f) => f.rule === 'glossary-term')
    .map((f) => f.text);
}

describe('context: an everyday word in its SEND sense', () => {
  const setting = entry('setting', { when: [{ before: ['early years', 'specialist'] }, { after: ['and schools'] }] });

  it('marks the word after a word or phrase given in "before", and not elsewhere', () => {
    expect(marks([setting], 'Early years settings must publish it.')).toEqual(['settings']);
    expect(marks([setting], 'Specialist setting places are few.')).toEqual(['setting']);
    expect(marks([setting], 'Change the settings on your phone.')).toEqual([]);
    // "early" alone is half the phrase.
    expect(marks([setting], 'An early setting of the alarm.')).toEqual([]);
  });

  it('marks the word before a phrase given in "after"', () => {
    expect(marks([setting], 'Settings and schools must publish it.')).toEqual(['Settings']);
    expect(marks([setting], 'Settings and more settings.')).toEqual([]);
  });

  it('reads "before" and "after" within one sentence, across spaces, commas and slashes only', () => {
    expect(marks([setting], 'We met the specialist. Settings were changed.')).toEqual([]);
    expect(marks([setting], 'Ask a specialist (settings are in the menu).')).toEqual([]);
    expect(marks([setting], 'Talk to the settings, and schools too.')).toEqual(['settings']);
    expect(marks([setting], 'A specialist / setting place.')).toEqual(['setting']);
    // Each word of a phrase joined to the next: "early: years settings" is not "early years settings".
    expect(marks([setting], 'It was early: years settings.')).toEqual([]);
  });

  it('leaves the words of a form out of its sense to the next-best match, shorter or later', () => {
    const schoolAction = entry('school action', { when: [{ capitals: true }] });
    const actionPlan = withoutContext('action plan');
    // "school action" is not in its sense here, so it does not take "action" from "action plan".
    expect(marks([schoolAction, actionPlan], 'We wrote a school action plan.')).toEqual(['action plan']);
    expect(marks([schoolAction, actionPlan], 'She was on School Action last year.')).toEqual(['School Action']);
    const resourcePanel = entry('resource panel', { when: [{ sentence: ['funding'] }] });
    const panel = withoutContext('panel');
    expect(marks([resourcePanel, panel], 'The resource panel met on Monday.')).toEqual(['panel']);
    expect(marks([resourcePanel, panel], 'The resource panel decides on funding.')).toEqual(['resource panel']);
  });

  it('counts a plural in the text as the singular a cue gives', () => {
    const panel = entry('panel', { when: [{ before: ['resource'], sentence: ['school'] }] });
    expect(marks([panel], 'The resources panel will name the schools.')).toEqual(['panel']);
  });

  it('marks the word when a "sentence" word is in the same sentence, not the next', () => {
    const panel = entry('panel', { when: [{ sentence: ['decide', 'EHCP'] }] });
    expect(marks([panel], 'The panel will decide.')).toEqual(['panel']);
    expect(marks([panel], 'The panel will meet. They decide in May.')).toEqual([]);
    expect(marks([panel], 'The panel will meet.\nThey decide in May.')).toEqual([]);
  });

  it('counts a "sentence" word written with capitals only in capitals ("SEN", not "send")', () => {
    const statement = entry('statement', { when: [{ sentence: ['SEND', 'EHCPs'] }] });
    expect(marks([statement], 'Children with SEND may have a statement.')).toEqual(['statement']);
    expect(marks([statement], 'We will send a statement.')).toEqual([]);
    expect(marks([statement], 'Her statement became one of the EHCPs.')).toEqual(['statement']);
  });

  it('needs every part of one pattern, and any one pattern', () => {
    const panel = entry('panel', { when: [{ before: ['the'], sentence: ['decide'] }, { before: ['funding'] }] });
    expect(marks([panel], 'The panel will decide.')).toEqual(['panel']);
    expect(marks([panel], 'The panel is on the wall.')).toEqual([]);
    expect(marks([panel], 'A panel will decide.')).toEqual([]);
    expect(marks([panel], 'Ask the funding panel.')).toEqual(['panel']);
  });

  it('marks a word written with capitals where a pattern asks for capitals', () => {
    const action = entry('School Action', { when: [{ capitals: true }, { sentence: ['SEN'] }] });
    expect(marks([action], 'He was on School Action.')).toEqual(['School Action']);
    expect(marks([action], 'The school action was quick.')).toEqual([]);
    expect(marks([action], 'The school action for SEN was quick.')).toEqual(['school action']);
  });

  it('never marks the word where a part of "unless" holds, whatever "when" says', () => {
    const panel = entry('panel', {
      when: [{ before: ['the'] }],
      unless: { after: ['discussion'], before: ['solar'], sentence: ['judges'] },
    });
    expect(marks([panel], 'The panel will meet.')).toEqual(['panel']);
    expect(marks([panel], 'The panel discussion was fun.')).toEqual([]);
    expect(marks([panel], 'The judges sat on the panel.')).toEqual([]);
    // Only "unless": marked everywhere else.
    const plan = entry('school action', { unless: { after: ['plan'] } });
    expect(marks([plan], 'Our school action plan.')).toEqual([]);
    expect(marks([plan], 'He was on school action.')).toEqual(['school action']);
  });

  it('leaves every other entry as it was, and a longer term wins as before', () => {
    const setting = entry('setting', { when: [{ before: ['specialist'] }] });
    const early: DictionaryEntry = { ...entry('early years setting', {}), context: undefined };
    expect(marks([setting, early], 'Your early years setting and your settings.')).toEqual(['early years setting']);
  });

  it('lets other rules have the words it does not mark: a local name ending in the word is still a local name', () => {
    const panel = entry('panel', { when: [{ before: ['the', 'a'] }] });
    const pack: Pack = { id: 't', name: 'Test', known: [], entries: [panel] };
    const findings = createAnalyser({ available: [pack], packs: ['t'] }).analyse(
      'Your request will go to the Inclusion Support Panel in May.',
    ).findings;
    expect(findings.map((f) => [f.rule, f.text])).toEqual([['local-name', 'Inclusion Support Panel']]);
  });

  it('works in a user’s own terms, as extra packs', () => {
    const own: Pack = {
      id: 'own',
      name: 'Own',
      known: [],
      entries: [entry('hub', { when: [{ before: ['inclusion'] }] })],
    };
    const analyser = createAnalyser({ available: [], packs: [], extraPacks: [own] });
    expect(analyser.analyse('Go to the inclusion hub.').findings.map((f) => f.text)).toEqual(['hub']);
    expect(analyser.analyse('The hub of the wheel.').findings.map((f) => f.text)).toEqual([]);
  });
});

describe('context: checking a dictionary file', () => {
  const file = (context: unknown) => ({
    pack: 'my-school',
    name: 'My school',
    entries: [
      {
        term: 'setting',
        kind: 'jargon',
        definition: 'A nursery or school.',
        source: 'Us',
        examples: { flag: ['x'] },
        context,
      },
    ],
  });
  const errors = (context: unknown) => validateDictionary(file(context)).errors;

  it('accepts patterns of before, after, sentence and capitals, and unless', () => {
    expect(
      errors({
        when: [{ before: ['early years'], sentence: ['SEN'] }, { after: ['and schools'] }, { capitals: true }],
        unless: { after: ['up'], sentence: ['phone'] },
      }),
    ).toEqual([]);
    expect(errors({ unless: { after: ['up'] } })).toEqual([]);
  });

  it('says what is wrong, naming the entry', () => {
    expect(errors('early years')).toEqual([
      'Entry 1 ("setting"): "context" must have "when" (a list of patterns), "unless", or both.',
    ]);
    expect(errors({ when: [] })).toEqual([
      'Entry 1 ("setting"): "context.when" must be a list of patterns, such as [{ before: [early years] }].',
    ]);
    expect(errors({ when: [{ befor: ['a'] }] })).toEqual([
      'Entry 1 ("setting"): "context.when" pattern 1 has an unknown field "befor" (use before, after, sentence, capitals).',
      'Entry 1 ("setting"): "context.when" pattern 1 needs at least one of before, after, sentence, capitals.',
    ]);
    expect(errors({ when: [{ before: 'early years' }] })).toEqual([
      'Entry 1 ("setting"): "context.when" pattern 1: "before" must be a list of words or phrases.',
    ]);
    expect(errors({ when: [{ sentence: ['early years'] }] })).toEqual([
      'Entry 1 ("setting"): "context.when" pattern 1: "sentence" has "early years"; give single words there (a phrase goes in "before" or "after").',
    ]);
    expect(errors({ when: [{ after: ['one two three four five'] }] })).toEqual([
      'Entry 1 ("setting"): "context.when" pattern 1: "after" has "one two three four five"; keep each phrase to 4 words or fewer.',
    ]);
    expect(errors({ when: [{ before: ['--'] }] })).toEqual([
      'Entry 1 ("setting"): "context.when" pattern 1: "before" has "--", which has no letters or digits.',
    ]);
    expect(errors({ when: [{ capitals: 'yes' }] })).toEqual([
      'Entry 1 ("setting"): "context.when" pattern 1: "capitals" can only be true (leave it out otherwise).',
    ]);
    expect(errors({ unless: { capitals: true } })).toEqual([
      'Entry 1 ("setting"): "context.unless" has an unknown field "capitals" (use before, after, sentence).',
      'Entry 1 ("setting"): "context.unless" needs at least one of before, after, sentence.',
    ]);
    expect(errors({ when: ['early years'] })).toEqual([
      'Entry 1 ("setting"): "context.when" pattern 1 must be a set of fields: before, after, sentence, capitals.',
    ]);
    expect(errors({ when: [{ before: ['a'] }], sometimes: true })).toEqual([
      'Entry 1 ("setting"): "context" has an unknown field "sometimes" (use when or unless).',
    ]);
  });

  it('agrees with the JSON Schema editors use', () => {
    const schema = JSON.parse(
      readFileSync(new URL('../../../dictionaries/dictionary.schema.json', import.meta.url), 'utf8'),
    );
    const validate = new Ajv({ allErrors: true }).compile(schema);
    const good = [
      { when: [{ before: ['early years'], sentence: ['SEN'] }, { capitals: true }], unless: { after: ['up'] } },
    ];
    const bad = [
      {},
      { when: [] },
      { when: [{}] },
      { when: [{ befor: ['a'] }] },
      { when: [{ capitals: false }] },
      { unless: { capitals: true } },
    ];
    for (const c of good) expect([validate(file(c)), errors(c)]).toEqual([true, []]);
    for (const c of bad) {
      expect(validate(file(c)), JSON.stringify(c)).toBe(false);
      expect(errors(c).length, JSON.stringify(c)).toBeGreaterThan(0);
    }
  });
});
