/**
 * The Outlook adapter (OfficeMailBody, RoamingSettingsStore, MailPort) against Microsoft's
 * office-addin-mock, playing Outlook with the fake message of fake-outlook.ts (which refuses
 * members above its Mailbox set): it reads the body in its own format, writes it back the same
 * way, leaves the signature and the reply alone, and says what went wrong when Outlook fails.
 */
import { OfficeMockObject } from 'office-addin-mock';
import { describe, expect, it } from 'vitest';
import { applyEdits, createAnalyser, shortFormEdits } from '../../src/engine/index.js';
import { StaleLocationError } from '../../src/office/document-port.js';
import { OfficeMailBody, type OfficeMailGlobals } from '../../src/outlook/mail-body.js';
import { MailPort } from '../../src/outlook/mail-port.js';
import { RoamingSettingsStore } from '../../src/outlook/roaming-settings.js';
import type { OfficeSendGlobals } from '../../src/outlook/send/launch-event.js';
import { FakeOutlook, type FakeOutlookOptions } from './fake-outlook.js';
import { OUTLOOK_WEB_HTML, PLAIN_REPLY } from './messages.js';

function mocked(options: FakeOutlookOptions) {
  const outlook = new FakeOutlook(options);
  const office = new OfficeMockObject({ host: 'outlook', ...outlook.office() }) as unknown as OfficeSendGlobals;
  const port = new MailPort(
    new OfficeMailBody(office as OfficeMailGlobals),
    new RoamingSettingsStore(office.context.roamingSettings, 'failed'),
  );
  return { outlook, office, port };
}

describe('the Outlook adapter, on office-addin-mock', () => {
  it('reads an HTML body as HTML, and shows the lines of the writer’s part only', async () => {
    const { port, outlook } = mocked({ body: OUTLOOK_WEB_HTML });
    const lines = (await port.readParagraphs()).map((p) => p.text);
    expect(lines).toEqual([
      'Dear Mrs Patel,',
      '\u00a0',
      'The EHCP review is next week. SaLT will join us.',
      '',
      'Kind regards,',
      'Ms Jones',
    ]);
    expect(outlook.calls).toEqual(['Body.getTypeAsync', 'Body.getAsync']);
  });

  it('writes edits back as HTML in one setAsync, the signature and the reply untouched', async () => {
    const { port, outlook } = mocked({ body: OUTLOOK_WEB_HTML });
    const text = (await port.readParagraphs()).map((p) => p.text).join('\n');
    const edits = shortFormEdits(createAnalyser().analyse(text).findings);
    await port.editText(text, edits);
    expect(outlook.calls.filter((c) => c === 'Body.setAsync')).toHaveLength(1);
    expect((await port.readParagraphs()).map((p) => p.text).join('\n')).toBe(applyEdits(text, edits));
    expect(outlook.body.endsWith(OUTLOOK_WEB_HTML.slice(OUTLOOK_WEB_HTML.indexOf('<div id="Signature">')))).toBe(true);
  });

  it('reads and writes a plain-text body as text', async () => {
    const { port, outlook } = mocked({ body: PLAIN_REPLY, type: 'text' });
    const [first] = await port.readParagraphs();
    expect(first.text).toBe('Thanks, the EHCP meeting is fine.');
    await port.replace({ paragraph: 0, start: 12, end: 16, text: 'EHCP' }, 'plan');
    expect(outlook.body).toBe(PLAIN_REPLY.replace('the EHCP meeting', 'the plan meeting'));
  });

  it('refuses to change an email that changed since it was read, and changes nothing', async () => {
    const { port, outlook } = mocked({ body: '<p>The EHCP is ready.</p>' });
    const text = (await port.readParagraphs())[0].text;
    outlook.body = '<p>Hello. The EHCP is ready.</p>';
    await expect(port.editText(text, [{ start: 4, end: 8, text: 'plan' }])).rejects.toBeInstanceOf(StaleLocationError);
    await expect(port.replace({ paragraph: 0, start: 4, end: 8, text: 'EHCP' }, 'plan')).rejects.toBeInstanceOf(
      StaleLocationError,
    );
    expect(outlook.body).toBe('<p>Hello. The EHCP is ready.</p>');
  });

  it('passes on what Outlook says when it fails', async () => {
    const { port } = mocked({ body: 'x', failWith: 'The item was closed.' });
    await expect(port.readParagraphs()).rejects.toThrow('The item was closed.');
  });

  it('reads the selection (Mailbox 1.2) with the whole lines it touches', async () => {
    const { port, outlook } = mocked({ body: '<p>One EHCP.</p><p>Two SaLT.</p>' });
    outlook.selection = 'SaLT';
    expect(await port.readSelection()).toEqual({ text: 'SaLT', paragraphs: ['Two SaLT.'] });
  });

  it('keeps the user’s settings in the mailbox’s roaming settings, saved each time', async () => {
    const { port, outlook } = mocked({ body: '' });
    await port.userSettings.set('audience', 'school-staff');
    expect(port.userSettings.get('audience')).toBe('school-staff');
    expect(outlook.saved.at(-1)).toEqual({ audience: 'school-staff' });
    await port.userSettings.set('audience', undefined);
    expect(outlook.saved.at(-1)).toEqual({});
  });

  it('offers no action Outlook cannot do: select, marks, comments, a glossary table', () => {
    const { port } = mocked({ body: '' });
    expect(port.capabilities()).toMatchObject({ select: false, marks: false, comments: false, glossary: false });
    expect(port.editText).toBeTypeOf('function');
  });
});
