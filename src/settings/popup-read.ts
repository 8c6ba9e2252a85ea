/**
 * The popup's read-mode block: explain the words on this page (on or off), show their list in
 * the side panel, and keep read mode on for this site. The popup opening is the user asking, so
 * `activeTab` lets the worker start read mode in this tab. "Always on this site" asks the
 * browser for this site only.
 */
import { browser } from 'wxt/browser';
import { offSitesItem, setSiteOn } from '../browser/store/settings.js';
import { isWebmail, originPattern } from '../browser/store/sites.js';
import {
  READ_SITES_CHANGED,
  READ_STATE,
  READ_TAB,
  type ReadState,
  type ReadTabMessage,
} from '../browser/messages/read-protocol.js';
import { managedReadModeSitesSoon } from '../browser/store/managed-sites.js';
import { readSitesItem, schoolSitePattern, setReadSite } from '../browser/store/read-sites.js';
import { logged } from '../browser/debug.js';

interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface SidebarApi {
  open(): Promise<void>;
}

export async function startReadBlock(doc: Document): Promise<void> {
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T | null;
  const toggle = $<HTMLButtonElement>('read-toggle');
  const listButton = $<HTMLButtonElement>('read-list');
  const site = $<HTMLInputElement>('read-site');
  const note = $<HTMLParagraphElement>('read-note');
  if (!toggle || !listButton || !site || !note) return;
  const say = (text: string) => {
    note.textContent = text;
  };

  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const tabId = tab?.id;
  const pattern = originPattern(tab?.url);
  if (tabId === undefined || !pattern) {
    toggle.disabled = true;
    listButton.disabled = true;
    site.disabled = true;
    say('Plain SEND cannot read this page.');
    return;
  }
  const host = new URL(tab!.url!).hostname;

  // A toggle button: its name stays the same, pressed means on (the page says "(on)" too).
  const show = (on: boolean) => toggle.setAttribute('aria-pressed', String(on));
  const state = (await browser.tabs
    .sendMessage(tabId, { type: READ_STATE }, { frameId: 0 })
    .catch(logged("read mode's state in the tab"))) as ReadState | undefined;
  show(!!state?.on);
  const setRead = readModeIn(tabId, show, say);
  toggle.addEventListener('click', () => void setRead('toggle'));
  listButton.addEventListener('click', () => openWordList(doc, tabId, setRead, say));
  await siteSwitch(site, { url: tab!.url!, pattern, host }, setRead, say);
}

type SetRead = (on: boolean | 'toggle') => Promise<ReadState | undefined>;

/** Read mode on, off or over in the tab, through the worker; says what happened. */
function readModeIn(tabId: number, show: (on: boolean) => void, say: (text: string) => void): SetRead {
  return async (on) => {
    const message: ReadTabMessage = { type: READ_TAB, tabId, on };
    const r = (await browser.runtime.sendMessage(message).catch((e: unknown) => ({ error: String(e) }))) as
      (ReadState & { error?: string }) | undefined;
    if (!r || r.error) {
      say('Plain SEND cannot read this page.');
      return undefined;
    }
    show(r.on);
    say(
      r.on ? `On. ${r.found} ${r.found === 1 ? 'word is' : 'words are'} underlined on the page.` : 'Off for this page.',
    );
    return r;
  };
}

/** "List of words": the side panel (Firefox: the sidebar), then read mode on, then the popup closes. */
function openWordList(doc: Document, tabId: number, setRead: SetRead, say: (text: string) => void): void {
  // Open the panel first, while the click still counts as the user asking.
  const api = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarApi };
  const opened = api.sidePanel
    ? api.sidePanel.open({ tabId })
    : api.sidebarAction
      ? api.sidebarAction.open()
      : Promise.reject(new Error('no side panel'));
  void opened.then(
    () => setRead(true).then(() => doc.defaultView?.close()),
    () => say('This browser cannot open the list here.'),
  );
}

interface Site {
  url: string;
  pattern: string;
  host: string;
}

/** "Always explain words on this site": the switch, as the user and the school's policy have it. */
async function siteSwitch(site: HTMLInputElement, tab: Site, setRead: SetRead, say: (text: string) => void) {
  const { pattern } = tab;
  const granted = await browser.permissions.contains({ origins: [pattern] });
  const school = (
    await managedReadModeSitesSoon().catch(logged("school policy's read-mode sites", [] as string[]))
  ).some((h) => schoolSitePattern(h) === pattern);
  site.checked = granted && (school || (await readSitesItem.getValue()).includes(pattern));
  if (school) {
    // Set by the school: the user can allow it, not turn it off here.
    site.parentElement?.append(' (your school asks for this)');
    if (site.checked) site.disabled = true;
  }
  site.addEventListener('change', () => {
    if (site.checked) void alwaysOn(site, tab, isWebmail(tab.url) || granted, setRead, say);
    else void notAlwaysOn(tab, say);
  });
}

async function alwaysOn(
  site: HTMLInputElement,
  tab: Site,
  wasGranted: boolean,
  setRead: SetRead,
  say: (t: string) => void,
) {
  const yes = await browser.permissions.request({ origins: [tab.pattern] });
  if (!yes) {
    site.checked = false;
    return;
  }
  // The permission is for reading here; writing help stays as it was on this site.
  if (!wasGranted) await setSiteOn(tab.host, false);
  await setReadSite(tab.pattern, true);
  await browser.runtime.sendMessage({ type: READ_SITES_CHANGED });
  await setRead(true);
  say(`Plain SEND will explain words every time you open ${tab.host}.`);
}

async function notAlwaysOn(tab: Site, say: (text: string) => void) {
  await setReadSite(tab.pattern, false);
  // Keep the permission if writing help uses it here.
  const writingOn = isWebmail(tab.url) || !(await offSitesItem.getValue()).includes(tab.host);
  if (!writingOn) await browser.permissions.remove({ origins: [tab.pattern] });
  await browser.runtime.sendMessage({ type: READ_SITES_CHANGED });
  say(`Read mode is no longer always on for ${tab.host}.`);
}
