import { describe, expect, it } from 'vitest';
import { inTurn } from '../../src/background/in-turn.js';

describe('inTurn', () => {
  it('answers each job before the next starts, even when all wait on one promise', async () => {
    // As when a woken worker's checks all wait for the settings: without turns, every check would
    // be worked out before the first answer was sent.
    let ready!: () => void;
    const settings = new Promise<void>((ok) => (ready = ok));
    const next = inTurn();
    const log: string[] = [];
    const jobs = [1, 2, 3].map((n) =>
      next(async () => {
        await settings;
        log.push(`work ${n}`);
        await Promise.resolve();
        log.push(`answer ${n}`);
      }),
    );
    ready();
    await Promise.all(jobs);
    expect(log).toEqual(['work 1', 'answer 1', 'work 2', 'answer 2', 'work 3', 'answer 3']);
  });

  it('goes on after a job that fails', async () => {
    const next = inTurn();
    const log: string[] = [];
    await next(() => Promise.reject(new Error('no'))).catch(() => log.push('failed'));
    await next(async () => {
      log.push('next');
    });
    expect(log).toEqual(['failed', 'next']);
  });
});
