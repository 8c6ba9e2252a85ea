/**
 * The engine's files inside the extension: each built-in pack's data (packs/<id>.json) and the
 * warm-up lines, copied there by wxt.config.ts. The worker and the extension's pages read them
 * from the extension itself, only when a pack is on; the engine in a frame asks the worker.
 */
import { browser } from 'wxt/browser';
import { packInfo } from '../../engine/dictionary/builtin.js';
import type { EngineFiles } from './engine-service.js';
import { LOAD_PACK, type LoadPackRequest, type LoadPackResponse } from './protocol.js';

async function readOwn(path: string): Promise<unknown> {
  const response = await fetch(new URL(path, globalThis.location.origin));
  if (!response.ok) throw new Error(`${path}: ${response.status}`);
  return response.json();
}

export const extensionFiles: EngineFiles = {
  // Only a built-in pack's id reaches the path (ids are lower-case letters, digits and dashes).
  pack: (id) => (packInfo(id) ? readOwn(`/packs/${id}.json`) : Promise.reject(new RangeError(`no pack "${id}"`))),
  warmUpLines: async () => (await readOwn('/warm-up.json')) as string[],
};

/** For the engine in a frame's content-script world, which cannot read the extension's files itself. */
export const packsFromWorker: Pick<EngineFiles, 'pack'> = {
  pack: async (id) => {
    const answer = (await browser.runtime.sendMessage({ type: LOAD_PACK, id } satisfies LoadPackRequest)) as
      LoadPackResponse | undefined;
    if (!answer?.ok) throw new Error(answer?.error ?? 'the worker did not answer');
    return answer.pack;
  },
};
