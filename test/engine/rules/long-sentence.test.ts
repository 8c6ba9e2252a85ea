import { describe, expect, it } from 'vitest';
import { miniAnalyser } from '../../helpers.js';

const sentence = (n: number) => `${Array.from({ length: n }, (_, i) => (i % 2 ? 'help' : 'we')).join(' ')}.`;

describe('long-sentence', () => {
  it('flags sentences over the audience limit and spans the whole sentence', () => {
    const text = `Short one. ${sentence(26)}`;
    const [f] = miniAnalyser()
      .analyse(text)
      .findings.filter((x) => x.rule === 'long-sentence');
    expect(f.start).toBe(11);
    expect(f.end).toBe(text.length);
    expect(f.message).toMatch(/26 words/);
  });

  it('uses the audience threshold', () => {
    const long = (audience: 'parent-carer' | 'school-staff' | 'professional', n: number) =>
      miniAnalyser({ audience })
        .analyse(sentence(n))
        .findings.some((x) => x.rule === 'long-sentence');
    expect(long('parent-carer', 25)).toBe(false);
    expect(long('parent-carer', 26)).toBe(true);
    expect(long('school-staff', 26)).toBe(false);
    expect(long('school-staff', 31)).toBe(true);
    expect(long('professional', 35)).toBe(false);
    expect(long('professional', 36)).toBe(true);
  });

  it('treats each line as its own sentence', () => {
    const text = Array.from({ length: 6 }, () => 'We help every child to learn and grow').join('\n');
    expect(
      miniAnalyser()
        .analyse(text)
        .findings.filter((x) => x.rule === 'long-sentence'),
    ).toEqual([]);
  });
});
