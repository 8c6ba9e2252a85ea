/**
 * The content script's line to the engine in the background worker: one long-lived port per
 * frame (cheaper per message than a fresh `sendMessage` each keystroke), requests matched to
 * answers by id. When the worker stops (browsers end idle workers) the port closes: waiting
 * requests fail and the next request opens a new port, which starts the worker again.
 */
import { browser, type Browser } from 'wxt/browser';
import type { AnalyseRequest, AnalyseResponse } from './protocol.js';

export const PORT_NAME = 'plain-send:engine';

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

  analyse(request: AnalyseRequest): Promise<AnalyseResponse> {
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
