import { describe, expect, it } from 'vitest';
import type { Pack } from '../../../src/engine/index.js';
import { miniAnalyser } from '../../helpers.js';

const found = (text: string) =>
  miniAnalyser()
    .analyse(text)
    .findings.filter((f) => f.rule === 'glossary-term' || f.rule === 'plain-word')
    .map((f) => [f.text, f.term]);

describe('glossary matching', () => {
  it('matches case variants of an acronym but not other words', () => {
    expect(found('The SENCO, the SENCo, the Senco and the SENDCo met.')).toEqual([
      ['SENCO', 'SENCO'],
      ['SENCo', 'SENCO'],
      ['Senco', 'SENCO'],
      ['SENDCo', 'SENCO'],
    ]);
    expect(found('la la la, and the Sen will ehcp')).toEqual([]);
  });

  it('matches a short form typed in odd capitals, but not a degree or a word in ordinary capitals', () => {
    expect(found('The SENCo, the SeNCO and the EHCp.')).toEqual([
      ['SENCo', 'SENCO'],
      ['SeNCO', 'SENCO'],
      ['EHCp', 'EHCP'],
    ]);
    expect(found('Ehcp and Sen: she has an MSc.')).toEqual([]);
  });

  it('matches plurals and possessives', () => {
    expect(found("EHCPs and the LA's plans")).toEqual([
      ['EHCPs', 'EHCP'],
      ['LA', 'LA'],
    ]);
  });

  it('matches punctuation and hyphenation variants of multi-word terms', () => {
    expect(found('An Education, Health and Care Plan. An Education Health and Care plan.')).toEqual([
      ['Education, Health and Care Plan', 'EHCP'],
      ['Education Health and Care plan', 'EHCP'],
    ]);
    expect(found('post-16, post 16 and Post-16')).toEqual([
      ['post-16', 'post-16'],
      ['post 16', 'post-16'],
      ['Post-16', 'post-16'],
    ]);
    expect(found('co-production and coproduction')).toEqual([
      ['co-production', 'co-production'],
      ['coproduction', 'co-production'],
    ]);
  });

  it('reads a trade mark inside a term as a space ("Lego® Based Therapy")', () => {
    expect(found('An Education® Health and Care™ Plan, and SEN™ support.')).toEqual([
      ['Education® Health and Care™ Plan', 'EHCP'],
      ['SEN™ support', 'SEN support'],
    ]);
    expect(found('Ask for SEN© support ℠ now.')).toEqual([['SEN© support', 'SEN support']]);
  });

  it('lets the longest term win', () => {
    expect(found('She is on SEN support. She has SEN.')).toEqual([
      ['SEN support', 'SEN support'],
      ['SEN', 'SEN'],
    ]);
  });

  it('does not match across a sentence end', () => {
    expect(found('We talked about SEN. Support will follow.')).toEqual([['SEN', 'SEN']]);
  });

  it('finds plain words with their case', () => {
    const f = miniAnalyser().analyse('Utilise the room.').findings[0];
    expect(f.replacements[0].text).toBe('Use');
  });
});

describe('plain expansions', () => {
  it('are not reported, and stop a shorter term inside them from being reported', () => {
    expect(found('She gets free school meals at the free school. FSM helps.')).toEqual([
      ['free school', 'free school'],
      ['FSM', 'FSM'],
    ]);
  });
});

describe('terms with punctuation of their own', () => {
  const own = (...terms: string[]): Pack => ({
    id: 'user',
    name: 'My terms',
    known: [],
    entries: terms.map((term) => ({
      term,
      kind: 'jargon',
      definition: `About ${term}.`,
      source: 'me',
      examples: { flag: [] },
    })),
  });
  const foundWith = (pack: Pack, text: string) =>
    miniAnalyser({ extraPacks: [pack] })
      .analyse(text)
      .findings.filter((f) => f.entryId?.startsWith('user:'))
      .map((f) => [f.text, f.term]);

  it('matches C#, C++ and F# as written, never the bare letter', () => {
    const pack = own('C#', 'C++', 'F#', 'C');
    expect(foundWith(own('C#'), 'Grade C in maths. C is a letter.')).toEqual([]);
    expect(foundWith(pack, 'She codes in C#, C++ and F#; her grade is a C.')).toEqual([
      ['C#', 'C#'],
      ['C++', 'C++'],
      ['F#', 'F#'],
      ['C', 'C'],
    ]);
    expect(foundWith(own('F#'), 'F sharp, F and f#.')).toEqual([['f#', 'F#']]);
  });

  it('matches punctuation before, inside and after the words', () => {
    expect(
      foundWith(own('.NET', 's.17', 'ASQ:SE'), 'We use .NET and NET; under s.17 (not s 17); ASQ:SE, not ASQ SE.'),
    ).toEqual([
      ['.NET', '.NET'],
      ['s.17', 's.17'],
      ['ASQ:SE', 'ASQ:SE'],
    ]);
    expect(foundWith(own('First-tier Tribunal (SEND)'), 'The First-tier Tribunal (SEND) met.')).toEqual([
      ['First-tier Tribunal (SEND)', 'First-tier Tribunal (SEND)'],
    ]);
  });

  it('never ends a match inside a surrogate pair', () => {
    expect(foundWith(own('X\ud83d'), 'X😀 and X\ud83d.')).toEqual([['X\ud83d', 'X\ud83d']]);
  });
});

describe('other spellings of a form', () => {
  const own = (...terms: string[]): Pack => ({
    id: 'user',
    name: 'My terms',
    known: [],
    entries: terms.map((term) => ({
      term,
      kind: 'jargon',
      definition: `About ${term}.`,
      source: 'me',
      examples: { flag: [] },
    })),
  });
  const foundWith = (pack: Pack, text: string) =>
    miniAnalyser({ extraPacks: [pack] })
      .analyse(text)
      .findings.filter((f) => f.entryId?.startsWith('user:'))
      .map((f) => f.text);

  it('finds a prefix joined or hyphenated, whichever way the glossary writes it', () => {
    const pack = own('SEND co-ordinator', 'multi-agency', 'neurodevelopmental', 'Coordinated Support Plan');
    expect(
      foundWith(
        pack,
        'The SEND coordinator and the SEND Co-ordinator; a multiagency and a multi-agency team; neuro-developmental needs; a Co-ordinated Support Plan.',
      ),
    ).toEqual([
      'SEND coordinator',
      'SEND Co-ordinator',
      'multiagency',
      'multi-agency',
      'neuro-developmental',
      'Co-ordinated Support Plan',
    ]);
  });

  it('finds "focused" and "focussed" alike, and leaves other words alone', () => {
    expect(foundWith(own('outcome focused'), 'Meetings are outcome focussed. Outcome focused too.')).toEqual([
      'outcome focussed',
      'Outcome focused',
    ]);
    expect(foundWith(own('co-ordinator'), 'A cord, a coordinate and a coop.')).toEqual([]);
  });

  it('never lets another spelling take the place of a form an entry writes', () => {
    for (const pack of [own('coordinate', 'co-ordinate'), own('co-ordinate', 'coordinate')]) {
      const terms = miniAnalyser({ extraPacks: [pack] })
        .analyse('We co-ordinate and coordinate.')
        .findings.filter((f) => f.entryId?.startsWith('user:'))
        .map((f) => [f.text, f.term]);
      expect(terms).toEqual([
        ['co-ordinate', 'co-ordinate'],
        ['coordinate', 'coordinate'],
      ]);
    }
  });

  it('lets an entry that flags a phrase win over one that knows it as a plain long form, in one pack', () => {
    const entries = [
      {
        term: 'NDD',
        kind: 'acronym' as const,
        expansion: 'neurodevelopmental disorder',
        flagExpansion: false,
        definition: 'A condition of brain growth.',
        source: 'me',
        examples: { flag: [] },
      },
      {
        term: 'neurodevelopmental',
        kind: 'jargon' as const,
        variants: ['neurodevelopmental disorder'],
        definition: 'To do with brain growth.',
        source: 'me',
        examples: { flag: [] },
      },
    ];
    for (const order of [entries, [...entries].reverse()]) {
      const pack: Pack = { id: 'user', name: 'My terms', known: [], entries: order };
      const terms = miniAnalyser({ extraPacks: [pack] })
        .analyse('Neurodevelopmental disorders and neuro-developmental disorders.')
        .findings.map((f) => [f.text, f.term]);
      expect(terms).toEqual([
        ['Neurodevelopmental disorders', 'neurodevelopmental'],
        ['neuro-developmental disorders', 'neurodevelopmental'],
      ]);
    }
  });

  it('finds a plural written with an apostrophe ("early year\'s settings"), and a curly apostrophe as a straight one', () => {
    expect(foundWith(own('early years setting'), "Early year’s settings and early year's settings.")).toEqual([
      'Early year’s settings',
      "early year's settings",
    ]);
    expect(foundWith(own("arm's length"), 'It runs at arm’s length from the council.')).toEqual(['arm’s length']);
    expect(foundWith(own('early years setting'), "The early year's end is near.")).toEqual([]);
  });
});
