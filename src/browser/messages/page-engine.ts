/**
 * The engine inside a frame, for the fastest marks while someone types. A keystroke's check
 * takes about 0.2 ms in the engine, but a round trip to the background worker takes several:
 * long enough to miss the frame that shows the keystroke. So once a field in a frame gets
 * focus, the worker injects the engine's own script (page-engine.js) into this frame's
 * content-script world, and checks run here from then on; until it is ready, and wherever
 * it cannot be injected, the worker answers. Pages never see it: it lives in the extension's
 * isolated world, is not web-accessible, and is loaded only into frames where someone writes.
 *
 * This module is only the handle: the content script imports it, so it must not import the engine.
 */
import type { AnalyseRequest, AnalyseResponse } from './protocol.js';

export const PAGE_ENGINE = Symbol.for('plain-send.page-engine');

export interface PageEngine {
  analyse(request: AnalyseRequest): Promise<AnalyseResponse>;
}

/** The frame's engine, if it has been loaded. */
export function pageEngine(): PageEngine | undefined {
  return (globalThis as unknown as Record<symbol, PageEngine | undefined>)[PAGE_ENGINE];
}
