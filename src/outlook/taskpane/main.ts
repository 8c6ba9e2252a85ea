/**
 * Starts the shared pane over the message being written: Outlook's Mailbox API when the pane runs
 * inside Outlook; a message in memory with `?port=memory` (the end-to-end tests, and trying the
 * pane in a browser). The user's settings are the mailbox's roaming settings, which the check at
 * Send reads too.
 */
import type { SettingsStore } from '../../office/document-port.js';
import { TaskPane } from '../../office/pane/pane.js';
import { LocalStorageSettings } from '../../office/settings.js';
import { MemoryMailBody, OfficeMailBody, type OfficeMailGlobals } from '../mail-body.js';
import { MailPort } from '../mail-port.js';
import { RoamingSettingsStore, type RoamingSettingsLike } from '../roaming-settings.js';

declare global {
  interface Window {
    /** For tests and for trying the pane outside Outlook (memory message only). */
    plainSendMail?: { port: MailPort; pane: TaskPane; mail: MemoryMailBody };
  }
}

type OfficeGlobal = OfficeMailGlobals & {
  onReady(): Promise<{ host: unknown }>;
  HostType: { Outlook: unknown };
  context: OfficeMailGlobals['context'] & { roamingSettings: RoamingSettingsLike };
};

/** Office.js, when the pane is inside Outlook (within a few seconds), else undefined. */
async function connectToOutlook(): Promise<{ office: OfficeGlobal; settings: SettingsStore } | undefined> {
  const office = (globalThis as unknown as { Office?: OfficeGlobal }).Office;
  if (!office?.onReady) return undefined;
  const info = await Promise.race([office.onReady(), new Promise<undefined>((r) => setTimeout(r, 5000))]);
  if (!info || info.host !== office.HostType.Outlook) return undefined;
  return {
    office,
    settings: new RoamingSettingsStore(office.context.roamingSettings, office.AsyncResultStatus.Failed),
  };
}

async function main(): Promise<void> {
  const params = new URLSearchParams(location.search);
  let port: MailPort | undefined;
  let memory: MemoryMailBody | undefined;
  if (params.get('port') === 'memory') {
    memory = new MemoryMailBody();
    port = new MailPort(memory, new LocalStorageSettings());
  } else {
    const outlook = await connectToOutlook();
    if (outlook) port = new MailPort(new OfficeMailBody(outlook.office), outlook.settings);
  }
  if (!port) {
    const status = document.getElementById('status');
    if (status) status.textContent = 'Plain SEND runs inside Outlook. Open it from an email you are writing.';
    for (const b of document.querySelectorAll<HTMLButtonElement>('main button')) b.disabled = true;
    return;
  }
  const pane = new TaskPane(port, { noun: 'email', unit: 'line' });
  pane.start();
  if (memory) window.plainSendMail = { port, pane, mail: memory };
  document.documentElement.dataset.ready = port.kind;
}

void main();
