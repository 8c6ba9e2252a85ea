import { describe, expect, test } from 'vitest';
import type { WireFinding } from '../../src/browser/messages/protocol.js';
import { diff, shift, stillValid } from '../../src/writing/spans.js';

const f = (text: string, start: number): WireFinding => ({
  category: 'acronym',
  rule: 'glossary-term',
  start,
  end: start + text.length,
  text,
  message: '',
  replacements: [],
});

describe('diff', () => {
  test('finds the single edit', () => {
    expect(diff('abc', 'abc')).toBeUndefined();
    expect(diff('The EHCP', 'The new EHCP')).toEqual({ start: 4, oldEnd: 4, newEnd: 8 });
    expect(diff('abcdef', 'abXef')).toEqual({ start: 2, oldEnd: 4, newEnd: 3 });
  });
});

describe('shift', () => {
  const before = 'The SENCO and the EHCP.';
  const findings = [f('SENCO', 4), f('EHCP', 18)];

  test('spans after an insertion move; spans before stay', () => {
    const after = 'The SENCO and then the EHCP.';
    expect(shift(findings, before, after).map((x) => [x.text, x.start])).toEqual([
      ['SENCO', 4],
      ['EHCP', 23],
    ]);
  });

  test('a span the edit touches is dropped', () => {
    expect(shift(findings, before, 'The SENCOs and the EHCP.').map((x) => x.text)).toEqual(['EHCP']);
    expect(shift(findings, before, 'The SEN and the EHCP.').map((x) => x.text)).toEqual(['EHCP']);
  });

  test('stillValid keeps only spans that hold their text', () => {
    expect(stillValid(findings, 'The SENCO and the plan.').map((x) => x.text)).toEqual(['SENCO']);
  });
});

describe('pack and unpack', () => {
  test('each distinct explanation travels once; findings come back whole', async () => {
    const { pack, unpack } = await import('../../src/browser/messages/protocol.js');
    const text = 'The EHCP and the EHCP.';
    const ehcp = (start: number, explained?: boolean): WireFinding => ({
      ...f('EHCP', start),
      message: 'A plan.',
      definition: 'A legal plan.',
      replacements: [{ label: 'Explain at first use', text: 'Education, Health and Care plan (EHCP)' }],
      ...(explained === undefined ? {} : { explained }),
    });
    const findings = [ehcp(4, false), ehcp(17, false)];
    const packed = pack(findings);
    expect(packed.details).toHaveLength(1);
    expect(packed.spans.map((s) => s.detail)).toEqual([0, 0]);
    expect(unpack(packed.spans, packed.details, text)).toEqual(findings);
    // Spans that do not fit the text are dropped.
    expect(unpack(packed.spans, packed.details, 'The EHCP')).toHaveLength(1);
  });
});
