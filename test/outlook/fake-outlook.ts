/**
 * A fake of the part of Office.js the Outlook add-in uses: the message being written (its body,
 * HTML or text, and the selection), roaming settings, requirement sets and Office.actions. It
 * plays one Mailbox version: a member that version does not have, per the `[Api set: Mailbox …]`
 * tags of @types/office-js, throws, as calling it in that Outlook would.
 */
import { compareVersions, mailboxSetOf } from '../word/api-sets.js';
import type { OfficeSendGlobals } from '../../src/outlook/send/launch-event.js';
import type { SendCompletedOptions, SendEvent } from '../../src/outlook/send/on-send.js';

type Result<T> = { status: string; value: T; error?: { message: string } };

export interface FakeOutlookOptions {
  body?: string;
  type?: 'html' | 'text';
  /** The Mailbox requirement set the client supports (default `1.14`). */
  mailbox?: string;
  /** Every body call fails with this message. */
  failWith?: string;
  /** The body arrives after this many milliseconds. */
  delayMs?: number;
  settings?: Record<string, unknown>;
}

export class FakeOutlook {
  body: string;
  type: 'html' | 'text';
  selection = '';
  readonly settings: Map<string, unknown>;
  readonly saved: Record<string, unknown>[] = [];
  readonly calls: string[] = [];
  readonly handlers = new Map<string, (event: SendEvent) => void>();
  readonly mailbox: string;

  constructor(private readonly options: FakeOutlookOptions = {}) {
    this.body = options.body ?? '';
    this.type = options.type ?? 'html';
    this.mailbox = options.mailbox ?? '1.14';
    this.settings = new Map(Object.entries(options.settings ?? {}));
  }

  /** Throws unless this Outlook has `Office.<cls>.<member>`. */
  need(cls: string, member: string, fallback?: string): void {
    const version = mailboxSetOf(cls, member)?.label ?? fallback;
    if (version === undefined) throw new Error(`The fake does not know which set ${cls}.${member} needs.`);
    if (compareVersions(version, this.mailbox) > 0)
      throw new Error(`${cls}.${member} needs Mailbox ${version}; this Outlook has ${this.mailbox}.`);
    this.calls.push(`${cls}.${member}`);
  }

  private answer<T>(callback: ((r: Result<T>) => void) | undefined, value: () => T): void {
    const reply = () => {
      if (this.options.failWith)
        callback?.({ status: 'failed', value: undefined as T, error: { message: this.options.failWith } });
      else callback?.({ status: 'succeeded', value: value() });
    };
    setTimeout(reply, this.options.delayMs ?? 0);
  }

  /** The global `Office` as the add-in sees it. */
  office(): OfficeSendGlobals {
    const body = {
      getTypeAsync: (cb: (r: Result<string>) => void) => {
        this.need('Body', 'getTypeAsync');
        this.answer(cb, () => this.type);
      },
      getAsync: (coercion: string, cb: (r: Result<string>) => void) => {
        this.need('Body', 'getAsync');
        if (coercion !== this.type) throw new Error(`The add-in asked for ${coercion} of a ${this.type} body.`);
        this.answer(cb, () => this.body);
      },
      setAsync: (data: string, options: { coercionType: string }, cb: (r: Result<void>) => void) => {
        this.need('Body', 'setAsync');
        if (options.coercionType !== this.type)
          throw new Error(`The add-in wrote ${options.coercionType} into a ${this.type} body.`);
        this.answer(cb, () => {
          this.body = data;
        });
      },
    };
    const item = {
      body,
      getSelectedDataAsync: (_coercion: string, cb: (r: Result<{ data: string }>) => void) => {
        this.need('MessageCompose', 'getSelectedDataAsync');
        this.answer(cb, () => ({ data: this.selection }));
      },
    };
    const roamingSettings = {
      get: (name: string) => {
        this.need('RoamingSettings', 'get');
        return this.settings.get(name);
      },
      set: (name: string, value: unknown) => {
        this.need('RoamingSettings', 'set');
        this.settings.set(name, structuredClone(value));
      },
      remove: (name: string) => {
        this.need('RoamingSettings', 'remove');
        this.settings.delete(name);
      },
      saveAsync: (cb?: (r: Result<void>) => void) => {
        this.need('RoamingSettings', 'saveAsync');
        this.saved.push(Object.fromEntries(this.settings));
        cb?.({ status: 'succeeded', value: undefined });
      },
    };
    return {
      CoercionType: { Html: 'html', Text: 'text' },
      AsyncResultStatus: { Failed: 'failed' },
      MailboxEnums: { SendModeOverride: { PromptUser: 'promptUser' } },
      context: {
        mailbox: { item },
        roamingSettings,
        requirements: {
          isSetSupported: (name: string, version?: string) =>
            name === 'Mailbox' && compareVersions(version ?? '1.1', this.mailbox) <= 0,
        },
      },
      actions: { associate: (name, handler) => void this.handlers.set(name, handler) },
    };
  }

  /** An OnMessageSend event whose completion resolves the promise; it checks the options against this Outlook's set. */
  sendEvent(): { event: SendEvent; completed: Promise<SendCompletedOptions> } {
    let resolve!: (o: SendCompletedOptions) => void;
    const completed = new Promise<SendCompletedOptions>((r) => (resolve = r));
    let calls = 0;
    const event: SendEvent = {
      completed: (o) => {
        if (++calls > 1) throw new Error('event.completed was called twice.');
        for (const key of Object.keys(o))
          this.need('SmartAlertsEventCompletedOptions', key, key === 'commandId' ? '1.14' : undefined);
        resolve(o);
      },
    };
    return { event, completed };
  }
}
