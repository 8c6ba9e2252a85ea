/**
 * Clean-up by AbortSignal: each feature starts with a signal, and everything it adds to a page
 * or to the browser (listeners, observers, timers, frames) goes when that signal aborts.
 * DOM listeners take `{ signal }` themselves; these cover the rest.
 */

/** An event of the extension API (`browser.storage.onChanged`, `browser.runtime.onMessage`, a port's). */
export interface ApiEvent<F> {
  addListener(listener: F): void;
  removeListener(listener: F): void;
}

/** Runs `fn` once when `signal` aborts (at once if it has). */
export function onAbort(signal: AbortSignal, fn: () => void): void {
  if (signal.aborted) fn();
  else signal.addEventListener('abort', fn, { once: true });
}

/** Adds `listener` to a browser.* event until `signal` aborts. */
export function listen<F>(event: ApiEvent<F>, listener: F, signal: AbortSignal): void {
  if (signal.aborted) return;
  event.addListener(listener);
  onAbort(signal, () => event.removeListener(listener));
}

/** A signal that aborts when any of `signals` does (AbortSignal.any where the browser has it). */
export function anySignal(...signals: AbortSignal[]): AbortSignal {
  const api = AbortSignal as { any?: (s: AbortSignal[]) => AbortSignal };
  if (api.any) return api.any(signals);
  const both = new AbortController();
  for (const s of signals) onAbort(s, () => both.abort(s.reason));
  return both.signal;
}

/** A child of `parent`: aborting it stops one part of a feature; aborting the parent stops it too. */
export function childOf(parent: AbortSignal): AbortController {
  const child = new AbortController();
  const stop = () => child.abort(parent.reason);
  if (parent.aborted) stop();
  else {
    parent.addEventListener('abort', stop, { once: true });
    // A child stopped on its own leaves nothing behind on its parent.
    child.signal.addEventListener('abort', () => parent.removeEventListener('abort', stop), { once: true });
  }
  return child;
}

/** One timeout at a time in `view`, cleared when it is set again, cleared, or `signal` aborts. */
export class Timer {
  private id = 0;

  constructor(
    private readonly view: Window,
    signal: AbortSignal,
  ) {
    onAbort(signal, () => this.clear());
  }

  set(fn: () => void, ms: number): void {
    this.clear();
    this.id = this.view.setTimeout(() => {
      this.id = 0;
      fn();
    }, ms);
  }

  clear(): void {
    if (this.id) this.view.clearTimeout(this.id);
    this.id = 0;
  }

  get pending(): boolean {
    return this.id !== 0;
  }
}

/** Work batched to the next animation frame: asking again before it runs does nothing more. */
export class NextFrame {
  private id = 0;

  constructor(
    private readonly view: Window,
    signal: AbortSignal,
    private readonly fn: () => void,
  ) {
    onAbort(signal, () => this.cancel());
  }

  request(): void {
    if (this.id) return;
    this.id = this.view.requestAnimationFrame(() => {
      this.id = 0;
      this.fn();
    });
  }

  cancel(): void {
    if (this.id) this.view.cancelAnimationFrame(this.id);
    this.id = 0;
  }
}

/** Disconnects `observer` when `signal` aborts; gives it back. */
export function observeUntil<O extends { disconnect(): void }>(observer: O, signal: AbortSignal): O {
  onAbort(signal, () => observer.disconnect());
  return observer;
}
