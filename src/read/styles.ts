/**
 * Read mode's look: the marks on the page, the read card and the read bar. Each kind of word
 * keeps the writing side's underline style (SEND terms wavy, short forms solid), so nothing
 * depends on colour alone. Sizes are in em of the browser's own text size (our shadow root
 * starts from `font-size: medium`, the size the user chose), colours follow dark mode, and
 * forced colours (Windows contrast themes) get system colours.
 */
import { LOOK } from '../browser/page/styles.js';

export type ReadMark = 'jargon' | 'acronym' | 'active';

export function readHighlightName(mark: ReadMark): string {
  return `plain-send-read-${mark}`;
}

export function readHighlightCss(): string {
  const jargon = readHighlightName('jargon');
  const acronym = readHighlightName('acronym');
  const active = readHighlightName('active');
  return `
::highlight(${jargon}) { text-decoration: underline wavy ${LOOK.jargon.colour}; text-decoration-thickness: 2px; text-decoration-skip-ink: none; background-color: rgba(179, 71, 0, 0.08); }
::highlight(${acronym}) { text-decoration: underline solid ${LOOK.acronym.colour}; text-decoration-thickness: 2px; text-decoration-skip-ink: none; background-color: rgba(26, 86, 184, 0.08); }
::highlight(${active}) { background-color: rgba(255, 214, 10, 0.6); color: #1b1b1b; }
@media (forced-colors: active) {
  ::highlight(${jargon}), ::highlight(${acronym}) { text-decoration-color: LinkText; background-color: transparent; }
  ::highlight(${active}) { background-color: Highlight; color: HighlightText; }
}`;
}

/** For our shadow root, after the writing side's card styles: the read card and the bar. */
export function readUiCss(): string {
  return `
.card.read { font: 1em/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; max-width: min(26em, calc(100vw - 16px)); padding: 0.8em 2.4em 0.9em 1em; }
.card.read .kind { font-size: 0.8em; color: #454545; }
.card.read h2 { font-size: 1.2em; }
.card.read .position, .card.read .source { font-size: 0.85em; color: #4a4a4a; }
.card.read .note { font-style: italic; }
.card.read .actions { margin-top: 0.6em; }
.card.read button { font-size: 0.9em; min-height: 2em; min-width: 2em; }
.card.read .close { font-size: 1.3em; color: #333; }
.read-bar { position: fixed; right: 12px; bottom: 12px; z-index: 3; pointer-events: auto; display: flex; flex-wrap: wrap; align-items: center; gap: 0.4em;
  max-width: calc(100vw - 24px); box-sizing: border-box; padding: 0.4em 0.5em 0.4em 0.8em; border-radius: 10px; border: 1px solid #6b6b6b;
  background: #fff; color: #1b1b1b; box-shadow: 0 2px 10px rgba(0,0,0,.22); font: 0.9em/1.3 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; }
.read-bar .name { font-weight: 700; margin-right: 0.2em; }
.read-bar button { font: inherit; min-height: 2.2em; min-width: 2.2em; padding: 0.2em 0.7em; border-radius: 6px; border: 1px solid #1a56b8; background: #fff; color: #1a56b8; cursor: pointer; }
.read-bar button.word { font-weight: 600; background: #1a56b8; color: #fff; max-width: 16em; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.read-bar button:hover { text-decoration: underline; }
.read-bar button:focus-visible, .card.read :focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
.read-bar[hidden] { display: none; }
.visually-hidden { position: absolute !important; width: 1px; height: 1px; margin: -1px; padding: 0; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
@media (prefers-color-scheme: dark) {
  .card.read, .read-bar { background: #1f1f1f; color: #f2f2f2; border-color: #9a9a9a; box-shadow: 0 2px 12px rgba(0,0,0,.6); }
  .card.read .kind, .card.read .position, .card.read .source { color: #d0d0d0; }
  .card.read .kind.jargon::before { color: #ff9d5c; }
  .card.read .kind.acronym::before { color: #8ab4ff; }
  .card.read .close { color: #f2f2f2; }
  .card.read button, .read-bar button { background: #1f1f1f; color: #a8c7ff; border-color: #a8c7ff; }
  .read-bar button.word { background: #a8c7ff; color: #111; }
}
@media (forced-colors: active) {
  .read-bar { border: 2px solid CanvasText; }
  .card.read button, .read-bar button { border: 1px solid ButtonText; color: ButtonText; background: ButtonFace; }
  .read-bar button.word { forced-color-adjust: auto; }
}
`;
}
