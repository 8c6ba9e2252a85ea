/**
 * The task pane's controller: it wires the buttons, runs the check, and carries out what the
 * user asks (act on a finding, mark up, Show in Word, glossary, settings) through a
 * DocumentPort, so the same pane runs in Word (WordAdapter) and in a browser (MemoryPort).
 * What it draws is in cards.ts; Show in Word in in-word.ts; the user's own terms in own-terms.ts.
 */
import {
  AUDIENCES,
  BUILTIN_PACKS,
  DEFAULT_PACKS,
  ignoreKey,
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
  type DocumentCheck,
  type LocatedFinding,
} from '../check.js';
import { StaleLocationError, type DocumentPort, type GlossaryPlace } from '../document-port.js';
import { commentFor, findingGroups, showReadability } from './cards.js';
import { InWord } from './in-word.js';
import { $, el, plural, shorten } from './dom.js';
import { exportTerms, importTerms, showTerms } from './own-terms.js';
import { analyserFrom, audienceFrom, packsFrom } from '../reader.js';

type Scope = 'document' | 'selection';

export class TaskPane {
  private analyser: Analyser | undefined;
  private check: DocumentCheck | undefined;
  private scope: Scope = 'document';
  private selectionFindings: LocatedFinding[] | undefined;
  private controller: AbortController | undefined;
  private ignored = new Set<string>();
  private busy = false;
  /** Show in Word: the findings as Word's own underlines. */
  private readonly inWord: InWord;

  constructor(private readonly port: DocumentPort) {
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

  private getAnalyser(): Analyser {
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
    // The UK-wide glossaries, then forty local ones folded away (open when one is on).
    const local = el('details', { className: 'local-packs' });
    const localPacks = BUILTIN_PACKS.filter((p) => !DEFAULT_PACKS.includes(p.id)).sort((a, b) =>
      a.name.localeCompare(b.name, 'en-GB'),
    );
    local.append(el('summary', {}, `Local glossaries (${localPacks.length} council areas)`));
    local.open = localPacks.some((p) => chosen.has(p.id));
    for (const pack of [...BUILTIN_PACKS.filter((p) => DEFAULT_PACKS.includes(p.id)), ...localPacks]) {
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
      showReadability(this.audience(), check, selectionReadability);
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
    const where = this.scope === 'selection' ? 'in the selection' : 'in the document';
    $('findings-summary').textContent = findings.length
      ? `${plural(findings.length, 'finding')} ${where}.${explained ? ` ${plural(explained, 'acronym is', 'acronyms are')} explained in the text.` : ''}`
      : `Nothing to change ${where}.`;
    container.replaceChildren(...findingGroups(findings, this.port.capabilities().comments));
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
        await this.port.insertComment(f.location, commentFor(f));
        this.say(`Added a comment on “${shorten(f.text, 60)}”.`);
      } else if (action === 'ignore') {
        this.ignored.add(ignoreKey(f));
        await this.port.documentSettings.set('ignored', [...this.ignored]);
        this.showIgnored();
        this.say(`Ignoring “${f.term ?? f.text}” in this document.`);
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
