/**
 * The task pane: plain TypeScript and DOM, no framework. Talks to the document only through
 * a DocumentPort, so the same pane runs in Word (WordAdapter) and in a browser (MemoryPort).
 */
import {
  AUDIENCES,
  BUILTIN_PACKS,
  DEFAULT_AUDIENCE,
  DEFAULT_PACKS,
  createAnalyser,
  ignoreKey,
  mergeFiles,
  parseOwnDictionary,
  type Analyser,
  type AudienceId,
  type Category,
  type Pack,
  type Readability,
} from '../../engine/index.js';
import {
  checkDocument,
  CheckCancelled,
  findingsIn,
  findSelection,
  glossaryRows,
  type DocumentCheck,
  type LocatedFinding,
} from '../check.js';
import { StaleLocationError, type DocumentPort, type GlossaryPlace } from '../document-port.js';

const GROUPS: { category: Category; title: string }[] = [
  { category: 'acronym', title: 'Acronyms' },
  { category: 'jargon', title: 'Jargon' },
  { category: 'plain-word', title: 'Plain words' },
  { category: 'sentence', title: 'Long sentences' },
];

const EXPLAIN = 'Explain at first use';

interface UserTerms {
  name: string;
  text: string;
}

type Scope = 'document' | 'selection';

function $(id: string): HTMLElement {
  const el = document.getElementById(id);
  if (!el) throw new Error(`The pane is missing #${id}.`);
  return el;
}

function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Partial<HTMLElementTagNameMap[K]> & { className?: string } = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  Object.assign(node, props);
  for (const child of children) node.append(child);
  return node;
}

function plural(n: number, one: string, many = `${one}s`): string {
  return `${n.toLocaleString('en-GB')} ${n === 1 ? one : many}`;
}

/** A reading age to one decimal place, rounded so that it never contradicts the verdict beside it. */
function age(years: number, easy: boolean): string {
  const tenths = easy ? Math.floor(years * 10) : Math.ceil(years * 10);
  return (tenths / 10).toLocaleString('en-GB');
}

function shorten(text: string, max = 90): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

export class TaskPane {
  private analyser: Analyser | undefined;
  private check: DocumentCheck | undefined;
  private scope: Scope = 'document';
  private selectionFindings: LocatedFinding[] | undefined;
  private controller: AbortController | undefined;
  private ignored = new Set<string>();
  private busy = false;
  /** "Show in Word" is on: the findings are underlined in the document (Word's annotations). */
  private inWord = false;
  /** The findings underlined, in the order given to the port (its events give indexes into this). */
  private shownInWord: LocatedFinding[] = [];

  constructor(private readonly port: DocumentPort) {}

  // ---- settings ----------------------------------------------------------------------------

  private audience(): AudienceId {
    const a = this.port.documentSettings.get<string>('audience') ?? this.port.userSettings.get<string>('audience');
    return a && a in AUDIENCES ? (a as AudienceId) : DEFAULT_AUDIENCE;
  }

  private packs(): string[] {
    const saved = this.port.userSettings.get<string[]>('packs');
    const known = new Set(BUILTIN_PACKS.map((p) => p.id));
    return (saved ?? [...DEFAULT_PACKS]).filter((id) => known.has(id));
  }

  private userTerms(): UserTerms | undefined {
    return this.port.userSettings.get<UserTerms>('terms');
  }

  private userPacks(terms = this.userTerms()): Pack[] {
    if (!terms) return [];
    const parsed = parseOwnDictionary(terms.text, terms.name);
    return parsed.file ? [...mergeFiles([parsed.file]).values()] : [];
  }

  private glossaryPlace(): GlossaryPlace {
    return this.port.documentSettings.get<GlossaryPlace>('glossaryPlace') === 'cursor' ? 'cursor' : 'end';
  }

  private getAnalyser(): Analyser {
    this.analyser ??= createAnalyser({ audience: this.audience(), packs: this.packs(), extraPacks: this.userPacks() });
    return this.analyser;
  }

  /** Settings changed: a new analyser, and the last check again. */
  private async settingsChanged(): Promise<void> {
    this.analyser = undefined;
    if (this.check) await this.run(this.scope);
  }

  // ---- start -------------------------------------------------------------------------------

  start(): void {
    $('check-document').addEventListener('click', () => void this.run('document'));
    $('check-selection').addEventListener('click', () => void this.run('selection'));
    $('cancel').addEventListener('click', () => this.controller?.abort());
    $('mark-all').addEventListener('click', () => void this.markAll());
    $('clear-marks').addEventListener('click', () => void this.clearMarks());
    const showInWord = $('show-in-word');
    showInWord.hidden = !(
      this.port.capabilities().annotations &&
      this.port.showAnnotations &&
      this.port.clearAnnotations
    );
    showInWord.addEventListener('click', () => void this.toggleInWord());
    $('insert-glossary').addEventListener('click', () => void this.insertGlossary());
    $('findings').addEventListener('click', (event) => void this.onFindingClick(event));

    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="glossary-place"]')) {
      radio.checked = radio.value === this.glossaryPlace();
      radio.addEventListener('change', () => void this.port.documentSettings.set('glossaryPlace', radio.value));
    }
    this.startSettings();
    this.ignored = new Set(this.port.documentSettings.get<string[]>('ignored') ?? []);
    this.showTerms();
    this.showIgnored();
    if (!this.port.capabilities().comments)
      this.say('This version of Word cannot add comments from an add-in; everything else works.');
  }

  /** The Settings section: audience, glossaries, the user's own terms, the ignored terms. */
  private startSettings(): void {
    const audience = $('audience') as HTMLSelectElement;
    for (const a of Object.values(AUDIENCES)) {
      audience.append(
        el('option', { value: a.id, textContent: `${a.label} (reading age ${a.maxReadingAge} or under)` }),
      );
    }
    audience.value = this.audience();
    audience.addEventListener('change', async () => {
      await this.port.documentSettings.set('audience', audience.value);
      await this.port.userSettings.set('audience', audience.value);
      await this.settingsChanged();
    });

    const packs = $('packs');
    const chosen = new Set(this.packs());
    for (const pack of BUILTIN_PACKS) {
      const box = el('input', { type: 'checkbox', value: pack.id, checked: chosen.has(pack.id) });
      box.addEventListener('change', async () => {
        const ids = [...packs.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
        await this.port.userSettings.set('packs', ids);
        await this.settingsChanged();
      });
      packs.append(el('label', {}, box, ` ${pack.name}`));
    }

    $('terms-file').addEventListener('change', (event) => void this.importTerms(event.target as HTMLInputElement));
    $('terms-export').addEventListener('click', () => this.exportTerms());
    $('terms-remove').addEventListener('click', async () => {
      await this.port.userSettings.set('terms', undefined);
      this.showTerms();
      this.say('Your own terms were removed.');
      await this.settingsChanged();
    });
    $('ignored-clear').addEventListener('click', async () => {
      this.ignored.clear();
      await this.port.documentSettings.set('ignored', []);
      this.showIgnored();
      this.render();
    });
  }

  // ---- messages ----------------------------------------------------------------------------

  private say(message: string): void {
    $('alert').hidden = true;
    $('status').textContent = message;
  }

  private warn(message: string): void {
    const alert = $('alert');
    alert.textContent = message;
    alert.hidden = false;
  }

  private failed(error: unknown, what: string): void {
    if (error instanceof StaleLocationError) this.warn(error.message);
    else this.warn(`Could not ${what}: ${(error as Error)?.message ?? String(error)}`);
  }

  private setBusy(busy: boolean): void {
    this.busy = busy;
    for (const b of document.querySelectorAll<HTMLButtonElement>('main button:not(#cancel)')) b.disabled = busy;
  }

  // ---- checking ----------------------------------------------------------------------------

  /** Checks the document or the selection. */
  async run(scope: Scope): Promise<void> {
    if (this.busy) return;
    this.setBusy(true);
    this.scope = scope;
    const controller = (this.controller = new AbortController());
    const area = $('progress-area');
    const progress = $('progress') as HTMLProgressElement;
    const show = setTimeout(() => (area.hidden = false), 150); // only for checks long enough to see
    $('alert').hidden = true;
    try {
      this.say(scope === 'document' ? 'Checking the document…' : 'Checking the selection…');
      const { paragraphs, selection } =
        scope === 'selection'
          ? await this.port.readWithSelection()
          : { paragraphs: await this.port.readParagraphs(), selection: undefined };
      const check = await checkDocument(this.getAnalyser(), paragraphs, {
        signal: controller.signal,
        onProgress: (f) => (progress.value = Math.round(f * 100)),
      });
      this.check = check;
      this.selectionFindings = undefined;
      let selectionReadability: { readability: Readability; within: boolean } | undefined;
      if (selection) {
        const span = findSelection(paragraphs, selection);
        this.selectionFindings = span ? findingsIn(check.findings, span) : [];
        const a = this.getAnalyser().analyse(selection.text.replace(/\v/g, '\n'));
        selectionReadability = { readability: a.readability, within: a.withinAudience };
        if (!selection.text.trim())
          this.warn('Nothing is selected: select a section of the document, then choose Check selection.');
      }
      this.showReadability(check, selectionReadability);
      this.render();
      const shown = this.visible().length;
      this.say(`${scope === 'document' ? 'Document' : 'Selection'} checked: ${plural(shown, 'finding')}.`);
    } catch (error) {
      if (error instanceof CheckCancelled) this.say('Check cancelled.');
      else this.failed(error, 'check the document');
    } finally {
      clearTimeout(show);
      area.hidden = true;
      progress.value = 0;
      this.controller = undefined;
      this.setBusy(false);
    }
    if (this.inWord && this.check) await this.showInWord(true);
  }

  private showReadability(check: DocumentCheck, selection?: { readability: Readability; within: boolean }): void {
    const audience = AUDIENCES[this.audience()];
    const block = (title: string, r: Readability, within: boolean) => {
      const verdict =
        r.words === 0
          ? 'No words to check.'
          : within
            ? `Easy enough for ${audience.label.toLowerCase()}: reading age ${age(r.readingAge, true)}, aim for ${audience.maxReadingAge} or under.`
            : `Too hard for ${audience.label.toLowerCase()}: reading age ${age(r.readingAge, false)}, aim for ${audience.maxReadingAge} or under.`;
      return el(
        'div',
        { className: 'readability-block' },
        el('h3', { textContent: title }),
        el('p', { className: `verdict ${r.words === 0 ? '' : within ? 'good' : 'bad'}`, textContent: verdict }),
        el('p', {
          className: 'figures',
          textContent: `${plural(r.words, 'word')}, ${plural(r.sentences, 'sentence')}, ${r.averageSentenceLength.toFixed(1)} words a sentence on average, longest ${r.longestSentence}. Flesch reading ease ${r.fleschReadingEase.toFixed(0)}.`,
        }),
      );
    };
    $('readability').hidden = false;
    $('readability-document').replaceChildren(block('Whole document', check.readability, check.withinAudience));
    $('readability-selection').replaceChildren(
      ...(selection ? [block('Selection', selection.readability, selection.within)] : []),
    );
  }

  /** Findings to show: in scope, not ignored, and not acronyms the text already explains. */
  private visible(): LocatedFinding[] {
    const all = this.scope === 'selection' ? (this.selectionFindings ?? []) : (this.check?.findings ?? []);
    return all.filter((f) => !this.ignored.has(ignoreKey(f)) && !(f.category === 'acronym' && f.explained));
  }

  private render(): void {
    const section = $('findings-section');
    const container = $('findings');
    if (!this.check) {
      section.hidden = true;
      return;
    }
    section.hidden = false;
    const findings = this.visible();
    const all = this.scope === 'selection' ? (this.selectionFindings ?? []) : this.check.findings;
    const explained = all.filter(
      (f) => f.category === 'acronym' && f.explained && !this.ignored.has(ignoreKey(f)),
    ).length;
    const where = this.scope === 'selection' ? 'in the selection' : 'in the document';
    $('findings-summary').textContent = findings.length
      ? `${plural(findings.length, 'finding')} ${where}.${explained ? ` ${plural(explained, 'acronym is', 'acronyms are')} explained in the text.` : ''}`
      : `Nothing to change ${where}.`;
    const comments = this.port.capabilities().comments;
    const groups = GROUPS.map(({ category, title }) => {
      const items = findings.filter((f) => f.category === category);
      if (!items.length) return undefined;
      const list = el('ul', { className: 'findings' });
      for (const f of items) list.append(this.card(f, comments));
      const headingId = `group-${category}`;
      const details = el(
        'details',
        { className: 'group', open: true },
        el(
          'summary',
          {},
          el('h3', { id: headingId, textContent: `${title} (${items.length.toLocaleString('en-GB')})` }),
        ),
        list,
      );
      list.setAttribute('aria-labelledby', headingId);
      return details;
    }).filter((g): g is HTMLDetailsElement => !!g);
    container.replaceChildren(...groups);
  }

  private card(f: LocatedFinding, comments: boolean): HTMLLIElement {
    const label = f.category === 'sentence' ? shorten(f.text, 70) : f.text;
    const li = el('li', { className: 'finding', tabIndex: -1 });
    li.dataset.id = f.id;
    li.append(
      el(
        'p',
        { className: 'finding-text' },
        el('span', { className: 'found', textContent: label }),
        ' ',
        el('span', { className: 'where', textContent: `paragraph ${f.location.paragraph + 1}` }),
      ),
    );
    if (f.definition || f.expansion) {
      const meaning = el('p', { className: 'meaning' });
      if (f.expansion)
        meaning.append(el('strong', { textContent: f.expansion }), f.definition ? `: ${f.definition}` : '');
      else meaning.append(f.definition ?? '');
      li.append(meaning);
    } else {
      li.append(el('p', { className: 'meaning', textContent: f.message }));
    }
    if (f.suggestions.length && f.category !== 'plain-word') {
      li.append(el('p', { className: 'hint', textContent: `Plainer: ${f.suggestions.join(', ')}.` }));
    }
    const actions = el('div', { className: 'actions' });
    actions.setAttribute('role', 'group');
    actions.setAttribute('aria-label', `Actions for ${label}`);
    const button = (action: string, text: string, aria: string, index?: number) => {
      const b = el('button', { type: 'button', textContent: text });
      b.dataset.action = action;
      if (index !== undefined) b.dataset.index = String(index);
      b.setAttribute('aria-label', aria);
      actions.append(b);
    };
    button('select', 'Select', `Select ${label} in the document`);
    f.replacements.forEach((r, i) => {
      if (r.label === EXPLAIN) button('replace', EXPLAIN, `Explain ${label} at first use: ${r.text}`, i);
      else button('replace', `Use “${r.text}”`, `Replace ${label} with ${r.text}`, i);
    });
    if (comments) button('comment', 'Add comment', `Add a comment on ${label}`);
    button('ignore', 'Ignore', `Ignore ${label} in this document`);
    li.append(actions);
    return li;
  }

  private commentFor(f: LocatedFinding): string {
    const parts = [`Plain SEND: ${f.message}`];
    if (f.definition) parts.push(`What it means: ${f.expansion ? `${f.expansion}. ` : ''}${f.definition}`);
    if (f.suggestions.length) parts.push(`Plainer: ${f.suggestions.join(', ')}.`);
    return parts.join('\n');
  }

  private async onFindingClick(event: Event): Promise<void> {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!button || this.busy) return;
    const card = button.closest<HTMLLIElement>('li.finding');
    const list = this.visible();
    const index = list.findIndex((f) => f.id === card?.dataset.id);
    const f = list[index];
    if (!f) return;
    const action = button.dataset.action;
    this.setBusy(true);
    let recheck = false;
    let recheckInWord = false;
    try {
      if (action === 'select') {
        await this.port.select(f.location);
        this.say(`Selected “${shorten(f.text, 60)}” in paragraph ${f.location.paragraph + 1}.`);
      } else if (action === 'replace') {
        recheck = await this.replaceWith(f, f.replacements[Number(button.dataset.index)].text);
      } else if (action === 'comment') {
        await this.port.insertComment(f.location, this.commentFor(f));
        this.say(`Added a comment on “${shorten(f.text, 60)}”.`);
      } else if (action === 'ignore') {
        this.ignored.add(ignoreKey(f));
        await this.port.documentSettings.set('ignored', [...this.ignored]);
        this.showIgnored();
        this.say(`Ignoring “${f.term ?? f.text}” in this document.`);
        this.render();
        this.focusCard(index);
        if (this.inWord) recheckInWord = true;
      }
    } catch (error) {
      this.failed(error, 'do that');
    } finally {
      this.setBusy(false);
    }
    if (recheck) await this.recheckAfterChange(index);
    else if (recheckInWord) await this.showInWord(true);
  }

  /** Puts in a plainer text: the "Use …" buttons and the suggestions in Word's pop-up. Throws if it could not. */
  private async replaceWith(f: LocatedFinding, text: string): Promise<boolean> {
    await this.port.replace(f.location, text);
    this.say(`Changed “${shorten(f.text, 60)}” to “${shorten(text, 60)}”.`);
    return true;
  }

  private async recheckAfterChange(index: number): Promise<void> {
    const status = $('status').textContent ?? '';
    await this.run(this.scope);
    this.say(`${status} ${$('status').textContent}`);
    this.focusCard(index);
  }

  // ---- Show in Word (Word's own underlines, WordApi 1.7) ----------------------------------------

  private async toggleInWord(): Promise<void> {
    if (this.busy) return;
    if (this.inWord) {
      this.setBusy(true);
      try {
        const n = await this.port.clearAnnotations!();
        this.setInWord(false);
        this.say(n ? `Took ${plural(n, 'underline')} off the document.` : 'There were no underlines to take off.');
      } catch (error) {
        this.failed(error, 'take the underlines off');
      } finally {
        this.setBusy(false);
      }
      return;
    }
    if (!this.check) {
      this.say('There is nothing to show: check the document first.');
      return;
    }
    this.setInWord(true);
    await this.showInWord(false);
  }

  private setInWord(on: boolean): void {
    this.inWord = on;
    const button = $('show-in-word');
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Hide in Word' : 'Show in Word';
  }

  /** Underlines the visible findings in the document; `quiet` after a check (keeps its message). */
  private async showInWord(quiet: boolean): Promise<void> {
    const findings = this.visible();
    this.setBusy(true);
    try {
      const r = await this.port.showAnnotations!(
        findings.map((f) => ({
          location: f.location,
          category: f.category,
          suggestions: f.replacements.map((x) => x.text),
        })),
        { onSuggestion: (i, text) => void this.onSuggestion(i, text), onClicked: (i) => this.onUnderlineClicked(i) },
      );
      this.shownInWord = findings;
      if (!quiet) {
        this.say(
          `Underlined ${plural(r.marked, 'finding')} in the document.${r.skipped ? ` ${plural(r.skipped, 'finding was', 'findings were')} left without an underline.` : ''}`,
        );
      }
    } catch (error) {
      this.setInWord(false);
      this.failed(error, 'underline the findings in Word');
    } finally {
      this.setBusy(false);
    }
  }

  /**
   * The user picked a suggestion in Word's pop-up. Word has already put it in place of the words
   * (office-js issues 6644, 6358), so the pane does not replace them again: it says so and checks
   * again, which reads the paragraph Word changed and underlines it afresh.
   */
  private async onSuggestion(index: number, text: string): Promise<void> {
    const f = this.shownInWord[index];
    if (!f) return;
    this.shownInWord = [];
    this.say(`Word changed “${shorten(f.text, 60)}” to “${shorten(text, 60)}”.`);
    while (this.busy) await new Promise((resolve) => setTimeout(resolve, 50));
    await this.recheckAfterChange(
      Math.max(
        0,
        this.visible().findIndex((v) => v.id === f.id),
      ),
    );
  }

  /** The user clicked an underline: show its card in the pane. */
  private onUnderlineClicked(index: number): void {
    const f = this.shownInWord[index];
    const card = f && document.querySelector<HTMLLIElement>(`#findings li.finding[data-id="${CSS.escape(f.id)}"]`);
    card?.focus();
  }

  /** After a list changes, focus the card now at `index` (or the last, or the heading). */
  private focusCard(index: number): void {
    const cards = document.querySelectorAll<HTMLLIElement>('#findings li.finding');
    const target = cards[Math.min(index, cards.length - 1)];
    (target ?? $('findings-heading')).focus();
  }

  private async markAll(): Promise<void> {
    const findings = this.visible();
    if (!findings.length) {
      this.say('There is nothing to mark: check the document first.');
      return;
    }
    this.setBusy(true);
    try {
      const r = await this.port.markUp(findings.map((f) => f.location));
      this.say(
        `Marked ${plural(r.marked, 'finding')} in the document.${r.skipped ? ` ${plural(r.skipped, 'finding was', 'findings were')} left unmarked.` : ''}`,
      );
    } catch (error) {
      this.failed(error, 'mark the findings');
    } finally {
      this.setBusy(false);
    }
  }

  private async clearMarks(): Promise<void> {
    this.setBusy(true);
    try {
      const n = await this.port.clearMarks();
      this.say(n ? `Cleared ${plural(n, 'mark')}.` : 'There were no marks to clear.');
    } catch (error) {
      this.failed(error, 'clear the marks');
    } finally {
      this.setBusy(false);
    }
  }

  private async insertGlossary(): Promise<void> {
    if (!this.check || this.scope !== 'document') await this.run('document');
    if (!this.check) return;
    const rows = glossaryRows(this.check.findings);
    if (!rows.length) {
      this.say('No SEND terms were found, so there is no glossary to insert.');
      return;
    }
    this.setBusy(true);
    let done = false;
    try {
      const r = await this.port.insertGlossary(rows, this.glossaryPlace());
      this.say(`${r.replaced ? 'Updated the glossary' : 'Inserted a glossary'}: ${plural(rows.length, 'term')}.`);
      done = true;
    } catch (error) {
      this.failed(error, 'insert the glossary');
    } finally {
      this.setBusy(false);
    }
    if (done) {
      const status = $('status').textContent ?? '';
      await this.run('document');
      this.say(`${status} ${$('status').textContent}`);
    }
  }

  // ---- own terms -----------------------------------------------------------------------------

  private showTerms(): void {
    const terms = this.userTerms();
    const packs = this.userPacks(terms);
    const count = packs.reduce((n, p) => n + p.entries.length, 0);
    $('terms-summary').textContent = terms
      ? `${plural(count, 'term')} from ${terms.name}.`
      : 'You have not added any terms.';
    ($('terms-export') as HTMLButtonElement).disabled = !terms;
    ($('terms-remove') as HTMLButtonElement).disabled = !terms;
  }

  private showIgnored(): void {
    $('ignored-summary').textContent = this.ignored.size ? [...this.ignored].sort().join(', ') : 'Nothing is ignored.';
    ($('ignored-clear') as HTMLButtonElement).disabled = this.ignored.size === 0;
  }

  /** Reads a dictionary file; on any error says what is wrong and keeps the terms there were. */
  async importTerms(input: HTMLInputElement): Promise<void> {
    const file = input.files?.[0];
    const error = $('terms-error');
    error.hidden = true;
    if (!file) return;
    try {
      const text = await file.text();
      const parsed = parseOwnDictionary(text, file.name);
      if (!parsed.file) {
        const shown = parsed.errors.slice(0, 5);
        error.textContent = `${file.name} was not imported, and your terms are unchanged. ${shown.join(' ')}${parsed.errors.length > 5 ? ` (and ${parsed.errors.length - 5} more problems)` : ''}`;
        error.hidden = false;
        return;
      }
      await this.port.userSettings.set('terms', { name: file.name, text } satisfies UserTerms);
      this.showTerms();
      this.say(`Imported ${plural(parsed.file.entries.length, 'term')} from ${file.name}.`);
      await this.settingsChanged();
    } catch (e) {
      error.textContent = `${file.name} could not be read, and your terms are unchanged: ${(e as Error).message}`;
      error.hidden = false;
    } finally {
      input.value = '';
    }
  }

  private exportTerms(): void {
    const terms = this.userTerms();
    if (!terms) return;
    const url = URL.createObjectURL(new Blob([terms.text], { type: 'text/yaml' }));
    const a = el('a', { href: url, download: terms.name.replace(/\.(ya?ml|json)$/i, '') + '.yaml' });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 1000);
    this.say(`Exported your terms as ${a.download}.`);
  }
}
