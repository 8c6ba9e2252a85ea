/** From Word paragraphs to findings with paragraph locations (src/word/check.ts). */
import { describe, expect, it } from 'vitest';
import {
  CheckCancelled,
  checkDocument,
  engineText,
  findingsIn,
  findSelection,
  glossaryRows,
  joinParagraphs,
  paragraphAt,
} from '../../src/office/check.js';
import { countOccurrences, occurrenceBefore, sortGlossary } from '../../src/office/document-port.js';
import { meaningsOf } from '../../src/engine/index.js';
import { miniAnalyser } from '../helpers.js';

const noYield = async () => {};

describe('checking paragraphs', () => {
  it('maps every finding to its paragraph, with offsets and text from that paragraph', async () => {
    const paragraphs = ['Dear parent,', '', 'Your child has an EHCP.', 'The SENCO and the LA will meet.'].map(
      (text) => ({ text }),
    );
    const check = await checkDocument(miniAnalyser(), paragraphs, { yieldNow: noYield });
    expect(check.findings.length).toBeGreaterThanOrEqual(3);
    for (const f of check.findings) {
      expect(paragraphs[f.location.paragraph].text.slice(f.location.start, f.location.end)).toBe(f.location.text);
      expect(f.location.text).toBe(f.text);
    }
    expect(check.findings.map((f) => [f.location.paragraph, f.text])).toEqual(
      expect.arrayContaining([
        [2, 'EHCP'],
        [3, 'SENCO'],
        [3, 'LA'],
      ]),
    );
  });

  it('gives the same findings as the engine on the whole text (acronyms explained earlier count)', async () => {
    const paragraphs = ['An Education, Health and Care plan (EHCP) sets out help.', 'The EHCP is reviewed.'].map(
      (text) => ({ text }),
    );
    const analyser = miniAnalyser();
    const check = await checkDocument(analyser, paragraphs, { yieldNow: noYield, chunkCharacters: 10 });
    const whole = miniAnalyser().analyse(paragraphs.map((p) => p.text).join('\n'));
    expect(check.findings.map(({ id: _id, location: _l, ...f }) => f)).toEqual(whole.findings);
    expect(check.findings.find((f) => f.location.paragraph === 1 && f.text === 'EHCP')?.explained).toBe(true);
  });

  it('ends sentences at Word’s manual line breaks, and skips the glossary', async () => {
    expect(engineText({ text: 'One\vTwo' })).toBe('One\nTwo');
    expect(engineText({ text: 'EHCP', inGlossary: true })).toBe('');
    const check = await checkDocument(
      miniAnalyser(),
      [{ text: 'Glossary', inGlossary: true }, { text: 'EHCP', inGlossary: true }, { text: 'A line\vthe EHCP' }],
      { yieldNow: noYield },
    );
    expect(check.findings.map((f) => [f.location.paragraph, f.location.start, f.text])).toEqual([[2, 11, 'EHCP']]);
    expect(check.readability.sentences).toBe(2);
  });

  it('reports progress, yields between chunks, and stops when cancelled', async () => {
    const paragraphs = Array.from({ length: 50 }, (_, i) => ({ text: `Paragraph ${i} about the EHCP and the SENCO.` }));
    const seen: number[] = [];
    let yields = 0;
    const check = await checkDocument(miniAnalyser(), paragraphs, {
      chunkCharacters: 200,
      onProgress: (f) => seen.push(f),
      yieldNow: async () => void yields++,
    });
    expect(check.findings.length).toBe(100);
    expect(yields).toBeGreaterThan(5);
    expect(seen[0]).toBe(0);
    expect(seen[seen.length - 1]).toBe(1);
    expect([...seen].sort((a, b) => a - b)).toEqual(seen);

    const controller = new AbortController();
    let n = 0;
    const cancelled = checkDocument(miniAnalyser(), paragraphs, {
      chunkCharacters: 200,
      signal: controller.signal,
      yieldNow: async () => {
        if (++n === 3) controller.abort();
      },
    });
    await expect(cancelled).rejects.toBeInstanceOf(CheckCancelled);
    expect(n).toBe(3);
  });

  it('finds the paragraph of an offset', () => {
    const { text, starts } = joinParagraphs([{ text: 'ab' }, { text: '' }, { text: 'cde' }]);
    expect(text).toBe('ab\n\ncde');
    expect(starts).toEqual([0, 3, 4]);
    expect([0, 1, 3, 4, 6].map((at) => paragraphAt(starts, at))).toEqual([0, 0, 1, 2, 2]);
  });
});

describe('the selection', () => {
  const body = ['First one.', 'Second here.', 'Third one.', 'Second here.'].map((text) => ({ text }));

  it('is found in the body, with where it starts and ends', () => {
    expect(findSelection(body, { text: 'one.\nSecond', paragraphs: ['First one.', 'Second here.'] })).toEqual({
      first: 0,
      last: 1,
      start: 6,
      end: 6,
    });
    expect(findSelection(body, { text: 'here', paragraphs: ['Second here.'] })).toEqual({
      first: 1,
      last: 1,
      start: 7,
      end: 11,
    });
    expect(findSelection(body, { text: 'Elsewhere', paragraphs: ['In a text box'] })).toBeUndefined();
  });

  it('keeps the findings that touch it', () => {
    const f = (paragraph: number, start: number, end: number) =>
      ({ location: { paragraph, start, end, text: '' } }) as never;
    const span = { first: 1, last: 2, start: 5, end: 4 };
    const kept = findingsIn([f(0, 0, 3), f(1, 0, 4), f(1, 3, 8), f(2, 0, 3), f(2, 5, 8), f(3, 0, 1)], span);
    expect(kept).toEqual([f(1, 3, 8), f(2, 0, 3)]);
  });
});

describe('helpers', () => {
  it('counts occurrences as Word’s search does: left to right, not overlapping', () => {
    expect(countOccurrences('EHCP, EHCPs and EHCP', 'EHCP')).toBe(3);
    expect(occurrenceBefore('EHCP, EHCPs and EHCP', 'EHCP', 16)).toBe(2);
    expect(countOccurrences('aaaa', 'aa')).toBe(2);
  });

  it('makes one glossary row per term, A to Z, meaning spelled out', async () => {
    const check = await checkDocument(miniAnalyser(), [{ text: 'The SENCO, the SENCo and the EHCP. We utilise it.' }], {
      yieldNow: noYield,
    });
    const rows = sortGlossary(glossaryRows(check.findings));
    expect(rows.map((r) => r.term)).toEqual(['EHCP', 'SENCO']);
    expect(rows[0].meaning).toBe('Education, Health and Care plan. A legal plan that says what help a child must get.');
    // The same terms as "the meanings at the end" in Outlook and the browser, whose list it is.
    expect(rows.map((r) => r.term)).toEqual(meaningsOf(check.findings).map((m) => m.term));
    expect(
      sortGlossary([
        { term: 'b', meaning: '' },
        { term: 'A', meaning: '' },
        { term: 'a', meaning: 'dup' },
      ]).map((r) => r.term),
    ).toEqual(['A', 'b']);
  });
});
