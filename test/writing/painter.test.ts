// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { HighlightLayer, RichPainter } from '../../src/writing/painter.js';
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
