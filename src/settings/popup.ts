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
  const $ = <T extends HTMLElement>(id: string) => doc.getElementById(id) as T;
  const on = $<HTMLInputElement>('on');
  const site = $<HTMLParagraphElement>('site');
  const note = $<HTMLParagraphElement>('note');
  const audience = $<HTMLSelectElement>('audience');
  const ignored = $<HTMLParagraphElement>('ignored');

  // The audience in use: the user's, else the school's default; fixed when the school locks it.
  const { sources } = await readAllSettings();
  audience.value = sources.audience;
  audience.disabled = sources.audienceLocked;
  $<HTMLParagraphElement>('audience-locked').hidden = !sources.audienceLocked;
  audience.addEventListener('change', () => {
    if (isAudience(audience.value)) void audienceItem.setValue(audience.value);
  });

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
  await startPacksBlock(doc);

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

  on.addEventListener('change', () => {
    if (on.checked) {
      // Ask first, while the click still counts as the user's gesture.
      const asked = webmail ? Promise.resolve(true) : browser.permissions.request({ origins: [pattern] });
      void asked.then(async (yes) => {
        if (!yes) {
          on.checked = false;
          return;
        }
        await setSiteOn(host, true);
        if (!webmail) {
          const request: EnableSiteRequest = { type: ENABLE_SITE, origin: pattern, tabId: tab?.id };
          await browser.runtime.sendMessage(request);
        }
        note.textContent = 'On. Click into a message box to start.';
        note.hidden = false;
      });
    } else {
      void setSiteOn(host, false).then(async () => {
        // Keep the permission if read mode is always on here (it uses the same grant).
        const readAlways = (await readSitesItem.getValue()).includes(pattern);
        if (!webmail && !readAlways) await browser.permissions.remove({ origins: [pattern] });
        note.textContent = 'Off for this site.';
        note.hidden = false;
      });
    }
  });
}
