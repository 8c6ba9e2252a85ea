/**
 * The engine, injected on demand into a frame's content-script world (see
 * src/browser/messages/page-engine.ts). Once per frame; it follows setting changes itself.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { answerRequest } from '../browser/messages/engine-service.js';
import { packsFromWorker } from '../browser/messages/extension-files.js';
import { engineSettings, watchEngineSettings } from '../browser/messages/engine-settings.js';
import { PAGE_ENGINE, type PageEngine } from '../browser/messages/page-engine.js';
import { ANALYSE } from '../browser/messages/protocol.js';

export default defineUnlistedScript(() => {
  const g = globalThis as unknown as Record<symbol, PageEngine | undefined>;
  if (g[PAGE_ENGINE]) return;
  watchEngineSettings();
  g[PAGE_ENGINE] = {
    analyse: async (request) => answerRequest(request, await engineSettings(), undefined, packsFromWorker),
  };
  // Build the glossary while the page is idle, not in the first keystroke's check.
  const warm = () => void g[PAGE_ENGINE]!.analyse({ type: ANALYSE, text: '', mode: 'write' });
  if ('requestIdleCallback' in globalThis) requestIdleCallback(warm, { timeout: 2_000 });
  else setTimeout(warm, 0);
});
