/**
 * The look of findings. Each category has its own underline style as well as its own colour,
 * so none depends on colour alone; with forced colours the styles stay and the colours become
 * system colours.
 */
import type { Category } from '../../engine/types.js';

export const CATEGORIES: readonly Category[] = ['jargon', 'acronym', 'plain-word', 'sentence'];
export const ACTIVE = 'active';

export const CATEGORY_LABEL: Record<Category, string> = {
  jargon: 'SEND term',
  acronym: 'Short form',
  'plain-word': 'Plainer word',
  sentence: 'Long sentence',
};

interface Look {
  style: 'wavy' | 'solid' | 'dashed' | 'dotted';
  colour: string;
  forced: string;
}

export const LOOK: Record<Category, Look> = {
  jargon: { style: 'wavy', colour: '#b34700', forced: 'LinkText' },
  acronym: { style: 'solid', colour: '#1a56b8', forced: 'LinkText' },
  'plain-word': { style: 'dashed', colour: '#1e7a3c', forced: 'CanvasText' },
  sentence: { style: 'dotted', colour: '#7b3fb3', forced: 'CanvasText' },
};

/** The review panel, the same whichever way the marks are drawn. */
const REVIEW_CSS = `.review { position: fixed; z-index: 3; top: 12px; right: 12px; box-sizing: border-box; width: min(400px, calc(100vw - 24px));
  max-height: calc(100vh - 24px); overflow: auto; background: #fff; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 8px;
  box-shadow: 0 4px 16px rgba(0,0,0,.25); padding: 12px 14px; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  pointer-events: auto; text-align: left; }
.review:focus { outline: none; }
.review h2 { font-size: 17px; line-height: 1.3; margin: 0 28px 6px 0; font-weight: 700; color: inherit; }
.review h3 { font-size: 13px; font-weight: 700; margin: 12px 0 4px; color: #333; }
.review h3.kind::before { content: ""; display: inline-block; width: 18px; margin-right: 6px; vertical-align: middle; border-bottom: 3px solid currentColor; }
.review h3.jargon::before { border-bottom-style: double; color: ${LOOK.jargon.colour}; }
.review h3.acronym::before { border-bottom-style: solid; color: ${LOOK.acronym.colour}; }
.review h3.plain-word::before { border-bottom-style: dashed; color: ${LOOK['plain-word'].colour}; }
.review h3.sentence::before { border-bottom-style: dotted; color: ${LOOK.sentence.colour}; }
.review p { margin: 0 0 8px; }
.review .age.ok { color: #14532d; }
.review .age.hard { color: #7a2e00; font-weight: 600; }
.review .actions { display: flex; flex-direction: column; align-items: flex-start; gap: 6px; margin: 8px 0; }
.review ul { list-style: none; margin: 0; padding: 0; }
.review li { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 2px 0; }
.review button { font: inherit; font-size: 13px; border-radius: 6px; padding: 4px 10px; cursor: pointer; border: 1px solid #1a56b8; background: #fff; color: #1a56b8; }
.review button.fix { background: #1a56b8; color: #fff; font-weight: 600; }
.review button.place { border-color: transparent; padding: 2px 4px; text-align: left; color: #1b1b1b; }
.review button.place .term { color: #1a56b8; text-decoration: underline; }
.review button.place .count { color: #4a4a4a; }
.review button:disabled { border-color: #767676; background: #fff; color: #4a4a4a; cursor: default; font-weight: 400; }
.review button:hover:not(:disabled) { text-decoration: underline; }
.review button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
.review .close { position: absolute; top: 6px; right: 6px; border: none; background: transparent; color: #333; font-size: 18px; line-height: 1; padding: 2px 6px; }
.review .status:empty { display: none; }
.review .status { margin-top: 8px; font-style: italic; }`;

export function highlightName(c: Category | typeof ACTIVE): string {
  return `plain-send-${c}`;
}

/** For the page's document: `::highlight()` rules for the CSS Custom Highlight API. */
export function highlightCss(): string {
  const rules = CATEGORIES.map((c) => {
    const l = LOOK[c];
    return `::highlight(${highlightName(c)}) { text-decoration: underline ${l.style} ${l.colour}; text-decoration-thickness: 2px; text-decoration-skip-ink: none; }`;
  });
  // Forced colours: Chrome paints custom highlights in the system Highlight colours; the
  // underline styles still tell the kinds apart.
  const forced = CATEGORIES.map(
    (c) => `::highlight(${highlightName(c)}) { text-decoration-color: ${LOOK[c].forced}; }`,
  );
  return [
    ...rules,
    `::highlight(${highlightName(ACTIVE)}) { background-color: rgba(255, 214, 10, 0.45); }`,
    `${REVIEW_CSS}
@media (forced-colors: active) { ${forced.join(' ')} ::highlight(${highlightName(ACTIVE)}) { background-color: Highlight; color: HighlightText; } }`,
  ].join('\n');
}

/** For our shadow root: the textarea mirror's marks, the card, the badge. */
export function uiCss(): string {
  const marks = CATEGORIES.map((c) => {
    const l = LOOK[c];
    return `.mark.${c} { text-decoration: underline ${l.style} ${l.colour}; text-decoration-thickness: 2px; text-decoration-skip-ink: none; }`;
  });
  const forcedMarks = CATEGORIES.map((c) => `.mark.${c} { text-decoration-color: ${LOOK[c].forced}; }`);
  return `
/* The host's own look. Here, not in its style attribute: all: initial sets the text spacing, and an
   inline !important on that is what the check for WCAG 1.4.12 flags (axe, in Firefox, which lists
   all's longhands). Important in the shadow tree still wins over any page rule on the host. */
:host { all: initial !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important;
  height: 0 !important; overflow: visible !important; z-index: 2147483646 !important; pointer-events: none !important;
  display: block !important; }
.layer { position: fixed; inset: 0 auto auto 0; width: 0; height: 0; overflow: visible; }
.mirror { position: fixed; overflow: hidden; pointer-events: none; color: transparent !important; background: transparent !important;
  border-color: transparent !important; white-space: pre-wrap; overflow-wrap: break-word; box-sizing: border-box; margin: 0; }
.mirror-inner { position: relative; }
.mirror-line + .mirror-line { text-indent: 0; }
${marks.join('\n')}
.mark.active { background-color: rgba(255, 214, 10, 0.45); }
.card { position: fixed; z-index: 2; box-sizing: border-box; width: max-content; max-width: min(360px, calc(100vw - 16px));
  background: #fff; color: #1b1b1b; border: 1px solid #6b6b6b; border-radius: 8px; box-shadow: 0 4px 16px rgba(0,0,0,.25);
  padding: 12px 14px; max-height: calc(100vh - 16px); overflow: auto; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; pointer-events: auto; text-align: left; }
.card:focus { outline: none; }
.card .kind { display: inline-block; font-size: 12px; font-weight: 600; letter-spacing: .02em; text-transform: uppercase; color: #4a4a4a; margin: 0 0 2px; }
.card .kind::before { content: ""; display: inline-block; width: 18px; margin-right: 6px; vertical-align: middle; border-bottom: 3px solid currentColor; }
.card .kind.jargon::before { border-bottom-style: double; color: ${LOOK.jargon.colour}; }
.card .kind.acronym::before { border-bottom-style: solid; color: ${LOOK.acronym.colour}; }
.card .kind.plain-word::before { border-bottom-style: dashed; color: ${LOOK['plain-word'].colour}; }
.card .kind.sentence::before { border-bottom-style: dotted; color: ${LOOK.sentence.colour}; }
.card h2 { font-size: 17px; line-height: 1.3; margin: 0 0 4px; font-weight: 700; color: inherit; }
.card p { margin: 0 0 8px; }
.card .expansion { font-style: italic; }
.card .source { font-size: 12px; color: #555; margin: 8px 0 0; }
.card .actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
.card button { font: inherit; font-size: 13px; border-radius: 6px; padding: 4px 10px; cursor: pointer; border: 1px solid #1a56b8; background: #fff; color: #1a56b8; }
.card button.fix { background: #1a56b8; color: #fff; font-weight: 600; }
.card button:hover { text-decoration: underline; }
.card button:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
.card .close { position: absolute; top: 6px; right: 6px; border: none; background: transparent; color: #333; font-size: 18px; line-height: 1; padding: 2px 6px; }
.badge { position: fixed; z-index: 1; pointer-events: auto; box-sizing: border-box; font: 600 12px/1 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif;
  padding: 4px 8px; border-radius: 999px; border: 1px solid; cursor: pointer; white-space: nowrap; opacity: .92; }
.badge.ok { background: #e8f5ec; color: #14532d; border-color: #2f7d4a; }
.badge.hard { background: #fff4e5; color: #7a2e00; border-color: #b34700; border-width: 2px; }
.badge:hover { opacity: 1; text-decoration: underline; }
.badge:focus-visible { outline: 3px solid #ffbf47; outline-offset: 1px; }
${REVIEW_CSS}
@media (forced-colors: active) {
  ${forcedMarks.join('\n  ')}
  .mark.active { background-color: Highlight; }
  .card, .badge, .review { border: 2px solid CanvasText; }
  .card button, .review button { border: 1px solid ButtonText; }
}
`;
}
