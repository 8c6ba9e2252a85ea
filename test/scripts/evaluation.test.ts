/**
 * The engine against the hand annotation of the seed documents: both figures must stay above 90%.
 * The UK set is checked for soundness only: its figures are reported by `npm run evaluate`, with no
 * threshold yet, while the glossary grows.
 */
import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import {
  checkUkPassages,
  conflictsWithDecisions,
  ENGLISH_REGIONS,
  goldMentions,
  groupTotals,
  heldBackByRule,
  KINDS,
  loadAnnotations,
  loadUkPassages,
  localAuthorities,
  termDecisions,
  NATIONS,
  scoreDocument,
  scoreText,
  totals,
  type PassageScore,
  type UkPassage,
} from '../../scripts/evaluation.js';

describe('evaluation on the annotated seed documents', () => {
  const scores = loadAnnotations().map((d) => scoreDocument(d));

  it('keeps recall and precision above 90%', () => {
    const t = totals(scores);
    expect(t.gold).toBeGreaterThan(500);
    expect(t.recall).toBeGreaterThan(0.9);
    expect(t.precision).toBeGreaterThan(0.9);
  });

  it('merges overlapping gold mentions and accepts plurals and possessives', () => {
    const text = "The SEND Local Offer and the LA's EHCPs. The Local Offer.";
    expect(
      goldMentions(text, ['SEND Local Offer', 'Local Offer', 'LA', 'EHCP']).map((m) => text.slice(m.start, m.end)),
    ).toEqual(['SEND Local Offer', "LA's", 'EHCPs', 'Local Offer']);
  });

  it('lists no form against the decisions every document follows (test/fixtures/terms.yaml)', () => {
    const problems = loadAnnotations().flatMap((d) => conflictsWithDecisions(d).map((c) => `${d.file}: ${c}`));
    expect(problems).toEqual([]);
  });

  it('accepts a plural inside a form, not just at its end', () => {
    const text = 'Two requests for assistance came; one request-for-assistance form. A request forassistance.';
    expect(goldMentions(text, ['request for assistance']).map((m) => text.slice(m.start, m.end))).toEqual([
      'requests for assistance',
      'request-for-assistance',
    ]);
  });

  it('takes no mention from inside a web or email address (plain by the guide)', () => {
    const text =
      'See the Local Offer at https://example.gov.uk/send-local-offer or www.local-offer.org, or mail local.offer@example.gov.uk.';
    expect(goldMentions(text, ['Local Offer']).map((m) => text.slice(m.start, m.end))).toEqual(['Local Offer']);
  });

  it('finds the singular of a form listed in the plural, but not of a short form', () => {
    const text = 'What is a Short Break? Short Breaks help. A tribunal. CAMH is not CAMHS. Access.';
    expect(
      goldMentions(text, ['Short Breaks', 'Tribunals', 'CAMHS', 'Access']).map((m) => text.slice(m.start, m.end)),
    ).toEqual(['Short Break', 'Short Breaks', 'tribunal', 'CAMHS', 'Access']);
    // A plural in "ies" finds its singular in "y"; a short word in "ies" is left as written.
    const bodies = 'Each awarding body, and the awarding bodies, agree. Ties.';
    expect(goldMentions(bodies, ['awarding bodies', 'Ties']).map((m) => bodies.slice(m.start, m.end))).toEqual([
      'awarding body',
      'awarding bodies',
      'Ties',
    ]);
  });

  it('matches acronyms with their capitals only', () => {
    expect(goldMentions('send it to the SEND team', ['SEND'])).toHaveLength(1);
  });
});

describe('the UK evaluation set', () => {
  const passages = loadUkPassages();

  it('is sound: every field, known nations, kinds and splits, terms that occur in their text', () => {
    expect(checkUkPassages(passages)).toEqual([]);
  });

  it('looks like the UK: 60+ passages, 30+ local areas, every nation and English region, every kind', () => {
    expect(passages.length).toBeGreaterThanOrEqual(60);
    expect(localAuthorities(passages).size).toBeGreaterThanOrEqual(30);
    const count = (nation: string) => passages.filter((p) => p.nation === nation).length;
    for (const nation of ['wales', 'scotland', 'northern-ireland']) expect(count(nation)).toBeGreaterThanOrEqual(4);
    const regions = new Set(passages.filter((p) => p.nation === 'england').map((p) => p.region));
    for (const region of ENGLISH_REGIONS.filter((r) => r !== 'national')) expect(regions).toContain(region);
    expect(new Set(passages.map((p) => p.kind))).toEqual(new Set(KINDS));
  });

  it('holds back about a third of every batch, in every nation', () => {
    const batches = [...new Set(passages.map((p) => p.batch))];
    expect(batches.length).toBeGreaterThanOrEqual(2);
    for (const batch of batches) {
      // A nation the batch quotes once cannot hold that passage back (the rule keeps the first of each
      // nation in dev), so the third is counted over the nations it quotes at least twice (batch 20 has
      // one passage each from Wales, Scotland and Northern Ireland).
      const all = passages.filter((p) => p.batch === batch);
      const twice = NATIONS.filter((n) => all.filter((p) => p.nation === n).length >= 2);
      const own = all.filter((p) => twice.includes(p.nation));
      const held = own.filter((p) => p.split === 'held-back').length;
      // The second of every three in each nation: a nation's pair gives one of two, so a small batch may
      // hold back a little over a third (batch 19: 4 of 11 English passages, 1 of 2 Scottish and Irish).
      expect(held / own.length, batch).toBeGreaterThan(0.28);
      expect(held / own.length, batch).toBeLessThan(0.42);
      // Every nation the batch quotes at least twice: a batch may come from some nations only (batch 12
      // the devolved nations, batch 14 England).
      for (const nation of twice) {
        expect(
          own.filter((p) => p.nation === nation && p.split === 'held-back').length,
          `${batch} ${nation}`,
        ).toBeGreaterThan(0);
      }
    }
  });

  it('names each fault in a broken passage', () => {
    const good = passages[0];
    const broken = [
      { ...good, id: 'x1', publisher: '', nation: 'mars', jargon: ['not in the text at all'] },
      { ...good, id: 'x1', kind: 'blog', plain: ['SEND', 'SEND'] },
    ] as unknown as UkPassage[];
    const problems = checkUkPassages(broken).join('\n');
    expect(problems).toContain('x1: publisher is missing or empty');
    expect(problems).toContain('x1: unknown nation "mars"');
    expect(problems).toContain('x1: jargon "not in the text at all" does not occur in the text');
    expect(problems).toContain('x1: id used twice');
    expect(problems).toContain('x1: unknown kind "blog"');
  });

  it('names a form a passage lists against a decision for every document', () => {
    const decided = termDecisions();
    expect(decided.jargon).toContain('ADHD');
    expect(decided.neutral).toContain('local authority');
    const broken = [{ ...passages[0], plain: ['ADHD'], jargon: ['Local Authorities'] }] as UkPassage[];
    expect(conflictsWithDecisions(broken[0])).toEqual([
      'jargon "Local Authorities" is neutral for every document (test/fixtures/terms.yaml)',
      'plain "ADHD" is jargon for every document (test/fixtures/terms.yaml)',
    ]);
  });
});

describe('scoring by group', () => {
  const score = (id: string, nation: string, split: string, s: Partial<PassageScore>): PassageScore => ({
    file: id,
    id,
    nation,
    kind: 'council',
    split,
    batch: 'passages.yaml',
    findings: 0,
    correct: 0,
    gold: 0,
    found: 0,
    precision: 1,
    recall: 1,
    missed: new Map(),
    wrong: new Map(),
    wrongPlain: new Map(),
    neutral: 0,
    byRule: new Map(),
    ...s,
  });

  it('sums mentions and findings per group before dividing, and merges the lists', () => {
    const scores = [
      score('a', 'wales', 'dev', {
        findings: 4,
        correct: 3,
        gold: 10,
        found: 5,
        missed: new Map([['ALP', 2]]),
        byRule: new Map([['local-name', { marks: 2, correct: 1 }]]),
      }),
      score('b', 'wales', 'held-back', {
        findings: 6,
        correct: 6,
        gold: 2,
        found: 2,
        byRule: new Map([['local-name', { marks: 1, correct: 0 }]]),
      }),
      score('c', 'scotland', 'dev', {
        findings: 0,
        gold: 4,
        found: 1,
        missed: new Map([
          ['ALP', 1],
          ['CSP', 3],
        ]),
      }),
    ];
    const byNation = groupTotals(scores, (s) => s.nation);
    expect([...byNation.keys()]).toEqual(['wales', 'scotland']);
    const wales = byNation.get('wales')!;
    expect(wales.passages).toBe(2);
    expect(wales.recall).toBeCloseTo(7 / 12);
    expect(wales.precision).toBeCloseTo(9 / 10);
    expect(byNation.get('scotland')!.precision).toBe(1);
    const dev = groupTotals(scores, (s) => s.split).get('dev')!;
    expect(dev.recall).toBeCloseTo(6 / 14);
    expect(wales.byRule.get('local-name')).toEqual({ marks: 3, correct: 1 });
    expect([...dev.missed]).toEqual([
      ['ALP', 3],
      ['CSP', 3],
    ]);
  });

  it('tells a false mark on a plain look-alike from one on text not annotated', () => {
    const s = scoreText('The SEND team met. The SEND team wrote.', [], ['SEND team met']);
    expect(s.findings).toBe(2);
    expect(s.correct).toBe(0);
    const sum = (m: Map<string, number>) => [...m.values()].reduce((a, b) => a + b, 0);
    expect(sum(s.wrong)).toBe(2);
    expect(sum(s.wrongPlain)).toBe(1);
    expect(s.precision).toBe(0);
  });

  it("counts each rule's marks and how many of them were right", () => {
    const s = scoreText('Ask the SENCo. The Inclusion Support Panel meets. The Harbour Toolkit helps.', [
      'SENCo',
      'Inclusion Support Panel',
    ]);
    expect(s.byRule.get('glossary-term')).toEqual({ marks: 1, correct: 1 });
    expect(s.byRule.get('local-name')).toEqual({ marks: 2, correct: 1 });
    const sum = [...s.byRule.values()].reduce((n, t) => n + t.marks, 0);
    expect(sum).toBe(s.findings);
  });

  it('scores neutral text neither way: not gold, and a finding there is not counted', () => {
    const none = { jargon: [], plain: [], neutral: [] };
    const text = 'The SENCo and the LA met. Ask the LA.';
    const plain = scoreText(text, ['SENCo'], [], undefined, [], none);
    expect(plain.findings).toBe(3);
    expect(plain.correct).toBe(1);
    const open = scoreText(text, ['SENCo'], [], undefined, ['LA'], none);
    expect(open.findings).toBe(1);
    expect(open.correct).toBe(1);
    expect(open.neutral).toBe(2);
    expect(open.precision).toBe(1);
    // A jargon form inside a longer neutral one is not a miss either.
    const gone = scoreText('Your local authority will write.', ['authority'], [], undefined, ['local authority'], none);
    expect(gone.gold).toBe(0);
  });

  it('lets the longer of a neutral and a listed span win, the listed one when they are as long', () => {
    const none = { jargon: [], plain: [], neutral: ['parent carer'] };
    const s = scoreText('Join the parent carer forum.', ['parent carer forum'], [], undefined, [], none);
    expect(s.gold).toBe(1);
    expect(s.found).toBe(1);
    // "Ep" (a colour code) left out of both, in any case, does not hide the acronym EP.
    const t = scoreText('The EP will visit.', ['EP'], [], undefined, ['Ep'], { jargon: [], plain: [], neutral: [] });
    expect(t.gold).toBe(1);
  });

  it('applies the decisions for every document where the text does not list them', () => {
    const s = scoreText('He has ADHD. The local authority will decide.', [], [], undefined, [], {
      jargon: ['ADHD'],
      plain: [],
      neutral: ['local authority'],
    });
    expect(s.gold).toBe(1);
    expect(s.found).toBe(1);
    expect(s.neutral).toBe(1);
    expect(s.precision).toBe(1);
  });

  it('holds back every third passage of a nation, in order of kind and id, from the second', () => {
    const p = (id: string, nation: string, kind: string) => ({ id, nation, kind }) as UkPassage;
    const held = heldBackByRule([
      p('w3', 'wales', 'school'),
      p('w1', 'wales', 'council'),
      p('w2', 'wales', 'council'),
      p('w4', 'wales', 'school'),
      p('w5', 'wales', 'nhs'),
      p('s1', 'scotland', 'council'),
    ]);
    // wales in order: w1, w2, w5 (nhs), w3, w4 (school) -> w2 and w4
    expect([...held].sort()).toEqual(['w2', 'w4']);
  });

  it('holds back a third of each batch on its own, so a later batch never moves an earlier passage', () => {
    const p = (id: string, batch: string) => ({ id, nation: 'wales', kind: 'council', batch }) as UkPassage;
    const first = ['a1', 'a2', 'a3'].map((id) => p(id, 'passages.yaml'));
    const before = heldBackByRule(first);
    const after = heldBackByRule([...first, ...['a0', 'b1', 'b2'].map((id) => p(id, 'passages-2.yaml'))]);
    expect([...before]).toEqual(['a2']);
    // 'a0' sorts first, but in a batch of its own: 'a2' stays held back and 'b1' joins it.
    expect([...after].sort()).toEqual(['a2', 'b1']);
  });
});

describe('npm run evaluate -- --context', () => {
  it('prints lines of dev passages only, with the marks on them and how the passage lists the form', () => {
    const root = new URL('../../', import.meta.url).pathname;
    const out = execFileSync(process.execPath, ['--import', 'tsx', 'scripts/evaluate.ts', '--context', 'SENCO'], {
      cwd: root,
      encoding: 'utf8',
    });
    const passages = loadUkPassages();
    const dev = new Set(passages.filter((p) => p.split === 'dev').map((p) => p.id));
    const printed = [...out.matchAll(/^\[([^,\]]+), [a-z-]+\] /gm)].map((m) => m[1]);
    expect(printed.length).toBeGreaterThan(3);
    expect(printed.filter((id) => !dev.has(id))).toEqual([]);
    expect(out).toMatch(/marked: .*SENCO \(glossary-term\)/);
    expect(out).toMatch(/listed: jargon "SENCO"/);
    // The figures are not printed: only the lines asked for.
    expect(out).not.toMatch(/recall/);
  }, 60_000);
});
