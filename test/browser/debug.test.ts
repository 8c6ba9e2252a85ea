// @vitest-environment happy-dom
/** Failures we let pass reach the console only when the debug setting is on. */
import { afterEach, describe, expect, test, vi } from 'vitest';

async function freshDebug() {
  vi.resetModules();
  return import('../../src/browser/debug.js');
}

const settle = () => new Promise((ok) => setTimeout(ok, 0));

describe('debugLog', () => {
  afterEach(() => {
    localStorage.removeItem('plain-send-debug');
    vi.restoreAllMocks();
  });

  test('logs where and what when localStorage plain-send-debug is set', async () => {
    localStorage.setItem('plain-send-debug', '1');
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const { debugLog, logged } = await freshDebug();
    const error = new Error('tab closed');
    debugLog('telling the side panel', error);
    expect(await Promise.reject(new Error('no frame')).catch(logged('loading the engine', 'fallback'))).toBe(
      'fallback',
    );
    await settle();
    expect(debug.mock.calls).toEqual([
      ['Plain SEND (telling the side panel):', error],
      ['Plain SEND (loading the engine):', new Error('no frame')],
    ]);
  });

  test('says nothing when the setting is off (no extension storage here either)', async () => {
    const debug = vi.spyOn(console, 'debug').mockImplementation(() => undefined);
    const { debugLog, logged } = await freshDebug();
    debugLog('telling the side panel', new Error('tab closed'));
    expect(await Promise.reject(new Error('x')).catch(logged('somewhere'))).toBeUndefined();
    await settle();
    expect(debug).not.toHaveBeenCalled();
  });
});
