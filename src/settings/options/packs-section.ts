/**
 * Glossaries in the options page: the built-in ones (switches; regional ones off at first),
 * the ones the user imported from files (switch, save a copy, remove; kept in storage.local),
 * and the school's (locked). An imported file is checked with the engine's validator; a bad
 * one is refused with the reasons and nothing changes.
 */
import { parseOwnDictionary, MAX_DICTIONARY_BYTES } from '../../engine/dictionary/parse.js';
import type { SourceView } from '../../browser/store/dictionary-sources.js';
import {
  removeImportedPack,
  saveImportedPack,
  setBuiltinPackOn,
  setImportedPackOn,
} from '../../browser/store/settings.js';
import { byId, download, el, plural, showProblems } from './dom.js';
import type { PageContext } from './options-page.js';

export class PacksSection {
  constructor(private readonly page: PageContext) {
    const input = byId<HTMLInputElement>(page.doc, 'pack-file');
    input.addEventListener('change', () => void this.importFile(input));
  }

  render(): void {
    const { doc } = this.page;
    const { list } = this.page.state().sources;
    byId(doc, 'builtin-packs').replaceChildren(
      ...list.filter((s) => s.kind === 'builtin').map((s) => this.switchRow(s)),
    );
    const imported = list.filter((s) => s.kind === 'imported');
    const importedList = byId(doc, 'imported-packs');
    importedList.replaceChildren(...imported.map((s) => this.switchRow(s)));
    importedList.hidden = imported.length === 0;
    const school = list.filter((s) => s.kind === 'school');
    byId(doc, 'school-packs').replaceChildren(
      ...school.map((s) =>
        el(
          doc,
          'li',
          {},
          el(doc, 'span', { className: 'grow' }, s.name, el(doc, 'span', { className: 'about' }, aboutPack(s))),
          el(doc, 'span', { className: 'locked' }, 'Set by your school'),
        ),
      ),
    );
    byId(doc, 'school-packs-block').hidden = school.length === 0;
  }

  private switchRow(s: SourceView): HTMLLIElement {
    const { doc } = this.page;
    const id = `pack-${s.kind}-${s.id}`;
    const box = el(doc, 'input', { type: 'checkbox', id, checked: s.on, disabled: s.locked, dataset: { key: id } });
    box.addEventListener('change', () => {
      const on = box.checked;
      const done = s.kind === 'builtin' ? setBuiltinPackOn(s.id, on) : setImportedPackOn(s.id, on);
      void done.then(() => this.page.say(`${s.name} is ${on ? 'on' : 'off'}.`));
    });
    const label = el(
      doc,
      'label',
      { htmlFor: id, className: 'check grow' },
      box,
      el(doc, 'span', {}, s.name, el(doc, 'span', { className: 'about' }, aboutPack(s))),
    );
    const row = el(doc, 'li', {}, label);
    if (s.locked) row.append(el(doc, 'span', { className: 'locked' }, 'Set by your school'));
    if (s.kind === 'imported') {
      row.append(
        el(doc, 'button', {
          type: 'button',
          textContent: 'Save a copy',
          dataset: { key: `${id}:save` },
          attrs: { 'aria-label': `Save a copy of ${s.name}` },
          onclick: () => this.saveCopy(s.id),
        }),
        el(doc, 'button', {
          type: 'button',
          textContent: 'Remove',
          dataset: { key: `${id}:remove` },
          attrs: { 'aria-label': `Remove ${s.name}` },
          onclick: () => void this.remove(s),
        }),
      );
    }
    return row;
  }

  private saveCopy(id: string): void {
    const pack = this.page.state().imported.find((p) => p.file.pack === id);
    if (!pack) return;
    // The file as imported, without what the reader filled in for the engine.
    const entries = pack.file.entries.map(({ examples, source, ...rest }) => ({
      ...rest,
      ...(source !== pack.file.name ? { source } : {}),
      ...(examples.flag.length ? { examples } : {}),
    }));
    const name = `${id}.json`;
    download(this.page.doc, name, `${JSON.stringify({ ...pack.file, entries }, null, 2)}\n`, 'application/json');
    this.page.say(`Saved a copy of ${pack.file.name} as ${name}.`);
  }

  private async remove(s: SourceView): Promise<void> {
    await removeImportedPack(s.id);
    this.page.say(`Removed ${s.name}.`);
    byId(this.page.doc, 'imported-h').focus();
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    const box = byId(this.page.doc, 'pack-error');
    showProblems(box, '', []);
    if (!file) return;
    const refuse = (problems: string[]) =>
      showProblems(box, `${file.name} was not imported. Your glossaries have not changed.`, problems);
    try {
      if (file.size > MAX_DICTIONARY_BYTES)
        return refuse([
          `The file is too large (${(file.size / 1e6).toFixed(1)} MB). A glossary file may be at most 5 MB.`,
        ]);
      const parsed = parseOwnDictionary(await file.text(), file.name);
      if (!parsed.file) return refuse(cap(parsed.errors));
      const replacing = this.page.state().imported.some((p) => p.file.pack === parsed.file!.pack);
      try {
        await saveImportedPack({ file: parsed.file, fileName: file.name, on: true });
      } catch (e) {
        return refuse([
          `There is no room for it on this computer (${String((e as Error).message ?? e)}). Remove another imported glossary first.`,
        ]);
      }
      this.page.say(
        `${replacing ? 'Updated' : 'Imported'} ${parsed.file.name}: ${plural(parsed.file.entries.length, 'term')}. It is on.`,
      );
    } catch (e) {
      refuse([`The file could not be read: ${(e as Error).message}`]);
    } finally {
      input.value = '';
    }
  }
}

function aboutPack(s: SourceView): string {
  const parts: string[] = [];
  // The first sentence is enough here.
  if (s.description) parts.push(s.description.replace(/^(.*?[.!?])\s.*$/s, '$1'));
  if (s.entries >= 0 && s.kind !== 'builtin') parts.push(plural(s.entries, 'term'));
  return parts.join(' · ');
}

function cap(errors: string[], shown = 8): string[] {
  return errors.length > shown ? [...errors.slice(0, shown), `… and ${errors.length - shown} more problems.`] : errors;
}
