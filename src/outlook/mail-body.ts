/**
 * The message being written, as the Outlook pane and the check at Send need it: its body (HTML
 * or plain text, as the message is), written back the same way, and the selected text. The
 * Office version goes through the Mailbox API; the in-memory one is for tests and for trying
 * the pane in a browser. No DOM: the check at Send uses it too.
 */
import type { BodyType } from './body/body-text.js';

export interface Body {
  type: BodyType;
  content: string;
}

export interface MailBody {
  readonly kind: string;
  read(): Promise<Body>;
  /** Replaces the whole body, in the same format. */
  write(body: Body): Promise<void>;
  /** The text selected in the body ('' when nothing is). */
  selectedText(): Promise<string>;
}

/** The part of Office.js this file uses, so tests can give a fake one (office-addin-mock). */
export interface OfficeMailGlobals {
  CoercionType: { Html: unknown; Text: unknown };
  AsyncResultStatus: { Failed: unknown };
  context: { mailbox: { item?: unknown } };
}

interface AsyncResult<T> {
  status: unknown;
  value: T;
  error?: { message: string };
}
type Callback<T> = (result: AsyncResult<T>) => void;
interface ComposeBody {
  getTypeAsync(callback: Callback<unknown>): void;
  getAsync(coercionType: unknown, callback: Callback<string>): void;
  setAsync(data: string, options: { coercionType: unknown }, callback: Callback<void>): void;
}
interface ComposeItem {
  body: ComposeBody;
  getSelectedDataAsync?(coercionType: unknown, callback: Callback<{ data: string }>): void;
}

/** The message in Outlook's compose window, through the Mailbox API (1.3 and later). */
export class OfficeMailBody implements MailBody {
  readonly kind = 'outlook';
  constructor(private readonly office: OfficeMailGlobals) {}

  private item(): ComposeItem {
    const item = this.office.context.mailbox.item as ComposeItem | undefined;
    if (!item?.body?.getTypeAsync)
      throw new Error('Plain SEND works on a message you are writing. Open it from a new email or a reply.');
    return item;
  }

  private call<T>(start: (callback: Callback<T>) => void): Promise<T> {
    return new Promise((resolve, reject) =>
      start((r) =>
        r.status === this.office.AsyncResultStatus.Failed
          ? reject(new Error(r.error?.message ?? 'Outlook did not answer.'))
          : resolve(r.value),
      ),
    );
  }

  async read(): Promise<Body> {
    const body = this.item().body;
    const kind = await this.call<unknown>((cb) => body.getTypeAsync(cb));
    const type: BodyType = kind === this.office.CoercionType.Html || kind === 'html' ? 'html' : 'text';
    const coercion = type === 'html' ? this.office.CoercionType.Html : this.office.CoercionType.Text;
    const content = await this.call<string>((cb) => body.getAsync(coercion, cb));
    return { type, content: content ?? '' };
  }

  async write(body: Body): Promise<void> {
    const coercionType = body.type === 'html' ? this.office.CoercionType.Html : this.office.CoercionType.Text;
    await this.call<void>((cb) => this.item().body.setAsync(body.content, { coercionType }, cb));
  }

  async selectedText(): Promise<string> {
    const item = this.item();
    if (!item.getSelectedDataAsync) return '';
    const r = await this.call<{ data: string }>((cb) => item.getSelectedDataAsync!(this.office.CoercionType.Text, cb));
    return r?.data ?? '';
  }
}

/** A message in memory: the end-to-end tests drive the real pane with it (`?port=memory`). */
export class MemoryMailBody implements MailBody {
  readonly kind = 'memory';
  /** Every body written, in order. */
  readonly writes: Body[] = [];
  selection = '';
  constructor(public body: Body = { type: 'html', content: '' }) {}
  async read(): Promise<Body> {
    return { ...this.body };
  }
  async write(body: Body): Promise<void> {
    this.body = { ...body };
    this.writes.push({ ...body });
  }
  async selectedText(): Promise<string> {
    return this.selection;
  }
}
