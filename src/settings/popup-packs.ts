/**
 * The popup's glossary block: a switch for each glossary the user can turn on or off (built-in
 * and imported), the school's shown as locked, and a link to the options page for the rest.
 * Kept apart from popup.ts's own blocks (site, audience, read mode).
 */
import { browser } from 'wxt/browser';
import { DEFAULT_PACKS } from '../engine/dictionary/builtin.js';
import { readAllSettings } from '../browser/store/all-settings.js';
import { byId, el, keepFocus } from './options/dom.js';
import { setBuiltinPackOn, setImportedPackOn } from '../browser/store/settings.js';

export async function startPacksBlock(doc: Document): Promise<void> {
  const list = byId<HTMLUListElement>(doc, 'packs');
  const summary = byId(doc, 'packs-summary');
  const render = async () => {
    const { sources } = await readAllSettings();
    // Fifty local glossaries would bury the rest: the popup shows a local one only while it is on.
    const all = sources.list.filter((s) => s.kind === 'builtin' || s.kind === 'imported' || s.kind === 'school');
    const shown = all.filter((s) => s.kind !== 'builtin' || DEFAULT_PACKS.includes(s.id) || s.on);
    summary.textContent = `Glossaries: ${all.filter((s) => s.on).length} of ${all.length} on`;
    keepFocus(doc, () =>
      list.replaceChildren(
        ...shown.map((s) => {
          const id = `popup-pack-${s.kind}-${s.id}`;
          const box = el(doc, 'input', {
            type: 'checkbox',
            id,
            checked: s.on,
            disabled: s.locked,
            dataset: { key: id },
          });
          box.addEventListener(
            'change',
            () =>
              void (s.kind === 'imported' ? setImportedPackOn(s.id, box.checked) : setBuiltinPackOn(s.id, box.checked)),
          );
          const label = el(doc, 'label', { htmlFor: id, className: 'switch-row' }, box, ` ${s.name}`);
          return el(
            doc,
            'li',
            {},
            label,
            s.locked ? el(doc, 'span', { className: 'locked' }, 'Set by your school') : undefined,
          );
        }),
      ),
    );
  };
  await render();
  browser.storage.onChanged.addListener(() => void render());
  byId<HTMLAnchorElement>(doc, 'options-link').addEventListener('click', (e) => {
    e.preventDefault();
    void browser.runtime.openOptionsPage();
  });
}
