import { describe, expect, test } from 'vitest';
import type { WireFinding } from '../../src/browser/messages/protocol.js';
import {
  byLetter,
  letterOf,
  listAsText,
  listWords,
  timesLabel,
  LOCAL_NAME_NOTE,
  meaningOf,
  UNKNOWN_NOTE,
} from '../../src/engine/review/word-list.js';
import { meaningKey } from '../../src/engine/identity.js';

let at = 0;
function f(text: string, more: Partial<WireFinding> = {}): WireFinding {
  const start = at;
  at += text.length + 1;
  return {
    category: 'acronym',
    rule: 'glossary-term',
    start,
    end: start + text.length,
    text,
    message: '',
    replacements: [],
    ...more,
  };
}
const ehcp = {
  term: 'EHCP',
  entryId: 'england:EHCP',
  expansion: 'Education, Health and Care plan',
  definition: 'A legal plan.',
  packName: 'SEND in England',
};
const senco = {
  term: 'SENCO',
  entryId: 'england:SENCO',
  expansion: 'special educational needs co-ordinator',
  definition: 'The teacher who leads.',
  packName: 'SEND in England',
};

describe('listWords', () => {
  test('one entry per meaning, counted, A to Z whatever the case, forms most used first', () => {
    const words = listWords([
      f('SENCo', senco),
      f('EHCP', ehcp),
      f('SENCO', senco),
      f('SENCo', senco),
      f('ordinarily available provision', {
        category: 'jargon',
        term: 'ordinarily available provision',
        entryId: 'england:oap',
        definition: 'Help any school gives.',
      }),
      f('EHCP', ehcp),
      f('WCF', { rule: 'unknown-acronym' }),
      f('WCF', { rule: 'unknown-acronym' }),
      f('apdr', {
        term: 'APDR',
        entryId: 'england:APDR',
        expansion: 'assess, plan, do, review',
        definition: 'A cycle.',
      }),
    ]);
    expect(words.map((w) => [w.term, w.count])).toEqual([
      ['APDR', 1],
      ['EHCP', 2],
      ['ordinarily available provision', 1],
      ['SENCO', 3],
      ['WCF', 2],
    ]);
    expect(words.find((w) => w.term === 'SENCO')!.forms).toEqual(['SENCo', 'SENCO']);
    expect(words.find((w) => w.term === 'WCF')!.definition).toBeUndefined();
  });

  test('a short form with two meanings on one page is two entries', () => {
    const ot1 = {
      term: 'OT',
      entryId: 'england:OT',
      expansion: 'occupational therapist',
      definition: 'Helps with everyday skills.',
    };
    const ot2 = { term: 'OT', entryId: 'england:OT', expansion: 'overtime', definition: 'Extra hours.' };
    const words = listWords([f('OT', ot1), f('OT', ot2), f('OT', ot1)]);
    expect(words.map((w) => [w.expansion, w.count])).toEqual([
      ['occupational therapist', 2],
      ['overtime', 1],
    ]);
    expect(meaningKey(f('OT', ot1))).not.toBe(meaningKey(f('OT', ot2)));
  });
});

describe('byLetter', () => {
  test('groups by first letter, numbers and signs first', () => {
    const words = listWords([
      f('SEN', { term: 'SEN', entryId: 'e:SEN' }),
      f('16-19 bursary', { term: '16-19 bursary', entryId: 'e:b' }),
      f('EHCP', ehcp),
      f('EP', { term: 'EP', entryId: 'e:EP' }),
      f('Écoles', { term: 'Écoles', entryId: 'e:e' }),
    ]);
    expect(byLetter(words).map((g) => [g.letter, g.words.map((w) => w.term)])).toEqual([
      ['#', ['16-19 bursary']],
      ['E', ['Écoles', 'EHCP', 'EP']],
      ['S', ['SEN']],
    ]);
    expect(letterOf('école')).toBe('E');
    expect(letterOf('“quoted”')).toBe('#');
  });
});

describe('listAsText', () => {
  test('a heading, the page, one line per word with its meaning and count, by letter', () => {
    const words = listWords([f('EHCP', ehcp), f('EHCP', ehcp), f('EHCP', ehcp), f('WCF', { rule: 'unknown-acronym' })]);
    const text = listAsText(words, { title: 'SEN Information Report', url: 'https://school.example/sen' });
    expect(text).toBe(
      [
        'Words on this page: SEN Information Report\nhttps://school.example/sen',
        'E\nEHCP (Education, Health and Care plan): A legal plan. (3 times on the page)',
        `W\nWCF: ${UNKNOWN_NOTE} (once on the page)`,
        'Meanings from Plain SEND.',
      ].join('\n\n') + '\n',
    );
    expect(timesLabel(2)).toBe('twice');
  });
});

describe('a word with no meaning', () => {
  test('a local name gets its own note, a short form the short-form note', () => {
    const [short, name] = listWords([
      f('Rainbow Inclusion Panel', { category: 'jargon', rule: 'local-name', term: 'Rainbow Inclusion Panel' }),
      f('QRB', { rule: 'unknown-acronym' }),
    ]).sort((a, b) => a.term.localeCompare(b.term));
    expect(meaningOf(short)).toBe(UNKNOWN_NOTE);
    expect(meaningOf(name)).toBe(LOCAL_NAME_NOTE);
  });
});
