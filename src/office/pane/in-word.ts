/**
 * Show in Word: the findings as Word's own underlines (WordApi 1.7), the button that shows and
 * hides them, and what the user does with an underline in Word (click it, pick a suggestion).
 */
import type { LocatedFinding } from '../check.js';
import type { DocumentPort } from '../document-port.js';
import { $, plural, shorten } from './dom.js';

/** What Show in Word needs from the pane. */
export interface InWordPane {
  isBusy(): boolean;
  setBusy(busy: boolean): void;
  say(message: string): void;
  failed(error: unknown, what: string): void;
  /** The findings shown in the pane, or undefined before a check. */
  findings(): LocatedFinding[] | undefined;
  /** Checks again after the document changed, then focuses the card of the finding `id` (or where it was). */
  recheck(id: string): Promise<void>;
}

export class InWord {
  /** The findings are underlined in the document. */
  on = false;
  /** The findings underlined, in the order given to the port (its events give indexes into this). */
  private shown: LocatedFinding[] = [];

  constructor(
    private readonly port: DocumentPort,
    private readonly pane: InWordPane,
  ) {}

  start(): void {
    const button = $('show-in-word');
    button.hidden = !(this.port.capabilities().annotations && this.port.showAnnotations && this.port.clearAnnotations);
    button.addEventListener('click', () => void this.toggle());
    // Underlines a pane opened before left in the document: the button takes them off.
    if (!button.hidden && this.port.annotationsShown?.()) this.set(true);
  }

  private async toggle(): Promise<void> {
    if (this.pane.isBusy()) return;
    if (this.on) {
      await this.hide();
      return;
    }
    if (!this.pane.findings()) {
      this.pane.say('There is nothing to show: check the document first.');
      return;
    }
    this.set(true);
    await this.show(false);
  }

  private async hide(): Promise<void> {
    this.pane.setBusy(true);
    try {
      const n = await this.port.clearAnnotations!();
      this.set(false);
      this.pane.say(n ? `Took ${plural(n, 'underline')} off the document.` : 'There were no underlines to take off.');
    } catch (error) {
      this.pane.failed(error, 'take the underlines off');
    } finally {
      this.pane.setBusy(false);
    }
  }

  private set(on: boolean): void {
    this.on = on;
    const button = $('show-in-word');
    button.setAttribute('aria-pressed', String(on));
    button.textContent = on ? 'Hide in Word' : 'Show in Word';
  }

  /** Underlines the findings shown in the pane; `quiet` after a check (keeps its message). */
  async show(quiet: boolean): Promise<void> {
    const findings = this.pane.findings() ?? [];
    this.pane.setBusy(true);
    try {
      const r = await this.port.showAnnotations!(
        findings.map((f) => ({
          location: f.location,
          category: f.category,
          suggestions: f.replacements.map((x) => x.text),
        })),
        { onSuggestion: (i, text) => void this.picked(i, text), onClicked: (i) => this.clicked(i) },
      );
      this.shown = findings;
      if (!quiet) {
        this.pane.say(
          `Underlined ${plural(r.marked, 'finding')} in the document.${r.skipped ? ` ${plural(r.skipped, 'finding was', 'findings were')} left without an underline.` : ''}`,
        );
      }
    } catch (error) {
      this.set(false);
      this.pane.failed(error, 'underline the findings in Word');
    } finally {
      this.pane.setBusy(false);
    }
  }

  /**
   * The user picked a suggestion in Word's pop-up. Word has already put it in place of the words
   * (office-js issues 6644, 6358), so the pane does not replace them again: it says so and checks
   * again, which reads the paragraph Word changed and underlines it afresh.
   */
  private async picked(index: number, text: string): Promise<void> {
    const f = this.shown[index];
    if (!f) return;
    this.shown = [];
    this.pane.say(`Word changed “${shorten(f.text, 60)}” to “${shorten(text, 60)}”.`);
    while (this.pane.isBusy()) await new Promise((resolve) => setTimeout(resolve, 50));
    await this.pane.recheck(f.id);
  }

  /** The user clicked an underline: show its card in the pane. */
  private clicked(index: number): void {
    const f = this.shown[index];
    const card = f && document.querySelector<HTMLLIElement>(`#findings li.finding[data-id="${CSS.escape(f.id)}"]`);
    card?.focus();
  }
}
