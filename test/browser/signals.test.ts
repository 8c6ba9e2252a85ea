// @vitest-environment happy-dom
import { describe, expect, test, vi } from 'vitest';
import { anySignal, childOf, listen, NextFrame, observeUntil, Timer } from '../../src/browser/signals.js';

/** A stand-in for a browser.* event: the same two methods. */
function apiEvent() {
  const listeners = new Set<(n: number) => void>();
  return {
    listeners,
    addListener: (f: (n: number) => void) => listeners.add(f),
    removeListener: (f: (n: number) => void) => listeners.delete(f),
    fire: (n: number) => listeners.forEach((f) => f(n)),
  };
}

describe('clean-up by signal', () => {
  test('a browser.* listener is removed when its signal aborts, and never added to an aborted one', () => {
    const event = apiEvent();
    const heard: number[] = [];
    const stop = new AbortController();
    listen(event, (n: number) => heard.push(n), stop.signal);
    event.fire(1);
    stop.abort();
    event.fire(2);
    expect(heard).toEqual([1]);
    expect(event.listeners.size).toBe(0);
    listen(event, (n: number) => heard.push(n), stop.signal);
    expect(event.listeners.size).toBe(0);
  });

  test('anySignal aborts with either; a child aborts with its parent but not the other way', () => {
    const a = new AbortController();
    const b = new AbortController();
    const both = anySignal(a.signal, b.signal);
    b.abort();
    expect(both.aborted).toBe(true);
    const parent = new AbortController();
    const child = childOf(parent.signal);
    const other = childOf(parent.signal);
    child.abort();
    expect(parent.signal.aborted).toBe(false);
    expect(other.signal.aborted).toBe(false);
    parent.abort();
    expect(other.signal.aborted).toBe(true);
  });

  test('a timer and a frame are dropped when the signal aborts; an observer is disconnected', () => {
    vi.useFakeTimers();
    try {
      const stop = new AbortController();
      const ran: string[] = [];
      new Timer(window, stop.signal).set(() => ran.push('timer'), 100);
      new NextFrame(window, stop.signal, () => ran.push('frame')).request();
      const observer = {
        disconnected: false,
        disconnect() {
          this.disconnected = true;
        },
      };
      observeUntil(observer, stop.signal);
      stop.abort();
      vi.advanceTimersByTime(1000);
      expect(ran).toEqual([]);
      expect(observer.disconnected).toBe(true);
    } finally {
      vi.useRealTimers();
    }
  });

  test('a timer set again replaces the first; asking for a frame twice runs once', () => {
    vi.useFakeTimers();
    try {
      const signal = new AbortController().signal;
      const ran: string[] = [];
      const timer = new Timer(window, signal);
      timer.set(() => ran.push('first'), 100);
      timer.set(() => ran.push('second'), 100);
      const frame = new NextFrame(window, signal, () => ran.push('frame'));
      frame.request();
      frame.request();
      vi.advanceTimersByTime(1000);
      expect(ran.sort()).toEqual(['frame', 'second']);
    } finally {
      vi.useRealTimers();
    }
  });
});
