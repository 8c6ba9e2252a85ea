// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { HighlightLayer, MirrorPainter, RichPainter } from '../../src/writing/painter.js';
import { UiRoot } from '../../src/browser/page/ui-root.js';
import type { WireFinding } from '../../src/browser/messages/protocol.js';

const finding = (text: string, start: number, word: string): WireFinding => ({
  category: 'acronym',
  rule: 'glossary-term',
  start,
  end: start + word.length,
  text: text.slice(start, start + word.length),
  message: '',
  replacements: [],
});

describe('RichPainter', () => {
  test('paints on the text nodes the field has now, even when an editor re-rendered them with the same text', () => {
    const root = document.createElement('div');
    root.setAttribute('contenteditable', 'true');
    root.innerHTML = '<p>The SENCO will call.</p>';
    document.body.replaceChildren(root);
    const painter = new RichPainter(root, new HighlightLayer(window as unknown as Window & typeof globalThis));
    const text = painter.read().text;
    const f = finding(text, 4, 'SENCO');
    painter.paint(text, [f]);
    const first = painter.rangeOf(f)!;
    expect(first.toString()).toBe('SENCO');

    // A re-render: same text, new nodes (as React or Lexical's reconciler may do).
    root.innerHTML = '<p>The SENCO will call.</p>';
    painter.paint(text, [f]);
    const second = painter.rangeOf(f)!;
    expect(second.toString()).toBe('SENCO');
    expect(root.contains(second.startContainer)).toBe(true);
    expect(second.startContainer).not.toBe(first.startContainer);
  });

  test('a finding whose words are no longer there is not painted', () => {
    const root = document.createElement('div');
    root.innerHTML = '<p>The SENCO will call.</p>';
    document.body.replaceChildren(root);
    const painter = new RichPainter(root, new HighlightLayer(window as unknown as Window & typeof globalThis));
    const f = finding('The SENCO will call.', 4, 'SENCO');
    root.innerHTML = '<p>The EHCP will call.</p>';
    painter.paint(painter.read().text, [f]);
    expect(painter.rangeOf(f)).toBeUndefined();
  });
});

describe('MirrorPainter (the see-through copy over a textarea)', () => {
  const setUp = () => {
    const field = document.createElement('textarea');
    document.body.replaceChildren(field);
    const painter = new MirrorPainter(field, new UiRoot(document));
    const lines = (): Element[] => [...painter.mirror.querySelector('.mirror-inner')!.children];
    const marked = () => [...painter.mirror.querySelectorAll('.mark')].map((m) => m.textContent);
    return { painter, lines, marked };
  };

  test('holds the text line by line, with its marks; a keystroke rebuilds only the line it changed', () => {
    const { painter, lines, marked } = setUp();
    const before = 'Dear Sam,\nThe SENCO will call.\n\nThe EHCP is due.';
    painter.paint(before, [finding(before, 14, 'SENCO'), finding(before, 36, 'EHCP')]);
    expect(painter.text).toBe(before);
    expect(lines().map((l) => l.textContent)).toEqual([
      'Dear Sam,\n',
      'The SENCO will call.\n',
      '\n',
      'The EHCP is due.',
    ]);
    expect(marked()).toEqual(['SENCO', 'EHCP']);
    const [first, , blank, last] = lines();

    // A letter typed in the second line: the marks after it move, the other lines stay as they were.
    const after = 'Dear Sam,\nThe SENCO will call you.\n\nThe EHCP is due.';
    const ehcp = finding(after, 40, 'EHCP');
    painter.paint(after, [finding(after, 14, 'SENCO'), ehcp]);
    expect(painter.text).toBe(after);
    const now = lines();
    expect(now.map((l) => l.textContent)).toEqual([
      'Dear Sam,\n',
      'The SENCO will call you.\n',
      '\n',
      'The EHCP is due.',
    ]);
    expect(now[0]).toBe(first);
    expect(now[2]).toBe(blank);
    expect(now[3]).toBe(last);
    expect(marked()).toEqual(['SENCO', 'EHCP']);
    // The kept line's mark is the new finding's (for hit-testing and the card).
    const marks = (painter as unknown as { marks: Map<WireFinding, Element> }).marks;
    expect(marks.get(ehcp)).toBe(last.querySelector('.mark'));
  });

  test('a mark over a line break keeps its lines together; a last empty line still takes up a line', () => {
    const { painter, lines, marked } = setUp();
    const text = 'One\nTwo three\nFour\n';
    const over: WireFinding = { ...finding(text, 0, 'One'), category: 'sentence', end: 13, text: text.slice(0, 13) };
    painter.paint(text, [over]);
    expect(lines().map((l) => l.textContent)).toEqual(['One\nTwo three\n', 'Four\n', ' ']);
    expect(marked()).toEqual(['One\nTwo three']);
    painter.paint('', []);
    expect(painter.text).toBe('');
  });
});
