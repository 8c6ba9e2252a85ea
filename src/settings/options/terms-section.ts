/**
 * The user's own terms in the options page: a table (edit, remove), a form to add or change
 * one, import from CSV, JSON or YAML (added to the terms there are; a bad file changes
 * nothing and says which line or entry is wrong), export as CSV or JSON, how much of the
 * synced settings the terms use, and the school's terms, locked.
 */
import type { EntryKind } from '../../engine/dictionary/schema.js';
import { MAX_DICTIONARY_BYTES } from '../../engine/dictionary/parse.js';
import { readOwnTermsNow, saveOwnTerms } from '../../browser/store/all-settings.js';
import {
  KIND_LABEL,
  mergeTerms,
  splitList,
  termKey,
  termProblems,
  tidyTerm,
  type OwnTerm,
} from '../../browser/store/own-terms.js';
import { readTermsFile, writeTermsCsv, writeTermsJson } from './own-terms-io.js';
import { ownTermsUsage } from '../../browser/store/own-terms-store.js';
import { kb } from '../../browser/store/sync-quota.js';
import { byId, download, el, plural, showProblems } from './dom.js';
import type { PageContext } from './options-page.js';

const FIELDS = ['term', 'kind', 'expansion', 'definition', 'suggestions', 'variants'] as const;
type Field = (typeof FIELDS)[number];

export class TermsSection {
  /** The term being changed (its key), or undefined when adding. */
  private editing: string | undefined;
  /** Changes one after another, each on the terms as stored (not as last drawn). */
  private queue: Promise<unknown> = Promise.resolve();

  /** Runs `change` on the stored terms; it returns the terms to save, or a list of problems. */
  private change<T>(change: (terms: OwnTerm[]) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => change(await readOwnTermsNow()));
    this.queue = run.catch(() => undefined);
    return run;
  }

  constructor(private readonly page: PageContext) {
    const { doc } = page;
    byId<HTMLFormElement>(doc, 'term-form').addEventListener('submit', (e) => {
      e.preventDefault();
      void this.save();
    });
    byId(doc, 'term-cancel').addEventListener('click', () => this.stopEditing(true));
    const file = byId<HTMLInputElement>(doc, 'terms-file');
    file.addEventListener('change', () => void this.importFile(file));
    byId(doc, 'export-csv').addEventListener('click', () => this.export('csv'));
    byId(doc, 'export-json').addEventListener('click', () => this.export('json'));
  }

  private field<T extends HTMLElement = HTMLInputElement>(name: Field): T {
    return byId<T>(this.page.doc, `term-${name}`);
  }

  render(): void {
    const { doc } = this.page;
    const { ownTerms, managed } = this.page.state();
    const sorted = [...ownTerms].sort((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }));
    byId(doc, 'terms-body').replaceChildren(...sorted.map((t) => this.row(t)));
    byId(doc, 'terms-table').hidden = ownTerms.length === 0;
    byId(doc, 'terms-empty').hidden = ownTerms.length > 0;
    for (const id of ['export-csv', 'export-json']) byId<HTMLButtonElement>(doc, id).disabled = ownTerms.length === 0;
    const { bytes, budget } = ownTermsUsage(ownTerms);
    byId(doc, 'terms-usage').textContent = ownTerms.length
      ? `${plural(ownTerms.length, 'term')}, using ${kb(bytes)} of the ${kb(budget)} your terms can use.`
      : `Your terms can use up to ${kb(budget)} of your browser's synced settings: room for a few hundred.`;

    const school = managed.terms;
    byId(doc, 'school-terms').replaceChildren(
      ...[...school]
        .sort((a, b) => a.term.localeCompare(b.term, 'en-GB', { sensitivity: 'base' }))
        .map((t) =>
          el(
            doc,
            'li',
            {},
            el(
              doc,
              'span',
              { className: 'grow' },
              el(doc, 'strong', {}, t.term),
              ` (${KIND_LABEL[t.kind]}) `,
              el(doc, 'span', { className: 'about' }, meaningOf(t)),
            ),
            el(doc, 'span', { className: 'locked' }, 'Set by your school'),
          ),
        ),
    );
    byId(doc, 'school-terms-block').hidden = school.length === 0;
  }

  private row(t: OwnTerm): HTMLTableRowElement {
    const { doc } = this.page;
    const key = termKey(t);
    return el(
      doc,
      'tr',
      {},
      el(
        doc,
        'td',
        {},
        el(doc, 'strong', {}, t.term),
        t.variants?.length ? el(doc, 'span', { className: 'about' }, `Also: ${t.variants.join(', ')}`) : undefined,
      ),
      el(doc, 'td', {}, KIND_LABEL[t.kind]),
      el(doc, 'td', {}, meaningOf(t)),
      el(
        doc,
        'td',
        { className: 'actions' },
        el(
          doc,
          'div',
          { className: 'buttons' },
          el(doc, 'button', {
            type: 'button',
            textContent: 'Change',
            dataset: { key: `term:${key}:edit` },
            attrs: { 'aria-label': `Change ${t.term}` },
            onclick: () => this.startEditing(t),
          }),
          el(doc, 'button', {
            type: 'button',
            textContent: 'Remove',
            dataset: { key: `term:${key}:remove` },
            attrs: { 'aria-label': `Remove ${t.term}` },
            onclick: () => void this.remove(t),
          }),
        ),
      ),
    );
  }

  /** Starts adding `term` (asked for from a card): the form filled in as far as we can, the meaning next. */
  prefill(term: string, kind: EntryKind): void {
    const existing = this.page.state().ownTerms.find((t) => t.term.toLowerCase() === term.toLowerCase());
    if (existing) {
      this.startEditing(existing);
      return;
    }
    this.stopEditing(false);
    this.field('term').value = term;
    this.field<HTMLSelectElement>('kind').value = kind;
    const next = kind === 'acronym' ? this.field('expansion') : this.field<HTMLTextAreaElement>('definition');
    next.scrollIntoView({ block: 'center' });
    next.focus();
  }

  private startEditing(t: OwnTerm): void {
    this.editing = termKey(t);
    this.field('term').value = t.term;
    this.field<HTMLSelectElement>('kind').value = t.kind;
    this.field('expansion').value = t.expansion ?? '';
    this.field<HTMLTextAreaElement>('definition').value = t.definition ?? '';
    this.field('suggestions').value = (t.suggestions ?? []).join(', ');
    this.field('variants').value = (t.variants ?? []).join(', ');
    byId(this.page.doc, 'term-form-h').textContent = `Change “${t.term}”`;
    byId(this.page.doc, 'term-save').textContent = 'Save changes';
    byId(this.page.doc, 'term-cancel').hidden = false;
    this.showFormProblems([]);
    this.field('term').focus();
  }

  private stopEditing(focusTable: boolean): void {
    const was = this.editing;
    this.editing = undefined;
    byId<HTMLFormElement>(this.page.doc, 'term-form').reset();
    byId(this.page.doc, 'term-form-h').textContent = 'Add a term';
    byId(this.page.doc, 'term-save').textContent = 'Add term';
    byId(this.page.doc, 'term-cancel').hidden = true;
    this.showFormProblems([]);
    if (focusTable && was)
      this.page.doc.querySelector<HTMLElement>(`[data-key="${CSS.escape(`term:${was}:edit`)}"]`)?.focus();
  }

  /** The form as a term: the fields of the term being changed that the form does not show are kept. */
  private fromForm(): OwnTerm {
    const before = this.editing ? this.page.state().ownTerms.find((t) => termKey(t) === this.editing) : undefined;
    return tidyTerm({
      ...before,
      term: this.field('term').value,
      kind: this.field<HTMLSelectElement>('kind').value as EntryKind,
      expansion: this.field('expansion').value,
      definition: this.field<HTMLTextAreaElement>('definition').value,
      suggestions: splitList(this.field('suggestions').value, /,/),
      variants: splitList(this.field('variants').value, /,/),
    });
  }

  private showFormProblems(problems: string[]): void {
    showProblems(byId(this.page.doc, 'term-error'), 'Please fix this first:', problems);
    for (const name of FIELDS) {
      const input = this.field(name);
      const bad = problems.some((p) => fieldOf(p) === name);
      if (bad) input.setAttribute('aria-invalid', 'true');
      else input.removeAttribute('aria-invalid');
    }
    const first = FIELDS.find((f) => problems.some((p) => fieldOf(p) === f));
    if (first) this.field(first).focus();
  }

  private async save(): Promise<void> {
    const term = this.fromForm();
    const editing = this.editing;
    const problems = await this.change(async (list) => {
      const found = termProblems(term);
      const clash = list.find((t) => termKey(t) === termKey(term) && termKey(t) !== editing);
      if (clash)
        found.push(
          `You already have “${clash.term}” as a ${KIND_LABEL[clash.kind].toLowerCase()}. Change that one instead.`,
        );
      if (found.length) return found;
      const next = editing ? list.map((t) => (termKey(t) === editing ? term : t)) : [...list, term];
      try {
        await saveOwnTerms(next);
      } catch (e) {
        return [(e as Error).message];
      }
      return [];
    });
    if (problems.length) return this.showFormProblems(problems);
    const changed = !!editing;
    this.stopEditing(false);
    this.page.say(changed ? `Saved your changes to “${term.term}”.` : `Added “${term.term}” to your terms.`);
    this.field('term').focus();
  }

  private async remove(t: OwnTerm): Promise<void> {
    await this.change((list) => saveOwnTerms(list.filter((x) => termKey(x) !== termKey(t))));
    if (this.editing === termKey(t)) this.stopEditing(false);
    this.page.say(`Removed “${t.term}” from your terms.`);
    byId(this.page.doc, 'terms-h').focus();
  }

  private async importFile(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    const box = byId(this.page.doc, 'terms-error');
    showProblems(box, '', []);
    if (!file) return;
    const refuse = (problems: string[]) =>
      showProblems(box, `${file.name} was not imported. Your terms have not changed.`, problems);
    try {
      if (file.size > MAX_DICTIONARY_BYTES)
        return refuse([`The file is too large (${(file.size / 1e6).toFixed(1)} MB). It may be at most 5 MB.`]);
      const read = readTermsFile(await file.text(), file.name);
      if (!read.terms) return refuse(read.errors);
      if (!read.terms.length) return refuse(['There are no terms in it.']);
      const terms = read.terms;
      const result = await this.change(async (before): Promise<{ added: number } | { error: string }> => {
        const next = mergeTerms(before, terms);
        try {
          await saveOwnTerms(next);
        } catch (e) {
          return { error: (e as Error).message };
        }
        return { added: next.length - before.length };
      });
      if ('error' in result) return refuse([result.error]);
      const added = result.added;
      const replaced = read.terms.length - added;
      this.page.say(
        `Imported ${plural(read.terms.length, 'term')} from ${file.name}: ${added} new${replaced ? `, ${replaced} replaced` : ''}.`,
      );
    } catch (e) {
      refuse([`The file could not be read: ${(e as Error).message}`]);
    } finally {
      input.value = '';
    }
  }

  private export(format: 'csv' | 'json'): void {
    const terms = this.page.state().ownTerms;
    const name = `plain-send-my-terms.${format}`;
    if (format === 'csv') download(this.page.doc, name, writeTermsCsv(terms), 'text/csv');
    else download(this.page.doc, name, writeTermsJson(terms), 'application/json');
    this.page.say(`Exported ${plural(terms.length, 'term')} as ${name}.`);
  }
}

function meaningOf(t: Pick<OwnTerm, 'expansion' | 'definition' | 'suggestions' | 'senses'>): string {
  const parts: string[] = [];
  if (t.expansion) parts.push(`${t.expansion}.`);
  if (t.definition) parts.push(t.definition);
  if (t.senses?.length) parts.push(t.senses.map((s) => s.expansion).join(' or '));
  if (t.suggestions?.length) parts.push(`Instead: ${t.suggestions.join(', ')}.`);
  return parts.join(' ');
}

/** Which form field a problem is about, from the field name the validator quotes. */
function fieldOf(problem: string): Field | undefined {
  if (/"term"|already have/.test(problem)) return 'term';
  if (/"kind"/.test(problem)) return 'kind';
  if (/"expansion"/.test(problem)) return 'expansion';
  if (/"definition"|too long to keep/.test(problem)) return 'definition';
  if (/"suggestions"/.test(problem)) return 'suggestions';
  if (/"variants"/.test(problem)) return 'variants';
  return undefined;
}
