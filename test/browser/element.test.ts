// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { element } from '../../src/browser/page/element.js';

describe('element', () => {
  test('makes an element of the given document with its class and text', () => {
    const p = element(document, 'p', 'note', 'An <b>EHCP</b> is a plan.');
    expect(p.tagName).toBe('P');
    expect(p.ownerDocument).toBe(document);
    expect(p.className).toBe('note');
    // Text, never markup: a definition with angle brackets stays text.
    expect(p.textContent).toBe('An <b>EHCP</b> is a plan.');
    expect(p.children).toHaveLength(0);
  });

  test('leaves out an empty class and absent text', () => {
    const div = element(document, 'div', '');
    expect(div.hasAttribute('class')).toBe(false);
    expect(div.textContent).toBe('');
  });
});
