/**
 * The toolbar popup: turn checking on or off for the site of the current tab, and choose who
 * the writing is for. Sites other than webmail need the user's permission, asked here, per
 * site (an optional host permission), never at install.
 */
import { browser } from 'wxt/browser';
import { ENABLE_SITE, type EnableSiteRequest } from '../browser/messages/protocol.js';
import { readAllSettings } from '../browser/store/all-settings.js';
import { startPacksBlock } from './popup-packs.js';
import { audienceItem, ignoredItem, isAudience, offSitesItem, setSiteOn } from '../browser/store/settings.js';
import { isWebmail, originPattern } from '../browser/store/sites.js';
import { readSitesItem } from '../browser/store/read-sites.js';

export async function startPopup(doc: Document): Promise<void> {
  await audienceBlock(doc);
  await ignoredBlock(doc);
  await startPacksBlock(doc);
  await siteBlock(doc);
}

/** Who the writing is for: the user's choice, else the school's default; fixed when the school locks it. */
async function audienceBlock(doc: Document): Promise<void> {
  const audience = doc.getElementById('audience') as HTMLSelectElement;
  const { sources } = await readAllSettings();
  audience.value = sources.audience;
  audience.disabled = sources.audienceLocked;
  doc.getElementById('audience-locked')!.hidden = !sources.audienceLocked;
  audience.addEventListener('change', () => {
    if (isAudience(audience.value)) void audienceItem.setValue(audience.value);
  });
}

/** The words ignored always, and a button to stop ignoring them. */
async function ignoredBlock(doc: Document): Promise<void> {
  const ignored = doc.getElementById('ignored') as HTMLParagraphElement;
  const showIgnored = async () => {
    const list = await ignoredItem.getValue();
    ignored.replaceChildren();
    if (!list.length) return;
    ignored.append(`Ignoring always: ${list.join(', ')}. `);
    const clear = doc.createElement('button');
    clear.type = 'button';
    clear.textContent = 'Stop ignoring';
    clear.addEventListener('click', () => void ignoredItem.setValue([]).then(showIgnored));
    ignored.append(clear);
  };
  await showIgnored();
}

/** Checking on or off for the tab's site (asking for the site first where that is needed). */
async function siteBlock(doc: Document): Promise<void> {
  const on = doc.getElementById('on') as HTMLInputElement;
  const site = doc.getElementById('site') as HTMLParagraphElement;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  const url = tab?.url;
  const pattern = originPattern(url);
  if (!url || !pattern) {
    site.textContent = 'Plain SEND cannot check this page.';
    on.disabled = true;
    return;
  }
  const host = new URL(url).hostname;
  site.textContent = host;
  const webmail = isWebmail(url);
  const granted = webmail || (await browser.permissions.contains({ origins: [pattern] }));
  on.checked = granted && !(await offSitesItem.getValue()).includes(host);
  const note = doc.getElementById('note') as HTMLParagraphElement;
  const say = (text: string) => {
    note.textContent = text;
    note.hidden = false;
  };
  on.addEventListener('change', () => {
    if (on.checked) void turnOn(on, { host, pattern, webmail, tabId: tab?.id }, say);
    else void turnOff({ host, pattern, webmail }, say);
  });
}

interface SiteOfTab {
  host: string;
  pattern: string;
  webmail: boolean;
  tabId?: number;
}

async function turnOn(on: HTMLInputElement, s: SiteOfTab, say: (text: string) => void): Promise<void> {
  // Ask first, while the click still counts as the user's gesture.
  const yes = s.webmail ? true : await browser.permissions.request({ origins: [s.pattern] });
  if (!yes) {
    on.checked = false;
    return;
  }
  await setSiteOn(s.host, true);
  if (!s.webmail) {
    const request: EnableSiteRequest = { type: ENABLE_SITE, origin: s.pattern, tabId: s.tabId };
    await browser.runtime.sendMessage(request);
  }
  say('On. Click into a message box to start.');
}

async function turnOff(s: SiteOfTab, say: (text: string) => void): Promise<void> {
  await setSiteOn(s.host, false);
  // Keep the permission if read mode is always on here (it uses the same grant).
  const readAlways = (await readSitesItem.getValue()).includes(s.pattern);
  if (!s.webmail && !readAlways) await browser.permissions.remove({ origins: [s.pattern] });
  say('Off for this site.');
}
