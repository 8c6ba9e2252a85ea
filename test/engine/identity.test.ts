import { describe, expect, it } from 'vitest';
import { createAnalyser, ignoreKey, isIgnored, meaningKey } from '../../src/engine/index.js';

describe('finding identity', () => {
  const analyser = createAnalyser();
  const find = (text: string, what: string) => {
    const f = analyser.analyse(text).findings.find((x) => x.text === what);
    if (!f) throw new Error(`no finding for ${what}`);
    return f;
  };

  it('ignores a glossary term by its entry, whichever form was written', () => {
    const a = find('We will review the EHCP soon.', 'EHCP');
    const b = find('Her EHC plan says so.', 'EHC plan');
    expect(ignoreKey(a)).toBe(ignoreKey(b));
    const again = createAnalyser({ ignore: [ignoreKey(a)] });
    expect(again.analyse('Her EHC plan and the EHCP.').findings.filter((f) => f.entryId === a.entryId)).toEqual([]);
  });

  it('ignores an unknown short form by its text, in any case', () => {
    const f = find('Please ask the ZQX team.', 'ZQX');
    expect(f.entryId).toBeUndefined();
    expect(ignoreKey(f)).toBe('zqx');
    expect(isIgnored(f, new Set(['zqx']))).toBe(true);
    expect(isIgnored(f, new Set(['zq']))).toBe(false);
  });

  it('gives one meaning key per sense of a short form', () => {
    const ot = find('The OT will check his handwriting and sensory needs.', 'OT');
    const other = { ...ot, expansion: 'another expansion' };
    expect(meaningKey(ot)).not.toBe(meaningKey(other));
    expect(meaningKey({ text: 'zqx' })).toBe('?ZQX');
  });
});
