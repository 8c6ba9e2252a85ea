/**
 * The readability badge by the active field: the UK reading age against the audience's
 * highest, said in words and with a symbol as well as colour.
 */
import type { WireReadability } from '../browser/messages/protocol.js';

export class Badge {
  readonly el: HTMLButtonElement;

  constructor(layer: HTMLElement, onActivate: () => void) {
    this.el = layer.ownerDocument.createElement('button');
    this.el.type = 'button';
    this.el.className = 'badge';
    this.el.hidden = true;
    this.el.addEventListener('click', onActivate);
    layer.append(this.el);
  }

  /** What the badge says now: written again only when it changes (each write costs the page a style pass). */
  private said = '';

  show(r: WireReadability, findings: number): void {
    if (r.words === 0) {
      this.el.hidden = true;
      return;
    }
    const ok = r.withinAudience;
    const age = Math.round(r.readingAge * 10) / 10;
    const text = ok ? `✓ Reading age ${age}` : `▲ Reading age ${age} · aim ${r.maxReadingAge}`;
    const verdict = ok
      ? `easy enough for ${r.audienceLabel.toLowerCase()}`
      : `too hard for ${r.audienceLabel.toLowerCase()}, who need ${r.maxReadingAge} or under`;
    const words = findings === 1 ? '1 thing to look at' : `${findings} things to look at`;
    const said = `${text}\n${verdict}\n${words}`;
    if (said !== this.said) {
      this.said = said;
      this.el.classList.toggle('ok', ok);
      this.el.classList.toggle('hard', !ok);
      this.el.dataset.state = ok ? 'ok' : 'hard';
      this.el.textContent = text;
      this.el.setAttribute(
        'aria-label',
        `Plain SEND: reading age ${age}, ${verdict}. ${words}. Press to review the whole message.`,
      );
      this.el.title = `Plain SEND: ${verdict}. ${words}. Press to review the whole message (or Alt+Shift+P twice). Alt+Shift+P once goes through them one by one.`;
    }
    this.el.hidden = false;
  }

  /** Bottom right of the field, just inside its corner. */
  place(field: DOMRect): void {
    if (this.el.hidden) return;
    const b = this.el.getBoundingClientRect();
    this.el.style.left = `${Math.max(0, field.right - b.width - 6)}px`;
    this.el.style.top = `${Math.max(0, field.bottom - b.height - 6)}px`;
    const visible = field.width > 0 && field.height > 0;
    this.el.style.visibility = visible ? 'visible' : 'hidden';
  }

  hide(): void {
    this.el.hidden = true;
  }
}
