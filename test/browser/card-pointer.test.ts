// @vitest-environment happy-dom
/**
 * The pointer-and-card controller writing and read mode share: hover opens after a moment,
 * leaving closes a hovered card, a click opens at once, Escape closes, and aborting the signal
 * stops all of it (listeners and pending timers).
 */
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import type { WireFinding } from '../../src/browser/messages/protocol.js';
import { Card } from '../../src/browser/page/card.js';
import { CardPointer, type CardPointerHost } from '../../src/browser/page/card-pointer.js';

const word: WireFinding = {
  category: 'jargon',
  rule: 'glossary-term',
  start: 0,
  end: 4,
  text: 'SENCo',
  message: '',
  term: 'SENCo',
  definition: 'The teacher in charge of help for children with SEND.',
  replacements: [],
};

interface Setup {
  card: Card;
  opened: [WireFinding, boolean][];
  stop: AbortController;
  /** What is under the pointer. */
  under: { hit: WireFinding | undefined };
}

/** Each test's controller stops after it (they all listen on the one document). */
const running: AbortController[] = [];

function setup(): Setup {
  const layer = document.createElement('div');
  document.body.replaceChildren(layer);
  const opened: [WireFinding, boolean][] = [];
  const card = new Card(layer, { closed: () => undefined, next: () => undefined });
  const under = { hit: undefined as WireFinding | undefined };
  const host: CardPointerHost<WireFinding> = {
    card: () => card,
    ours: (t) => card.contains(t as Node),
    watching: () => true,
    hoverAt: () => under.hit,
    clickAt: () => under.hit,
    findingOf: (f) => f,
    open: (f, hover) => {
      opened.push([f, hover]);
      card.open(f, undefined, { focus: false, hover });
    },
    shortcut: () => false,
    layout: () => undefined,
  };
  const stop = new AbortController();
  running.push(stop);
  const pointer = new CardPointer(window, host, stop.signal);
  pointer.listen(document, stop.signal);
  return { card, opened, stop, under };
}

const move = () => document.dispatchEvent(new PointerEvent('pointermove', { clientX: 5, clientY: 5, bubbles: true }));
/** One animation frame and the timers due by then. */
const frame = () => vi.advanceTimersByTime(20);

describe('CardPointer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => {
    for (const stop of running.splice(0)) stop.abort();
    vi.useRealTimers();
  });

  test('hovering a word opens its card after a moment, as a hovered card', () => {
    const s = setup();
    s.under.hit = word;
    move();
    frame();
    vi.advanceTimersByTime(300);
    expect(s.opened).toEqual([]);
    vi.advanceTimersByTime(200);
    expect(s.opened).toEqual([[word, true]]);
    expect(s.card.isOpen && s.card.hover).toBe(true);
  });

  test('moving off the word closes a hovered card after a moment', () => {
    const s = setup();
    s.under.hit = word;
    move();
    frame();
    vi.advanceTimersByTime(500);
    s.under.hit = undefined;
    move();
    frame();
    expect(s.card.isOpen).toBe(true);
    vi.advanceTimersByTime(400);
    expect(s.card.isOpen).toBe(false);
  });

  test('a click opens the card at once and it stays when the pointer moves off', () => {
    const s = setup();
    s.under.hit = word;
    document.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    expect(s.opened).toEqual([[word, false]]);
    s.under.hit = undefined;
    move();
    frame();
    vi.advanceTimersByTime(1000);
    expect(s.card.isOpen).toBe(true);
  });

  test('Escape closes the card', () => {
    const s = setup();
    s.under.hit = word;
    document.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    document.body.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(s.card.isOpen).toBe(false);
  });

  test('aborting the signal stops listening and drops a card about to open', () => {
    const s = setup();
    s.under.hit = word;
    move();
    frame();
    s.stop.abort();
    vi.advanceTimersByTime(1000);
    document.dispatchEvent(new MouseEvent('click', { bubbles: true }));
    move();
    frame();
    vi.advanceTimersByTime(1000);
    expect(s.opened).toEqual([]);
  });
});
