/**
 * The check at Send: reads the message, asks the engine, and tells Outlook to send it or to ask
 * the writer first (Smart Alerts, "prompt user": the writer can always send anyway). Whatever
 * fails, or takes longer than the budget, the message is sent: the check never stands in the way.
 */
import type { SettingsStore } from '../../office/document-port.js';
import { analyserFrom, audienceFrom } from '../../office/reader.js';
import { writerText } from '../body/body-text.js';
import type { Body } from '../mail-body.js';
import { verdict, type SendVerdict } from './verdict.js';

/** Far under the 5 seconds after which Outlook tells the writer the add-in is slow (and 5 minutes it allows). */
export const SEND_BUDGET_MS = 3000;
/** The pane's button in the manifest: Smart Alerts' own button opens it (Mailbox 1.14). */
export const PANE_COMMAND_ID = 'plainSendOpenPane';
/** Outlook allows 20 characters on that button. */
export const FIX_LABEL = 'Fix in Plain SEND';

/** Office.SmartAlertsEventCompletedOptions, as far as this check uses it. */
export interface SendCompletedOptions {
  allowEvent: boolean;
  errorMessage?: string;
  cancelLabel?: string;
  commandId?: string;
  sendModeOverride?: unknown;
}

export interface SendEvent {
  completed(options: SendCompletedOptions): void;
}

export interface SendHost {
  readBody(): Promise<Body>;
  settings: SettingsStore;
  /** Whether the client has this Mailbox requirement set, e.g. `1.14`. */
  supports(version: string): boolean;
  /** Office.MailboxEnums.SendModeOverride.PromptUser. */
  promptUser: unknown;
}

export interface SendOptions {
  budgetMs?: number;
  /** Told what happened (tests, the benchmark). */
  onVerdict?: (v: SendVerdict | undefined, reason: 'checked' | 'failed' | 'late') => void;
}

export async function checkBeforeSend(event: SendEvent, host: SendHost, options: SendOptions = {}): Promise<void> {
  let done = false;
  const finish = (o: SendCompletedOptions, v: SendVerdict | undefined, reason: 'checked' | 'failed' | 'late') => {
    if (done) return;
    done = true;
    clearTimeout(timer);
    options.onVerdict?.(v, reason);
    event.completed(o);
  };
  const timer = setTimeout(() => finish({ allowEvent: true }, undefined, 'late'), options.budgetMs ?? SEND_BUDGET_MS);
  try {
    const body = await host.readBody();
    if (done) return;
    const analyser = await analyserFrom(host.settings);
    if (done) return;
    const v = verdict(writerText(body.content, body.type), analyser, audienceFrom(host.settings));
    if (v.allow) return finish({ allowEvent: true }, v, 'checked');
    const o: SendCompletedOptions = { allowEvent: false, errorMessage: v.message };
    if (host.supports('1.14')) {
      o.cancelLabel = FIX_LABEL;
      o.commandId = PANE_COMMAND_ID;
      o.sendModeOverride = host.promptUser;
    }
    finish(o, v, 'checked');
  } catch {
    finish({ allowEvent: true }, undefined, 'failed');
  }
}
