/**
 * The school's policy without the wait. Chromium answers a context's first `storage.managed`
 * read slowly: 2.8 s after the browser starts, and at least 150 ms in every new background
 * worker (measured here; later reads take under 1 ms). A worker sleeps after 30 s idle, so a
 * parent who switched read mode on would wait for that every time. So a copy of the policy is
 * kept (in `storage.local`, see managed.ts): the engine starts from the copy, and the real read
 * only corrects it. No storage here, so that the rule can be tested on its own.
 */
import { logged } from '../debug.js';

/** Where the copy is kept (the school's settings, never anything about a child). */
export const MANAGED_COPY_KEY = 'local:managedPolicyCopy';

/** The policy's values as the browser gives them (absent keys left out). */
export type RawPolicy = Record<string, unknown>;

export interface PolicySources {
  /** The browser's answer (slow the first time in each context). */
  fresh(): Promise<RawPolicy>;
  /** The copy kept last time, if any (fast). */
  copy(): Promise<RawPolicy | undefined>;
  /** Keeps `raw` as the copy. */
  keep(raw: RawPolicy): Promise<void>;
}

/**
 * The policy as soon as there is a good answer: the browser's, if it comes first; else the copy;
 * else, after `waitMs` with neither, no policy. When the browser's answer then differs from what
 * was given, `late` is called (the caller reads its settings again), and the copy is brought up
 * to date (written only when it changed: every write is a settings change everywhere).
 */
export function policySoon(sources: PolicySources, waitMs: number, late: () => void): Promise<RawPolicy> {
  const kept = sources.copy().catch(logged('kept copy of the school policy'));
  return new Promise((answer) => {
    let given: string | undefined;
    const give = (raw: RawPolicy) => {
      if (given !== undefined) return;
      given = canonical(raw);
      answer(raw);
    };
    const timer = setTimeout(() => give({}), waitMs);
    void kept.then((copy) => {
      if (!copy) return;
      clearTimeout(timer);
      give(copy);
    });
    void sources.fresh().then(
      async (raw) => {
        clearTimeout(timer);
        const answered = given;
        give(raw);
        const now = canonical(raw);
        if (answered !== undefined && answered !== now) late();
        const copy = await kept;
        if (!copy || canonical(copy) !== now)
          await sources.keep(raw).catch(logged('keeping a copy of the school policy'));
      },
      // The browser could not say: whatever was given stands (the copy, or none after the wait).
      () => undefined,
    );
  });
}

/** JSON with every object's keys in order, so that two reads of the same policy compare equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)),
        )
      : v,
  );
}
