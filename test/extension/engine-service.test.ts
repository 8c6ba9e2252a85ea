import { describe, expect, test } from 'vitest';
import { analyseRequest } from '../../src/extension/engine-service.js';
import { ANALYSE, isAnalyseRequest, unpack, type AnalyseRequest } from '../../src/extension/protocol.js';

const request = (text: string, extra: Partial<AnalyseRequest> = {}): AnalyseRequest => ({ type: ANALYSE, text, audience: 'parent-carer', ignore: [], ...extra });

describe('the background engine service', () => {
  test('answers with packed findings that unpack to the words in the text', () => {
    const text = 'The SENCO will review the EHCP. The EHCP is due.';
    const r = analyseRequest(request(text));
    if (!r.ok) throw new Error(r.error);
    const findings = unpack(r.spans, r.details, text);
    expect(findings.map((f) => f.text)).toEqual(['SENCO', 'EHCP', 'EHCP']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    // The two EHCP findings share one explanation on the wire, unless they differ.
    expect(r.details.length).toBeLessThanOrEqual(3);
    expect(findings[1].definition).toBeTruthy();
    expect(r.readability).toMatchObject({ maxReadingAge: 11, audienceLabel: 'Parent carers' });
  });

  test('ignores what the user ignores always; follows the audience', () => {
    const r = analyseRequest(request('The SENCO and the EHCP.', { ignore: ['senco'], audience: 'professional' }));
    if (!r.ok) throw new Error(r.error);
    expect(r.spans).toHaveLength(1);
    expect(r.readability.maxReadingAge).toBe(16);
  });

  test('refuses what is not a request', () => {
    expect(isAnalyseRequest({ type: ANALYSE, text: 'x', audience: 'parent-carer', ignore: [] })).toBe(true);
    expect(isAnalyseRequest({ type: ANALYSE, text: 1 })).toBe(false);
    expect(isAnalyseRequest(null)).toBe(false);
    const bad = analyseRequest(request('x', { audience: 'nobody' as never }));
    expect(bad.ok).toBe(false);
  });
});
