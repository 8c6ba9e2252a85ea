/**
 * The check at Send against a fake Outlook: an email with unexplained short forms, or too hard
 * for its reader, is held with a message and the choice to send anyway; any other is sent
 * without a word; a failure or a slow Outlook always lets it go.
 */
import { build } from 'esbuild';
import { runInNewContext } from 'node:vm';
import { describe, expect, it } from 'vitest';
import { checkBeforeSend, FIX_LABEL, PANE_COMMAND_ID } from '../../src/outlook/send/on-send.js';
import { HANDLER_NAME, officeSendHost, type OfficeSendGlobals } from '../../src/outlook/send/launch-event.js';
import { nameList } from '../../src/outlook/send/verdict.js';
import { FakeOutlook, type FakeOutlookOptions } from './fake-outlook.js';
import { OUTLOOK_REPLY_HTML, OUTLOOK_WEB_HTML, PLAIN_REPLY } from './messages.js';

const ROOT = new URL('../../', import.meta.url).pathname;

async function send(options: FakeOutlookOptions, budgetMs?: number) {
  const outlook = new FakeOutlook(options);
  const { event, completed } = outlook.sendEvent();
  await checkBeforeSend(event, officeSendHost(outlook.office()), { budgetMs });
  return { outlook, options: await completed };
}

const HARD =
  'Following the statutory assessment, the multidisciplinary considerations regarding differentiated provision necessitate comprehensive consultation with relevant professionals, notwithstanding the considerable administrative implications for the establishment and its governance arrangements.';

/** Reading age about 13: over a parent's 11, under school staff's 14. */
const MIDDLING =
  'We will consider the support the school currently provides. We will also look at the extra help recommended by the specialists involved. Then the panel decides whether further action is needed.';

describe('the check at Send', () => {
  it('holds an email with unexplained short forms, naming them, and lets the writer send anyway (Mailbox 1.14)', async () => {
    const { options, outlook } = await send({ body: OUTLOOK_WEB_HTML });
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'This email uses EHCP and SaLT without saying what they mean. Open Plain SEND to fix it, or send it anyway.',
      cancelLabel: FIX_LABEL,
      commandId: PANE_COMMAND_ID,
      sendModeOverride: 'promptUser',
    });
    expect(FIX_LABEL.length).toBeLessThanOrEqual(20);
    // The signature's LA and CAMHS and the reply's OT and TAC were not counted.
    expect(options.errorMessage).not.toMatch(/\bLA\b|CAMHS|OT|TAC/);
    expect(outlook.calls).toEqual([
      'Body.getTypeAsync',
      'Body.getAsync',
      'RoamingSettings.get',
      'RoamingSettings.get',
      'RoamingSettings.get',
      'RoamingSettings.get',
      'SmartAlertsEventCompletedOptions.allowEvent',
      'SmartAlertsEventCompletedOptions.errorMessage',
      'SmartAlertsEventCompletedOptions.cancelLabel',
      'SmartAlertsEventCompletedOptions.commandId',
      'SmartAlertsEventCompletedOptions.sendModeOverride',
    ]);
  });

  it('on Mailbox 1.12 and 1.13 gives only the message (the manifest’s PromptUser lets the writer send anyway)', async () => {
    const { options } = await send({ body: OUTLOOK_WEB_HTML, mailbox: '1.12' });
    expect(options).toEqual({
      allowEvent: false,
      errorMessage:
        'This email uses EHCP and SaLT without saying what they mean. Open Plain SEND to fix it, or send it anyway.',
    });
  });

  it('names one short form as "it", and more than five as "and N more"', async () => {
    expect((await send({ body: '<p>The EHCP is ready.</p>' })).options.errorMessage).toBe(
      'This email uses EHCP without saying what it means. Open Plain SEND to fix it, or send it anyway.',
    );
    expect(nameList(['A', 'B', 'C', 'D', 'E', 'F', 'G'])).toBe('A, B, C, D, E and 2 more');
  });

  it('sends without a word an email whose short forms are explained and whose reading age suits its reader', async () => {
    const body =
      '<p>Dear Mr Khan,</p><p>Your son’s Education, Health and Care plan (EHCP) review is on Monday. The EHCP team will ring you first.</p><p>Kind regards,<br>Ms Jones</p>';
    expect((await send({ body })).options).toEqual({ allowEvent: true });
  });

  it('holds an email too hard for its reader, saying its reading age and the reader’s', async () => {
    const { options } = await send({ body: `<p>${HARD}</p>` });
    expect(options.allowEvent).toBe(false);
    expect(options.errorMessage).toMatch(
      /^This email is hard to read: reading age \d+, where parent carers need 11 or under\. Open Plain SEND to fix it, or send it anyway\.$/,
    );
  });

  it('uses the reader the writer chose in the pane (roaming settings): an email too hard for parents suits staff', async () => {
    const body = `<p>${MIDDLING}</p>`;
    expect((await send({ body })).options.allowEvent).toBe(false);
    expect((await send({ body, settings: { audience: 'school-staff' } })).options).toEqual({ allowEvent: true });
  });

  it('says both when both are so', async () => {
    const { options } = await send({ body: `<p>${HARD} The EHCP is attached.</p>` });
    expect(options.errorMessage).toMatch(
      /^This email uses EHCP without saying what it means\. It is also hard to read: reading age \d+, where parent carers need 11 or under\./,
    );
  });

  it('reads a plain-text body as text and leaves the quoted message out', async () => {
    const { options, outlook } = await send({ body: PLAIN_REPLY, type: 'text' });
    expect(options.errorMessage).toMatch(/^This email uses EHCP without saying what it means\./); // not LA, SaLT
    expect(outlook.calls.slice(0, 2)).toEqual(['Body.getTypeAsync', 'Body.getAsync']);
  });

  it('leaves classic Outlook’s reply out of an HTML reply', async () => {
    const { options } = await send({ body: OUTLOOK_REPLY_HTML });
    expect(options.errorMessage).toMatch(/^This email uses EHCP without saying/); // not SaLT, in the reply
  });

  it('sends an empty email', async () => {
    expect((await send({ body: '' })).options).toEqual({ allowEvent: true });
  });

  it('lets the email go when Outlook fails to give the body', async () => {
    expect((await send({ body: OUTLOOK_WEB_HTML, failWith: 'Internal error' })).options).toEqual({ allowEvent: true });
  });

  it('lets the email go when the body comes too late for the budget', async () => {
    expect((await send({ body: OUTLOOK_WEB_HTML, delayMs: 200 }, 20)).options).toEqual({ allowEvent: true });
  });

  it('lets the email go when there is no message to read (Office gave no item)', async () => {
    const outlook = new FakeOutlook({ body: OUTLOOK_WEB_HTML });
    const office = outlook.office();
    office.context.mailbox.item = undefined;
    const { event, completed } = outlook.sendEvent();
    await checkBeforeSend(event, officeSendHost(office));
    expect(await completed).toEqual({ allowEvent: true });
  });

  it('lets the email go when the settings cannot be read', async () => {
    const outlook = new FakeOutlook({ body: OUTLOOK_WEB_HTML });
    const office = outlook.office();
    office.context.roamingSettings.get = () => {
      throw new Error('Settings are not available.');
    };
    const { event, completed } = outlook.sendEvent();
    await checkBeforeSend(event, officeSendHost(office));
    expect(await completed).toEqual({ allowEvent: true });
  });
});

describe('launchevent.js, the bundle Outlook loads', () => {
  it('is one classic script with no imports that runs with no DOM, registers the handler and answers a send', async () => {
    const r = await build({
      absWorkingDir: ROOT,
      entryPoints: ['src/outlook/send/launch-event.ts'],
      bundle: true,
      format: 'iife',
      target: 'es2020',
      write: false,
      metafile: true,
      logLevel: 'silent',
    });
    const code = r.outputFiles[0].text;
    // What it is made of: the engine and its data, the body-to-text function, the handler, and the
    // small DOM-free pieces it reads settings and the body with; no pane, no DOM code.
    const own = Object.keys(r.metafile!.inputs).filter((f) => f.startsWith('src/') && !f.startsWith('src/engine/'));
    expect(own.filter((f) => !f.startsWith('src/generated/')).sort()).toEqual([
      'src/office/reader.ts',
      'src/office/terms.ts',
      'src/outlook/body/body-text.ts',
      'src/outlook/mail-body.ts',
      'src/outlook/roaming-settings.ts',
      'src/outlook/send/launch-event.ts',
      'src/outlook/send/on-send.ts',
      'src/outlook/send/verdict.ts',
    ]);
    expect(code).not.toMatch(/^\s*(?:import|export)\s/m);
    const outlook = new FakeOutlook({ body: OUTLOOK_WEB_HTML });
    const office: OfficeSendGlobals = outlook.office();
    // A context with no window, document or localStorage, as in classic Outlook's JavaScript-only runtime.
    runInNewContext(code, { Office: office, setTimeout, clearTimeout, console });
    const handler = outlook.handlers.get(HANDLER_NAME);
    expect(handler).toBeTypeOf('function');
    const { event, completed } = outlook.sendEvent();
    handler!(event);
    expect((await completed).errorMessage).toMatch(/^This email uses EHCP and SaLT/);
  });
});
