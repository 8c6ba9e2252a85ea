/**
 * The other readers' lists (test/fixtures/uk-eval/readers/) are sound, and the agreement script
 * scores readers the way the evaluator scores the engine.
 */
import { describe, expect, it } from 'vitest';
import { agreement, allAgreements, loadReaders } from '../../scripts/agreement.js';
import { conflictsWithDecisions, loadUkPassages, scorePassage } from '../../scripts/evaluation.js';

const passages = loadUkPassages();
const byId = new Map(passages.map((p) => [p.id, p]));
const readers = loadReaders();

describe('the other readers', () => {
  it('each read dev passages only, each once, and wrote every form as it stands in its passage', () => {
    expect(readers.map((r) => r.name)).toContain('B');
    for (const { passages: second } of readers) {
      expect(second.length).toBeGreaterThanOrEqual(20);
      expect(new Set(second.map((b) => b.id)).size).toBe(second.length);
      for (const b of second) {
        const p = byId.get(b.id);
        expect(p?.split, b.id).toBe('dev');
        for (const form of [...b.jargon, ...(b.plain ?? []), ...(b.neutral ?? [])])
          expect(p!.text, `${b.id}: ${form}`).toContain(form);
        expect(conflictsWithDecisions(b), b.id).toEqual([]);
      }
    }
  });

  it('refuses a passage that is not in the dev split', () => {
    const heldBack = passages.find((p) => p.split === 'held-back')!;
    expect(() => agreement([{ id: heldBack.id, jargon: [] }], passages)).toThrow(/not a dev passage/);
  });
});

describe('scoring one reader against another', () => {
  const some = passages.filter((p) => p.split === 'dev').slice(0, 6);

  it('gives a reader full marks against itself', () => {
    const same = agreement(
      some.map((p) => ({ id: p.id, jargon: p.jargon, plain: p.plain, neutral: p.neutral })),
      passages,
    );
    expect(same.secondAgainstFirst.gold).toBeGreaterThan(0);
    expect(same.secondAgainstFirst.recall).toBe(1);
    expect(same.secondAgainstFirst.precision).toBe(1);
    expect(same.firstOnly).toEqual({ neutral: 0, plain: 0, unlisted: 0 });
  });

  it('scores the engine against the first reader exactly as the evaluator does', () => {
    const a = agreement(
      some.map((p) => ({ id: p.id, jargon: [] })),
      passages,
    );
    const scores = some.map((p) => scorePassage(p));
    expect(a.engineAgainstFirst.gold).toBe(scores.reduce((n, s) => n + s.gold, 0));
    expect(a.engineAgainstFirst.found).toBe(scores.reduce((n, s) => n + s.found, 0));
    expect(a.engineAgainstFirst.marks).toBe(scores.reduce((n, s) => n + s.findings, 0));
    expect(a.engineAgainstFirst.correct).toBe(scores.reduce((n, s) => n + s.correct, 0));
  });

  it("splits the engine's marks against the second reader by rule, adding up to its whole", () => {
    const same = agreement(
      some.map((p) => ({ id: p.id, jargon: p.jargon, plain: p.plain, neutral: p.neutral })),
      passages,
    );
    const rules = [...same.engineRulesAgainstSecond.values()];
    expect(rules.reduce((n, t) => n + t.marks, 0)).toBe(same.engineAgainstSecond.marks);
    expect(rules.reduce((n, t) => n + t.correct, 0)).toBe(same.engineAgainstSecond.correct);
    expect(same.engineRulesAgainstSecond.get('glossary-term')!.marks).toBeGreaterThan(0);
  });

  it('counts a mention one reader leaves to the text as a miss for the other, not a false mark', () => {
    const p = some.find((x) => x.jargon.length > 0)!;
    const form = p.jargon[0];
    const a = agreement(
      [{ id: p.id, jargon: p.jargon.slice(1), plain: p.plain, neutral: [...(p.neutral ?? []), form] }],
      passages,
    );
    expect(a.secondAgainstFirst.recall).toBeLessThan(1);
    expect(a.secondAgainstFirst.precision).toBe(1);
    expect(a.firstOnly.neutral).toBeGreaterThan(0);
  });

  it('scores two other readers against each other on the passages both read', () => {
    const [p, q] = some;
    const b = [p, q].map((x) => ({ id: x.id, jargon: x.jargon, plain: x.plain, neutral: x.neutral }));
    const c = [{ ...b[0], jargon: [] }];
    const pairs = allAgreements(
      [
        { name: 'B', passages: b },
        { name: 'C', passages: c },
      ],
      passages,
    );
    expect(pairs.map((x) => `${x.first}-${x.second}`)).toEqual(['A-B', 'A-C', 'B-C']);
    const bc = pairs[2].agreement;
    expect(bc.passages).toBe(1);
    expect(bc.secondAgainstFirst.found).toBe(0);
    expect(bc.firstAgainstSecond.marks).toBe(bc.secondAgainstFirst.gold);
    expect(pairs[0].agreement.secondAgainstFirst.recall).toBe(1);
    // Readers of passages no other reader read make no pair.
    const d = [{ id: some[2].id, jargon: [] }];
    const three = allAgreements(
      [
        { name: 'B', passages: b },
        { name: 'D', passages: d },
      ],
      passages,
    );
    expect(three.map((x) => `${x.first}-${x.second}`)).toEqual(['A-B', 'A-D']);
  });
});
