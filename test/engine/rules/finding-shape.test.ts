import { describe, expect, it } from 'vitest';
import { createAnalyser } from '../../../src/engine/index.js';
import { PARAGRAPH_RULES } from '../../../src/engine/rules/index.js';

/** Every field a finding may have, in the one order every rule writes them (rule.ts, `makeFinding`). */
const FIELDS = [
  'category',
  'rule',
  'start',
  'end',
  'text',
  'message',
  'term',
  'expansion',
  'definition',
  'suggestions',
  'replacements',
  'explained',
  'entryId',
  'source',
];

// Each rule's own examples, and text every rule finds something in, spelling out a short form it knows.
const TEXT = [
  ...PARAGRAPH_RULES.flatMap((r) => r.examples.flag),
  'An Education, Health and Care Plan (EHCP) sets out help. The EHCP and the QRB are reviewed by the Inclusion Support Panel.',
].join('\n');

describe('findings', () => {
  it('have one shape whichever rule made them, so a document copies them cheaply', () => {
    const { findings } = createAnalyser().analyse(TEXT);
    const rules = new Set(findings.map((f) => f.rule));
    for (const r of PARAGRAPH_RULES) expect(rules).toContain(r.id);
    for (const f of findings) expect(Object.keys(f)).toEqual(FIELDS);
  });

  it('in JSON, leave out the fields a rule has no value for', () => {
    const { findings } = createAnalyser().analyse('This sentence is fine but the QRB is not known to us.');
    const [f] = findings;
    expect(f.rule).toBe('unknown-acronym');
    expect(Object.keys(JSON.parse(JSON.stringify(f)))).toEqual([
      'category',
      'rule',
      'start',
      'end',
      'text',
      'message',
      'term',
      'suggestions',
      'replacements',
      'explained',
    ]);
  });

  it('are the document’s own: changing one changes nothing the analyser keeps', () => {
    const analyser = createAnalyser();
    const text = `Intro line.\n${TEXT}`;
    const first = analyser.analyse(text);
    const want = JSON.stringify(first);
    for (const f of first.findings) {
      f.start += 1000;
      f.message = 'changed';
      f.replacements.push({ label: 'x', text: 'y' });
      f.explained = !f.explained;
    }
    // Every paragraph reused from the last document, then from the cache (another document between).
    expect(JSON.stringify(analyser.analyse(text))).toBe(want);
    analyser.analyse('Something else.');
    expect(JSON.stringify(analyser.analyse(text))).toBe(want);
  });
});
