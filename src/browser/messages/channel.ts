/**
 * The content script's line to the engine: the frame's own engine once it is loaded (see
 * page-engine.ts), the background worker until then. To the worker: one long-lived port per
 * frame (cheaper per message than a fresh `sendMessage` each keystroke), requests matched to
 * answers by id. When the worker stops (browsers end idle workers) the port closes: waiting
 * requests fail and the next request opens a new port, which starts the worker again.
 */
import { browser, type Browser } from 'wxt/browser';
import { pageEngine } from './page-engine.js';
import { LOAD_ENGINE, type AnalyseRequest, type AnalyseResponse } from './protocol.js';
import { logged } from '../debug.js';

export const PORT_NAME = 'plain-send:engine';
/** The longest text the frame's own engine checks; longer ones go to the worker. */
export const IN_FRAME_MAX_CHARS = 60_000;

export interface PortRequest {
  id: number;
  request: AnalyseRequest;
}

export interface PortAnswer {
  id: number;
  response: AnalyseResponse;
}

export class EngineChannel {
  private port: Browser.runtime.Port | undefined;
  private next = 1;
  private readonly waiting = new Map<number, { ok: (r: AnalyseResponse) => void; fail: (e: Error) => void }>();

  private engineAsked = false;

  /** Asks the worker to load the engine into this frame; checks go to the worker until it is in. */
  loadEngine(): void {
    if (this.engineAsked || pageEngine()) return;
    this.engineAsked = true;
    // Where it cannot be injected (a frame the extension may not script), the worker goes on answering.
    browser.runtime.sendMessage({ type: LOAD_ENGINE }).catch(logged('loading the engine into a frame'));
  }

  analyse(request: AnalyseRequest): Promise<AnalyseResponse> {
    const local = pageEngine();
    // Long texts go to the worker: a first check of one would hold up the page (a keystroke in a
    // 1,000-word email costs the frame's engine about 0.2 ms; a cold 60,000 characters about 25 ms).
    if (local && request.text.length <= IN_FRAME_MAX_CHARS)
      return local.analyse(request).then((r) => (r.ok ? { ...r, inFrame: true } : r));
    const port = this.open();
    const id = this.next++;
    return new Promise<AnalyseResponse>((ok, fail) => {
      this.waiting.set(id, { ok, fail });
      try {
        port.postMessage({ id, request } satisfies PortRequest);
      } catch (e) {
        this.waiting.delete(id);
        this.port = undefined;
        fail(e instanceof Error ? e : new Error(String(e)));
      }
    });
  }

  private open(): Browser.runtime.Port {
    if (this.port) return this.port;
    const port = browser.runtime.connect({ name: PORT_NAME });
    port.onMessage.addListener((m: unknown) => {
      const answer = m as PortAnswer;
      const w = this.waiting.get(answer?.id);
      if (!w) return;
      this.waiting.delete(answer.id);
      w.ok(answer.response);
    });
    port.onDisconnect.addListener(() => {
      if (this.port === port) this.port = undefined;
      for (const w of this.waiting.values()) w.fail(new Error('The engine stopped; the next check restarts it.'));
      this.waiting.clear();
    });
    this.port = port;
    return port;
  }

  close(): void {
    this.port?.disconnect();
    this.port = undefined;
  }
}
