// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { CHUNK_CHARS, chunkText, extractText } from '../../src/read/extract.js';
import { nearView } from '../../src/read/reader.js';

/** A page of `n` paragraphs, each about 100 characters and different. */
function longPage(n: number) {
  document.body.innerHTML = Array.from(
    { length: n },
    (_, i) => `<p>Paragraph ${i}: the SENCO will write to you about the EHCP and the annual review, as agreed.</p>`,
  ).join('');
  const page = extractText(document);
  return { page, chunks: chunkText(page.text), caret: (i: number) => ({ node: page.segments[i].node, offset: 0 }) };
}

describe('nearView: the lines read first, those on screen and a little around them', () => {
  test('whole lines from a little above the top of the view to a little below its bottom, far smaller than a piece', () => {
    const { page, chunks, caret } = longPage(600);
    expect(chunks.length).toBeGreaterThan(2);
    const near = nearView(page, chunks, { top: caret(300), middle: caret(310), bottom: caret(330) })!;
    expect(near).toBeDefined();
    const top = page.segments[300].start;
    const bottom = page.segments[330].start;
    expect(near.start).toBeLessThan(top);
    expect(near.end).toBeGreaterThan(bottom);
    // Whole lines: what the pieces send of the same paragraphs, so the engine's answers are the same.
    expect(page.text[near.start - 1]).toBe('\n');
    expect(page.text[near.end]).toBe('\n');
    expect(near.end - near.start).toBeLessThanOrEqual(CHUNK_CHARS / 2);
    // Only a little around the view: not lines far from it.
    expect(near.start).toBeGreaterThan(page.segments[290].start);
    expect(near.end).toBeLessThan(page.segments[350].start);
  });

  test('without the edges of the view, a few thousand characters around its middle', () => {
    const { page, chunks, caret } = longPage(600);
    const near = nearView(page, chunks, { middle: caret(300) })!;
    const middle = page.segments[300].start;
    expect(near.start).toBeLessThan(middle);
    expect(near.end).toBeGreaterThan(middle + 1000);
    expect(near.end - near.start).toBeLessThanOrEqual(CHUNK_CHARS / 2);
  });

  test('at the top of the page it starts at the first line', () => {
    const { page, chunks, caret } = longPage(600);
    const near = nearView(page, chunks, { top: caret(0), middle: caret(5), bottom: caret(20) })!;
    expect(near.start).toBe(0);
    expect(page.text[near.end]).toBe('\n');
  });

  test('none for a page of one piece, for a view off the text read, or when the lines on screen are most of a piece', () => {
    const short = longPage(20);
    expect(short.chunks).toHaveLength(1);
    expect(nearView(short.page, short.chunks, { middle: short.caret(10) })).toBeUndefined();
    const long = longPage(600);
    expect(nearView(long.page, long.chunks, { middle: { node: document.body, offset: 0 } })).toBeUndefined();
    // A view showing 100 paragraphs (a very small text size): its lines are not asked for apart.
    expect(
      nearView(long.page, long.chunks, { top: long.caret(100), middle: long.caret(150), bottom: long.caret(200) }),
    ).toBeUndefined();
  });
});
