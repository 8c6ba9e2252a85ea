/**
 * The shared pane's DocumentPort over the message being written: its paragraphs are the lines of
 * the writer's part of the body (the signature and the quoted reply are not shown and not
 * touched), and every change reads the body again, checks it is still what was checked, and
 * writes it back in one go in its own format (HTML stays HTML).
 */
import type { TextEdit } from '../engine/index.js';
import {
  StaleLocationError,
  verifyLocation,
  type Capabilities,
  type DocParagraph,
  type DocumentPort,
  type GlossaryRow,
  type Location,
  type MarkResult,
  type SelectionSnapshot,
  type SettingsStore,
  type SyncCounts,
} from '../office/document-port.js';
import { MemorySettings } from '../office/settings.js';
import { applyBodyEdits } from './body/body-edits.js';
import { bodyModel, type BodyModel } from './body/body-text.js';
import type { Body, MailBody } from './mail-body.js';

const NOT_IN_OUTLOOK = 'Outlook does not let add-ins do that in an email.';
const CHANGED = 'The email has changed since it was checked. Check it again, then try once more.';

export class MailPort implements DocumentPort {
  readonly kind: string;
  /** Per message: kept while the pane is open (Outlook has no per-message store an add-in can use freely). */
  readonly documentSettings: SettingsStore = new MemorySettings();
  private counts: SyncCounts = { syncs: 0, runs: 0 };

  constructor(
    readonly mail: MailBody,
    readonly userSettings: SettingsStore,
  ) {
    this.kind = mail.kind;
  }

  capabilities(): Capabilities {
    return {
      comments: false,
      temporaryMarks: false,
      structure: false,
      trackedChanges: false,
      annotations: false,
      annotationSuggestions: false,
      select: false,
      marks: false,
      glossary: false,
      textLines: true,
    };
  }

  private async model(): Promise<{ body: Body; model: BodyModel }> {
    this.counts.runs++;
    this.counts.syncs++;
    const body = await this.mail.read();
    return { body, model: bodyModel(body.content, body.type) };
  }

  async readParagraphs(): Promise<DocParagraph[]> {
    const { model } = await this.model();
    return model.text.split('\n').map((text) => ({ text }));
  }

  async readSelection(): Promise<SelectionSnapshot> {
    const text = (await this.mail.selectedText()).replace(/\r\n?/g, '\n');
    const { model } = await this.model();
    // The whole lines the selection touches, so the pane can find it among the paragraphs.
    const at = text ? model.text.indexOf(text) : -1;
    if (at < 0) return { text, paragraphs: text ? text.split('\n') : [] };
    const start = model.text.lastIndexOf('\n', at - 1) + 1;
    const stop = model.text.indexOf('\n', at + text.length);
    return { text, paragraphs: model.text.slice(start, stop < 0 ? undefined : stop).split('\n') };
  }

  async readWithSelection(): Promise<{ paragraphs: DocParagraph[]; selection: SelectionSnapshot }> {
    const selection = await this.readSelection();
    return { paragraphs: await this.readParagraphs(), selection };
  }

  async select(): Promise<void> {
    throw new Error(NOT_IN_OUTLOOK);
  }

  async replace(location: Location, text: string): Promise<void> {
    const { body, model } = await this.model();
    const lines = model.text.split('\n').map((t) => ({ text: t }));
    try {
      verifyLocation(lines, location);
    } catch {
      throw new StaleLocationError(CHANGED);
    }
    let offset = 0;
    for (let i = 0; i < location.paragraph; i++) offset += lines[i].text.length + 1;
    await this.write(body, model, [{ start: offset + location.start, end: offset + location.end, text }]);
  }

  async editText(expected: string, edits: readonly TextEdit[]): Promise<void> {
    const { body, model } = await this.model();
    if (model.text !== expected) throw new StaleLocationError(CHANGED);
    await this.write(body, model, edits);
  }

  private async write(body: Body, model: BodyModel, edits: readonly TextEdit[]): Promise<void> {
    this.counts.syncs++;
    await this.mail.write({ type: body.type, content: applyBodyEdits(body.content, model, edits) });
  }

  async insertComment(): Promise<void> {
    throw new Error(NOT_IN_OUTLOOK);
  }

  async markUp(): Promise<MarkResult> {
    throw new Error(NOT_IN_OUTLOOK);
  }

  async clearMarks(): Promise<number> {
    return 0;
  }

  async insertGlossary(_rows: readonly GlossaryRow[]): Promise<{ replaced: boolean }> {
    throw new Error(NOT_IN_OUTLOOK);
  }

  syncCounts(): SyncCounts {
    return { ...this.counts };
  }
}
