/**
 * The user's own terms: a dictionary file imported into this computer's settings, shown,
 * exported and turned into packs for the analyser. A bad file is refused with the reason and
 * the terms there were are kept.
 */
import { parseOwnDictionary } from '../../engine/index.js';
import type { SettingsStore } from '../document-port.js';
import { userPacks, userTerms, type UserTerms } from '../terms.js';
import { $, el, plural } from './dom.js';

export { userPacks, userTerms, type UserTerms };

export function showTerms(settings: SettingsStore): void {
  const terms = userTerms(settings);
  const packs = userPacks(terms);
  const count = packs.reduce((n, p) => n + p.entries.length, 0);
  $('terms-summary').textContent = terms
    ? `${plural(count, 'term')} from ${terms.name}.`
    : 'You have not added any terms.';
  ($('terms-export') as HTMLButtonElement).disabled = !terms;
  ($('terms-remove') as HTMLButtonElement).disabled = !terms;
}

/** Imports the file chosen in `input`; returns what to say when it was imported, undefined when not (the error is shown). */
export async function importTerms(input: HTMLInputElement, settings: SettingsStore): Promise<string | undefined> {
  const file = input.files?.[0];
  const error = $('terms-error');
  error.hidden = true;
  if (!file) return undefined;
  try {
    const text = await file.text();
    const parsed = parseOwnDictionary(text, file.name);
    if (!parsed.file) {
      const shown = parsed.errors.slice(0, 5);
      error.textContent = `${file.name} was not imported, and your terms are unchanged. ${shown.join(' ')}${parsed.errors.length > 5 ? ` (and ${parsed.errors.length - 5} more problems)` : ''}`;
      error.hidden = false;
      return undefined;
    }
    await settings.set('terms', { name: file.name, text } satisfies UserTerms);
    showTerms(settings);
    return `Imported ${plural(parsed.file.entries.length, 'term')} from ${file.name}.`;
  } catch (e) {
    error.textContent = `${file.name} could not be read, and your terms are unchanged: ${(e as Error).message}`;
    error.hidden = false;
    return undefined;
  } finally {
    input.value = '';
  }
}

/** Downloads the user's terms as a YAML file; returns what to say. */
export function exportTerms(settings: SettingsStore): string | undefined {
  const terms = userTerms(settings);
  if (!terms) return undefined;
  const url = URL.createObjectURL(new Blob([terms.text], { type: 'text/yaml' }));
  const a = el('a', { href: url, download: terms.name.replace(/\.(ya?ml|json)$/i, '') + '.yaml' });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
  return `Exported your terms as ${a.download}.`;
}
