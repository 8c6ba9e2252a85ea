import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { analyse, createAnalyser } from '../../src/engine/index.js';
import { glossaryTerm } from '../../src/engine/rules/glossary-term.js';
import { miniAnalyser, miniPack } from '../helpers.js';

afterEach(() => vi.restoreAllMocks());

describe('analyser', () => {
  it('gives findings whose offsets slice to their text, in document order', () => {
    const text = 'Dear parent,\n\nThe SENCo will call. 😀 Your EHCP review is soon.\nWe utilise SEN support.';
    const { findings } = miniAnalyser().analyse(text);
    expect(findings.map((f) => f.text)).toEqual(['SENCo', 'EHCP', 'utilise', 'SEN support']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
  });

  it('re-analyses only the paragraph that changed', () => {
    const paragraphs = Array.from({ length: 40 }, (_, i) => `Paragraph ${i} talks about the EHCP and SEN support.`);
    const analyser = miniAnalyser();
    analyser.analyse(paragraphs.join('\n'));
    const check = vi.spyOn(glossaryTerm, 'check');
    paragraphs[17] += ' The SENCo agrees.';
    const after = analyser.analyse(paragraphs.join('\n'));
    expect(check).toHaveBeenCalledTimes(1);
    expect(after.findings.filter((f) => f.term === 'SENCO')).toHaveLength(1);
    expect(after.findings.filter((f) => f.term === 'EHCP')).toHaveLength(40);
  });

  it('gives the same answer from the cache as from scratch', () => {
    const text = 'The EHCP is late.\nAn Education, Health and Care plan (EHCP) is legal.\nThe EHCP is late.';
    const warm = miniAnalyser();
    warm.analyse(text);
    expect(warm.analyse(text)).toEqual(miniAnalyser().analyse(text));
  });

  it('gives the answer from scratch while lines are typed, added and removed anywhere', () => {
    const lines = ['The EHCP is late.', 'We utilise SEN support.', 'An Education, Health and Care plan (EHCP).', ''];
    const warm = miniAnalyser();
    let seed = 9;
    const next = () => (seed = (seed * 1664525 + 1013904223) >>> 0) / 2 ** 32;
    let doc = ['Dear parent,', 'The SENCo will call.'];
    for (let step = 0; step < 300; step++) {
      const at = Math.floor(next() * (doc.length + 1));
      const r = next();
      if (r < 0.3) doc.splice(at, 0, lines[Math.floor(next() * lines.length)]);
      else if (r < 0.5 && doc.length > 1) doc.splice(Math.min(at, doc.length - 1), 1);
      else if (doc.length) doc[Math.min(at, doc.length - 1)] += ' EHCP'.slice(0, 1 + Math.floor(next() * 5));
      if (doc.length > 12) doc = doc.slice(2);
      const text = doc.join('\n');
      expect(warm.analyse(text), JSON.stringify(text)).toEqual(miniAnalyser().analyse(text));
    }
  });

  it('reuses the paragraphs around an edit that adds a line above them', () => {
    const paragraphs = Array.from({ length: 12 }, (_, i) => `Paragraph ${i} talks about the EHCP.`);
    const analyser = miniAnalyser();
    analyser.analyse(paragraphs.join('\n'));
    const check = vi.spyOn(glossaryTerm, 'check');
    paragraphs.splice(3, 0, 'A new line with the SENCo.');
    const after = analyser.analyse(paragraphs.join('\n'));
    expect(check).toHaveBeenCalledTimes(1);
    expect(after).toEqual(miniAnalyser().analyse(paragraphs.join('\n')));
  });

  it('keeps no copy of a whole document for each paragraph it caches', () => {
    // A paragraph sliced from a document held all of it: typing kept a copy of the document a keystroke.
    setFlagsFromString('--expose-gc');
    const gc: () => void = runInNewContext('gc');
    const filler = 'A line that says nothing new at all.\n'.repeat(10_000); // 370 KB
    const analyser = miniAnalyser();
    let line = 'We will ask for an EHCP and see the SENCo about what the school can do next.';
    analyser.analyse(`${line}\n${filler}`);
    gc();
    const before = process.memoryUsage().heapUsed;
    for (let k = 0; k < 40; k++) analyser.analyse(`${(line += ' x')}\n${filler}`);
    gc();
    // 40 documents kept would be 15 MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(4e6);
  });

  it('reports readability per paragraph and for the whole text', () => {
    const r = miniAnalyser().analyse('We will meet.\nPlease bring the form.');
    expect(r.paragraphs.map((p) => p.readability.words)).toEqual([3, 4]);
    expect(r.readability.words).toBe(7);
    expect(r.withinAudience).toBe(true);
    expect(r.audience.id).toBe('parent-carer');
  });

  it('says when text is too hard for the audience', () => {
    const hard =
      'Notwithstanding the aforementioned considerations, the multidisciplinary assessment necessitates comprehensive documentation.';
    expect(miniAnalyser().analyse(hard).withinAudience).toBe(false);
  });

  it('ignores terms the user chose to ignore, and categories turned off', () => {
    const text = 'The EHCP and the SENCo. We utilise it.';
    expect(
      miniAnalyser({ ignore: ['ehcp'] })
        .analyse(text)
        .findings.map((f) => f.text),
    ).toEqual(['SENCo', 'utilise']);
    expect(
      miniAnalyser({ ignore: ['mini:SENCO'] })
        .analyse(text)
        .findings.map((f) => f.text),
    ).toEqual(['EHCP', 'utilise']);
    expect(
      miniAnalyser({ categories: ['plain-word'] })
        .analyse(text)
        .findings.map((f) => f.text),
    ).toEqual(['utilise']);
  });

  it('lets a later pack override a term', () => {
    const mine = {
      id: 'user',
      name: 'My terms',
      known: [],
      entries: [
        {
          term: 'EHCP',
          kind: 'acronym' as const,
          expansion: 'Education, Health and Care plan',
          definition: 'Our own words.',
          source: 'Me',
          examples: { flag: ['EHCP'] },
        },
      ],
    };
    const [f] = miniAnalyser({ extraPacks: [mine] }).analyse('The EHCP.').findings;
    expect(f.definition).toBe('Our own words.');
    expect(f.source?.pack).toBe('user');
  });

  it('rejects unknown packs and audiences with a clear message', () => {
    expect(() => analyse('x', { packs: ['nowhere'] })).toThrow(/Unknown pack "nowhere"/);
    expect(() => analyse('x', { audience: 'aliens' as never })).toThrow(/Unknown audience "aliens"/);
    expect(() => miniAnalyser().analyse(42 as never)).toThrow(/needs text/);
  });

  it('joins wrapped lines in soft mode', () => {
    const text = 'We will ask\nfor an EHC\nplan soon.';
    expect(miniAnalyser({ lineBreaks: 'soft' }).analyse(text).readability.sentences).toBe(1);
    expect(miniAnalyser().analyse(text).readability.sentences).toBe(3);
  });

  it('uses the mini pack fixture', () => {
    expect(miniPack().entries.length).toBeGreaterThan(5);
  });
});

describe('packs that share a term', () => {
  it('keep the spellings of the earlier pack when the later one wins', () => {
    const base = {
      id: 'nation',
      name: 'Nation',
      known: [],
      entries: [
        {
          term: 'statement of SEN',
          kind: 'jargon' as const,
          variants: ['statemented'],
          definition: 'Old plan.',
          source: 'Law',
          examples: { flag: ['x'] },
        },
      ],
    };
    const later = {
      id: 'later',
      name: 'Later',
      known: [],
      entries: [
        {
          term: 'statement of SEN',
          kind: 'jargon' as const,
          definition: 'The old legal plan.',
          source: 'Law',
          examples: { flag: ['x'] },
        },
      ],
    };
    const [f] = miniAnalyser({ extraPacks: [base, later] }).analyse('He was statemented in 2010.').findings;
    expect(f).toMatchObject({ text: 'statemented', definition: 'The old legal plan.', source: { pack: 'later' } });
  });
});

describe('only what is asked for', () => {
  const text = [
    'The SENCO will utilise the graduated approach and review the EHCP with the LA prior to the annual review.',
    'We spoke to the QZTM team, and this sentence goes on and on with many more words than anyone could follow easily without stopping.',
  ].join('\n');

  it('with a few categories and no readability, the findings are those of a full analysis, and the counts are zero', () => {
    const wanted = ['acronym', 'jargon'] as const;
    const full = createAnalyser()
      .analyse(text)
      .findings.filter((f) => (wanted as readonly string[]).includes(f.category));
    const words = createAnalyser({ categories: wanted, readability: false }).analyse(text);
    expect(words.findings).toEqual(full);
    expect(words.findings.map((f) => f.category)).toEqual(expect.arrayContaining(['acronym', 'jargon']));
    expect(words.readability.words).toBe(0);
    expect(createAnalyser({ categories: wanted }).analyse(text).readability.words).toBeGreaterThan(30);
  });
});

describe('one sense a text', () => {
  const terms = (text: string, analyser = createAnalyser()) =>
    analyser
      .analyse(text)
      .findings.filter((f) => f.rule === 'glossary-term')
      .map((f) => f.text);
  const alone = 'Settings must use their best endeavours.';

  it('marks an everyday word where the text shows its SEND sense elsewhere', () => {
    expect(terms(alone)).toEqual(['best endeavours']);
    expect(terms(`The SENCO at each setting will call you.\n\n${alone}`)).toEqual([
      'SENCO',
      'setting',
      'Settings',
      'best endeavours',
    ]);
  });

  it('not where the words around show another sense', () => {
    expect(terms('The SENCO at each setting will call you.\n\nWe are setting up a new club.')).toEqual([
      'SENCO',
      'setting',
    ]);
  });

  it('marks such a word inside a long sentence too (the sentence holds it, it does not take its words)', () => {
    const long =
      'Any relationship with a family needs to be built on trust, and that trust may well have been hurt at a previous setting, so take the time it needs and keep every promise that you make to them.';
    const analysis = createAnalyser().analyse(`The SENCO at each setting will call you.\n\n${long}`);
    expect(analysis.findings.some((f) => f.rule === 'long-sentence')).toBe(true);
    expect(terms(`The SENCO at each setting will call you.\n\n${long}`)).toEqual(['SENCO', 'setting', 'setting']);
  });

  it('forgets the sense when the text that showed it is edited away', () => {
    const analyser = createAnalyser();
    expect(terms(`The SENCO at each setting will call you.\n\n${alone}`, analyser)).toContain('Settings');
    expect(terms(`The SENCO will call you.\n\n${alone}`, analyser)).toEqual(['SENCO', 'best endeavours']);
  });
});
