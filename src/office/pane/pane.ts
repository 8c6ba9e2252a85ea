/**
 * The task pane's controller: it wires the buttons, runs the check, and carries out what the
 * user asks (act on a finding, mark up, Show in Word, glossary, settings) through a
 * DocumentPort, so the same pane runs in Word (WordAdapter) and in a browser (MemoryPort).
 * What it draws is in cards.ts; Show in Word in in-word.ts; the user's own terms in own-terms.ts.
 */
import {
  AUDIENCES,
  PACK_INDEX,
  DEFAULT_PACKS,
  ignoreKey,
  planMeanings,
  plainWordEdits,
  shortFormEdits,
  type TextEdit,
  type Analyser,
  type AudienceId,
  type Readability,
} from '../../engine/index.js';
import {
  checkDocument,
  CheckCancelled,
  findingsIn,
  findSelection,
  glossaryRows,
  joinParagraphs,
  type DocumentCheck,
  type LocatedFinding,
} from '../check.js';
import { StaleLocationError, type DocumentPort, type GlossaryPlace } from '../document-port.js';
import { groupFindings } from '../groups.js';
import { commentFor, findingGroups, showReadability } from './cards.js';
import { InWord } from './in-word.js';
import { $, capital, el, plural, shorten } from './dom.js';
import { exportTerms, importTerms, showTerms } from './own-terms.js';
import { analyserFrom, audienceFrom, packsFrom } from '../reader.js';

type Scope = 'document' | 'selection';

/** What differs between the hosts, in words. */
export interface PaneOptions {
  /** What the text is called: `document` (Word), `email` (Outlook). */
  noun?: string;
  /** What a place in it is called: `paragraph`, `line`. */
  unit?: string;
}

export class TaskPane {
  private analyser: Promise<Analyser> | undefined;
  private check: DocumentCheck | undefined;
  private scope: Scope = 'document';
  private selectionFindings: LocatedFinding[] | undefined;
  private controller: AbortController | undefined;
  private ignored = new Set<string>();
  private busy = false;
  /** Show in Word: the findings as Word's own underlines. */
  private readonly inWord: InWord;

  /** Which use of each term (by group key) a card acts on: Select moves it to the next. */
  private cursor = new Map<string, number>();
  private readonly noun: string;
  private readonly unit: string;

  constructor(
    private readonly port: DocumentPort,
    options: PaneOptions = {},
  ) {
    this.noun = options.noun ?? 'document';
    this.unit = options.unit ?? 'paragraph';
    this.inWord = new InWord(port, {
      isBusy: () => this.busy,
      setBusy: (busy) => this.setBusy(busy),
      say: (message) => this.say(message),
      failed: (error, what) => this.failed(error, what),
      findings: () => (this.check ? this.visible() : undefined),
      recheck: (id) => this.recheckAfterChange(id),
    });
  }

  // ---- settings ----------------------------------------------------------------------------

  private audience(): AudienceId {
    return audienceFrom(this.port.userSettings, this.port.documentSettings);
  }

  private packs(): string[] {
    return packsFrom(this.port.userSettings);
  }

  private glossaryPlace(): GlossaryPlace {
    return this.port.documentSettings.get<GlossaryPlace>('glossaryPlace') === 'cursor' ? 'cursor' : 'end';
  }

  /** Only the packs that are on are loaded (each once). */
  private getAnalyser(): Promise<Analyser> {
    this.analyser ??= analyserFrom(this.port.userSettings, this.port.documentSettings);
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
    this.inWord.start();
    $('insert-glossary').addEventListener('click', () => void this.insertGlossary());
    const caps = this.port.capabilities();
    if (caps.marks === false) for (const id of ['mark-all', 'clear-marks']) $(id).hidden = true;
    if (caps.glossary === false) $('glossary-section').hidden = true;
    $('review').hidden = !this.port.editText;
    $('add-meanings').hidden = !caps.textLines; // Word: Insert glossary
    $('explain-all').addEventListener('click', () => void this.review('explain'));
    $('plain-all').addEventListener('click', () => void this.review('plain'));
    $('add-meanings').addEventListener('click', () => void this.review('meanings'));
    $('findings').addEventListener('click', (event) => void this.onFindingClick(event));

    for (const radio of document.querySelectorAll<HTMLInputElement>('input[name="glossary-place"]')) {
      radio.checked = radio.value === this.glossaryPlace();
      radio.addEventListener('change', () => void this.port.documentSettings.set('glossaryPlace', radio.value));
    }
    this.startSettings();
    this.ignored = new Set(this.port.documentSettings.get<string[]>('ignored') ?? []);
    this.showTerms();
    this.showIgnored();
    if (!caps.comments && this.port.kind === 'word')
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
    // The UK-wide glossaries, then the local ones (about fifty) folded away (open when one is on).
    const local = el('details', { className: 'local-packs' });
    const localPacks = PACK_INDEX.filter((p) => !DEFAULT_PACKS.includes(p.id)).sort((a, b) =>
      a.name.localeCompare(b.name, 'en-GB'),
    );
    local.append(el('summary', {}, `Local glossaries (${localPacks.length} council areas)`));
    local.open = localPacks.some((p) => chosen.has(p.id));
    for (const pack of [...PACK_INDEX.filter((p) => DEFAULT_PACKS.includes(p.id)), ...localPacks]) {
      const box = el('input', { type: 'checkbox', value: pack.id, checked: chosen.has(pack.id) });
      box.addEventListener('change', async () => {
        const ids = [...packs.querySelectorAll<HTMLInputElement>('input:checked')].map((b) => b.value);
        await this.port.userSettings.set('packs', ids);
        await this.settingsChanged();
      });
      (DEFAULT_PACKS.includes(pack.id) ? packs : local).append(el('label', {}, box, ` ${pack.name}`));
    }
    if (localPacks.length) packs.append(local);

    $('terms-file').addEventListener('change', (event) => void this.importTerms(event.target as HTMLInputElement));
    $('terms-export').addEventListener('click', () => {
      const message = exportTerms(this.port.userSettings);
      if (message) this.say(message);
    });
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
      this.say(scope === 'document' ? `Checking the ${this.noun}…` : 'Checking the selection…');
      const { paragraphs, selection } =
        scope === 'selection'
          ? await this.port.readWithSelection()
          : { paragraphs: await this.port.readParagraphs(), selection: undefined };
      const analyser = await this.getAnalyser();
      const check = await checkDocument(analyser, paragraphs, {
        signal: controller.signal,
        onProgress: (f) => (progress.value = Math.round(f * 100)),
      });
      this.check = check;
      this.selectionFindings = undefined;
      let selectionReadability: { readability: Readability; within: boolean } | undefined;
      if (selection) {
        const span = findSelection(paragraphs, selection);
        this.selectionFindings = span ? findingsIn(check.findings, span) : [];
        const a = analyser.analyse(selection.text.replace(/\v/g, '\n'));
        selectionReadability = { readability: a.readability, within: a.withinAudience };
        if (!selection.text.trim())
          this.warn('Nothing is selected: select a section of the document, then choose Check selection.');
      }
      showReadability(this.audience(), check, selectionReadability, this.noun);
      this.cursor.clear();
      this.render();
      const shown = this.visible().length;
      this.say(`${scope === 'document' ? capital(this.noun) : 'Selection'} checked: ${plural(shown, 'finding')}.`);
    } catch (error) {
      if (error instanceof CheckCancelled) this.say('Check cancelled.');
      else this.failed(error, `check the ${this.noun}`);
    } finally {
      clearTimeout(show);
      area.hidden = true;
      progress.value = 0;
      this.controller = undefined;
      this.setBusy(false);
    }
    if (this.inWord.on && this.check) await this.inWord.show(true);
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
    const where = this.scope === 'selection' ? 'in the selection' : `in the ${this.noun}`;
    $('findings-summary').textContent = findings.length
      ? `${plural(findings.length, 'finding')} ${where}.${explained ? ` ${plural(explained, 'acronym is', 'acronyms are')} explained in the text.` : ''}`
      : `Nothing to change ${where}.`;
    const caps = this.port.capabilities();
    container.replaceChildren(
      ...findingGroups(findings, {
        comments: caps.comments,
        select: caps.select !== false,
        unit: this.unit,
        noun: this.noun,
      }),
    );
  }

  private async onFindingClick(event: Event): Promise<void> {
    const button = (event.target as HTMLElement).closest<HTMLButtonElement>('button[data-action]');
    if (!button || this.busy) return;
    const card = button.closest<HTMLLIElement>('li.finding');
    const list = this.visible();
    const key = card?.dataset.key ?? '';
    const group = groupFindings(list).find((g) => g.key === key);
    if (!group || !card) return;
    const index = [...document.querySelectorAll('#findings li.finding')].indexOf(card);
    // Select moves on to the next use; the other actions act on the use selected last (the first to start with).
    let at = this.cursor.get(key);
    if (button.dataset.action === 'select') at = at === undefined ? 0 : (at + 1) % group.findings.length;
    const f = group.findings[at ?? 0];
    const action = button.dataset.action;
    this.setBusy(true);
    let recheck = false;
    let recheckInWord = false;
    try {
      if (action === 'select') {
        await this.port.select(f.location);
        this.cursor.set(key, at ?? 0);
        card.dataset.id = f.id;
        const of = group.findings.length > 1 ? ` (${(at ?? 0) + 1} of ${group.findings.length})` : '';
        this.say(`Selected “${shorten(f.text, 60)}” in ${this.unit} ${f.location.paragraph + 1}${of}.`);
      } else if (action === 'replace') {
        recheck = await this.replaceWith(f, f.replacements[Number(button.dataset.index)].text);
      } else if (action === 'comment') {
        await this.port.insertComment(f.location, commentFor(f));
        this.say(`Added a comment on “${shorten(f.text, 60)}”.`);
      } else if (action === 'ignore') {
        this.ignored.add(ignoreKey(f));
        await this.port.documentSettings.set('ignored', [...this.ignored]);
        this.showIgnored();
        this.say(`Ignoring “${f.term ?? f.text}” in this ${this.noun}.`);
        this.render();
        this.focusCard(index);
        if (this.inWord.on) recheckInWord = true;
      }
    } catch (error) {
      this.failed(error, 'do that');
    } finally {
      this.setBusy(false);
    }
    if (recheck) await this.recheckAfterChange(index);
    else if (recheckInWord) await this.inWord.show(true);
  }

  /** Puts in a plainer text: the "Use …" buttons and the suggestions in Word's pop-up. Throws if it could not. */
  private async replaceWith(f: LocatedFinding, text: string): Promise<boolean> {
    await this.port.replace(f.location, text);
    this.say(`Changed “${shorten(f.text, 60)}” to “${shorten(text, 60)}”.`);
    return true;
  }

  /** Checks again after the document changed, keeping the message, and focuses the card at `index` (or of the finding `id`). */
  private async recheckAfterChange(index: number | string): Promise<void> {
    const status = $('status').textContent ?? '';
    const id = typeof index === 'string' ? index : undefined;
    const at = id === undefined ? (index as number) : this.visible().findIndex((v) => v.id === id);
    await this.run(this.scope);
    this.say(`${status} ${$('status').textContent}`);
    this.focusCard(Math.max(0, at));
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

  /**
   * The review actions, on the whole text, through the engine's own edits (the same text as the
   * extension gives): explain every short form at first use, use every plainer word, add the
   * meanings at the end (made again, it replaces the list made before).
   */
  async review(action: 'explain' | 'plain' | 'meanings'): Promise<void> {
    if (this.busy || !this.port.editText) return;
    await this.run('document');
    const check = this.check;
    if (!check || this.scope !== 'document') return;
    const findings = check.analysis.findings.filter((f) => !this.ignored.has(ignoreKey(f)));
    const text = joinParagraphs(check.paragraphs).text;
    let edits: TextEdit[];
    let message: string;
    if (action === 'explain') {
      edits = shortFormEdits(findings);
      message = edits.length
        ? `Explained ${plural(edits.length, 'short form')} at first use.`
        : 'There are no short forms to explain.';
    } else if (action === 'plain') {
      edits = plainWordEdits(findings);
      message = edits.length ? `Used ${plural(edits.length, 'plainer word')}.` : 'There are no plainer words to use.';
    } else {
      const plan = planMeanings(text, findings);
      edits = plan.edit ? [plan.edit] : [];
      message = plan.items.length
        ? `${plan.replaces ? 'Updated' : 'Added'} the meanings at the end: ${plural(plan.items.length, 'word')}.`
        : plan.replaces
          ? 'Took the list of meanings out: no words in it need one now.'
          : `There are no words in the ${this.noun} whose meanings to add.`;
    }
    if (!edits.length) {
      this.say(message);
      return;
    }
    this.setBusy(true);
    let done = false;
    try {
      await this.port.editText(text, edits);
      done = true;
    } catch (error) {
      this.failed(error, `change the ${this.noun}`);
    } finally {
      this.setBusy(false);
    }
    if (done) {
      await this.run('document');
      this.say(`${message} ${$('status').textContent}`);
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

  private showTerms(): void {
    showTerms(this.port.userSettings);
  }

  /** Reads a dictionary file; on any error says what is wrong and keeps the terms there were. */
  async importTerms(input: HTMLInputElement): Promise<void> {
    const imported = await importTerms(input, this.port.userSettings);
    if (!imported) return;
    this.say(imported);
    await this.settingsChanged();
  }

  private showIgnored(): void {
    $('ignored-summary').textContent = this.ignored.size ? [...this.ignored].sort().join(', ') : 'Nothing is ignored.';
    ($('ignored-clear') as HTMLButtonElement).disabled = this.ignored.size === 0;
  }
}
