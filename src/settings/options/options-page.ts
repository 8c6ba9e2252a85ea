/**
 * The options page: who the writing is for, what to mark, which glossaries, the user's own
 * terms, and the words they ignore. Reads everything through settings.ts, draws it, and
 * draws it again whenever storage changes (here, in the popup, on another computer, or by
 * the school's policy), keeping keyboard focus where it was.
 */
import { browser } from 'wxt/browser';
import { readAllSettings, type AllSettings } from '../../browser/store/all-settings.js';
import { ignoredItem, isAudience, removeIgnored, setAudience, setCategoryOn } from '../../browser/store/settings.js';
import type { EntryKind } from '../../engine/dictionary/schema.js';
import type { Category } from '../../engine/types.js';
import { byId, el, keepFocus, plural, showProblems } from './dom.js';
import { PacksSection } from './packs-section.js';
import { TermsSection } from './terms-section.js';

export interface PageContext {
  doc: Document;
  /** Says something in the page's status line (read out by screen readers). */
  say(text: string): void;
  /** The settings as last read. */
  state(): AllSettings;
}

export async function startOptions(doc: Document): Promise<void> {
  const page = new OptionsPage(doc);
  await page.refresh();
  browser.storage.onChanged.addListener(() => void page.refresh());
  // From a card's "Add to my terms": options.html#add=<term>&kind=<kind>.
  const asked = termToAdd(doc.defaultView?.location.hash ?? '');
  if (asked) page.addTerm(asked.term, asked.kind);
  doc.documentElement.dataset.ready = 'true';
}

class OptionsPage implements PageContext {
  private current: AllSettings | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private readonly packs: PacksSection;
  private readonly terms: TermsSection;

  constructor(readonly doc: Document) {
    this.packs = new PacksSection(this);
    this.terms = new TermsSection(this);
    this.wireBasics();
  }

  addTerm(term: string, kind: EntryKind): void {
    this.terms.prefill(term, kind);
  }

  state(): AllSettings {
    if (!this.current) throw new Error('The settings have not been read yet.');
    return this.current;
  }

  say(text: string): void {
    const status = byId(this.doc, 'status');
    // Cleared first, so the same words said twice are read out twice.
    status.textContent = '';
    setTimeout(() => (status.textContent = text), 30);
  }

  /** Reads the settings and draws the page; changes that arrive meanwhile are drawn after. */
  refresh(): Promise<void> {
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = (async () => {
      do {
        this.again = false;
        this.current = await readAllSettings();
        keepFocus(this.doc, () => this.render());
      } while (this.again);
    })().finally(() => (this.running = undefined));
    return this.running;
  }

  private render(): void {
    const s = this.state();
    const doc = this.doc;
    // The school's part: shown only when a policy is set.
    const school = byId(doc, 'school');
    school.hidden = !s.managed.present;
    showProblems(
      byId(doc, 'school-errors'),
      "Some of your school's settings could not be used. Please tell your school's IT team:",
      s.managed.errors,
    );

    const audience = byId<HTMLSelectElement>(doc, 'audience');
    audience.value = s.sources.audience;
    audience.disabled = s.sources.audienceLocked;
    const note = byId(doc, 'audience-note');
    note.replaceChildren('Plain SEND checks how easy your writing is for this reader.');
    if (s.sources.audienceLocked) note.append(' ', el(doc, 'span', { className: 'locked' }, 'Set by your school'));
    else if (s.sources.audienceFrom === 'school') note.append(' Your school chose this reader; you can change it.');

    for (const box of doc.querySelectorAll<HTMLInputElement>('input[data-category]')) {
      box.checked = !s.offCategories.includes(box.dataset.category as Category);
    }

    this.packs.render();
    this.terms.render();
    this.renderIgnored();
  }

  private renderIgnored(): void {
    const doc = this.doc;
    const { ignored } = this.state();
    const list = byId(doc, 'ignored-list');
    list.replaceChildren(
      ...[...ignored]
        .sort((a, b) => a.localeCompare(b, 'en-GB', { sensitivity: 'base' }))
        .map((term) =>
          el(
            doc,
            'li',
            {},
            el(doc, 'span', { className: 'grow' }, ignoredLabel(term)),
            el(doc, 'button', {
              type: 'button',
              textContent: 'Stop ignoring',
              dataset: { key: `ignored:${term}` },
              attrs: { 'aria-label': `Stop ignoring ${ignoredLabel(term)}` },
              onclick: () =>
                void removeIgnored(term).then(() => this.say(`${ignoredLabel(term)} will be marked again.`)),
            }),
          ),
        ),
    );
    list.hidden = ignored.length === 0;
    byId(doc, 'ignored-empty').hidden = ignored.length > 0;
    byId<HTMLButtonElement>(doc, 'ignored-clear').hidden = ignored.length < 2;
  }

  private wireBasics(): void {
    const doc = this.doc;
    const audience = byId<HTMLSelectElement>(doc, 'audience');
    audience.addEventListener('change', () => {
      if (isAudience(audience.value))
        void setAudience(audience.value).then(() =>
          this.say(`Saved: ${audience.selectedOptions[0]?.textContent ?? audience.value}.`),
        );
    });
    for (const box of doc.querySelectorAll<HTMLInputElement>('input[data-category]')) {
      box.addEventListener('change', () => {
        const label = box.parentElement?.textContent?.trim() ?? '';
        void setCategoryOn(box.dataset.category as Category, box.checked).then(() =>
          this.say(`${box.checked ? 'Marking' : 'Not marking'}: ${label}.`),
        );
      });
    }
    byId(doc, 'ignored-clear').addEventListener('click', () => {
      const n = this.state().ignored.length;
      void ignoredItem.setValue([]).then(() => {
        this.say(`${plural(n, 'word')} will be marked again.`);
        byId(doc, 'ignored-h').focus();
      });
    });
    byId(doc, 'ignored-h').tabIndex = -1;
  }
}

/** Ignored entries are terms or glossary ids (`england:EHCP`): show the term. */
function ignoredLabel(key: string): string {
  const i = key.indexOf(':');
  return i > 0 && /^[a-z0-9-]+$/.test(key.slice(0, i)) ? key.slice(i + 1) : key;
}

/** The term a card asked to add, from the page's address: `#add=SaLT&kind=acronym`. */
export function termToAdd(hash: string): { term: string; kind: EntryKind } | undefined {
  const params = new URLSearchParams(hash.replace(/^#/, ''));
  const term = params.get('add')?.trim().slice(0, 120);
  if (!term) return undefined;
  const kind = params.get('kind');
  return { term, kind: kind === 'acronym' || kind === 'plain-word' ? kind : 'jargon' };
}
