/**
 * Outlook's entry for the check at Send, bundled into one classic script (launchevent.js): the
 * JavaScript-only runtime of classic Outlook on Windows loads it with no DOM and no imports, and
 * commands.html loads it after Office.js for Outlook on the web, new Outlook and Mac.
 */
import { OfficeMailBody, type OfficeMailGlobals } from '../mail-body.js';
import { RoamingSettingsStore, type RoamingSettingsLike } from '../roaming-settings.js';
import { checkBeforeSend, type SendEvent, type SendHost } from './on-send.js';

/** What this file uses of Office.js (the tests give a fake one). */
export interface OfficeSendGlobals extends OfficeMailGlobals {
  context: OfficeMailGlobals['context'] & {
    roamingSettings: RoamingSettingsLike;
    requirements: { isSetSupported(name: string, version?: string): boolean };
  };
  MailboxEnums: { SendModeOverride: { PromptUser: unknown } };
  actions: { associate(name: string, handler: (event: SendEvent) => void): void };
}

export const HANDLER_NAME = 'onMessageSendHandler';

export function officeSendHost(office: OfficeSendGlobals): SendHost {
  const mail = new OfficeMailBody(office);
  return {
    readBody: () => mail.read(),
    settings: new RoamingSettingsStore(office.context.roamingSettings, office.AsyncResultStatus.Failed),
    supports: (version) => office.context.requirements.isSetSupported('Mailbox', version),
    promptUser: office.MailboxEnums.SendModeOverride.PromptUser,
  };
}

export function onMessageSendHandler(event: SendEvent): void {
  try {
    void checkBeforeSend(event, officeSendHost((globalThis as unknown as { Office: OfficeSendGlobals }).Office));
  } catch {
    event.completed({ allowEvent: true });
  }
}

const office = (globalThis as unknown as { Office?: OfficeSendGlobals }).Office;
office?.actions?.associate(HANDLER_NAME, onMessageSendHandler);
