/**
 * What the pane draws from a check: the reading-age blocks, the findings grouped into cards with
 * their actions, and the comment a finding leaves in Word.
 */
import { AUDIENCES, type AudienceId, type Category, type Readability } from '../../engine/index.js';
import type { DocumentCheck, LocatedFinding } from '../check.js';
import { groupFindings, placesLabel, type FindingGroup } from '../groups.js';
import { $, age, el, plural, shorten } from './dom.js';

const GROUPS: { category: Category; title: string }[] = [
  { category: 'acronym', title: 'Acronyms' },
  { category: 'jargon', title: 'Jargon' },
  { category: 'plain-word', title: 'Plain words' },
  { category: 'sentence', title: 'Long sentences' },
];

const EXPLAIN = 'Explain at first use';

export function showReadability(
  audienceId: AudienceId,
  check: DocumentCheck,
  selection?: { readability: Readability; within: boolean },
  noun = 'document',
): void {
  const audience = AUDIENCES[audienceId];
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
  $('readability-document').replaceChildren(block(`Whole ${noun}`, check.readability, check.withinAudience));
  $('readability-selection').replaceChildren(
    ...(selection ? [block('Selection', selection.readability, selection.within)] : []),
  );
}

export interface CardOptions {
  /** Add comment is offered (Word 1.4 and later). */
  comments: boolean;
  /** Select is offered (not in Outlook, whose Mailbox API cannot select text). */
  select: boolean;
  /** What a place is called: `paragraph` in Word, `line` in an email. */
  unit?: string;
  /** What the text is called: `document`, `email`. */
  noun?: string;
}

/** The findings as sections (acronyms, jargon, …), each a list of cards: one card per term, with its count and places. */
export function findingGroups(findings: readonly LocatedFinding[], options: CardOptions): HTMLDetailsElement[] {
  const groups = groupFindings(findings);
  return GROUPS.map(({ category, title }) => {
    const items = groups.filter((g) => g.category === category);
    if (!items.length) return undefined;
    const uses = items.reduce((n, g) => n + g.findings.length, 0);
    const list = el('ul', { className: 'findings' });
    for (const g of items) list.append(card(g, options));
    const headingId = `group-${category}`;
    const details = el(
      'details',
      { className: 'group', open: true },
      el('summary', {}, el('h3', { id: headingId, textContent: `${title} (${uses.toLocaleString('en-GB')})` })),
      list,
    );
    list.setAttribute('aria-labelledby', headingId);
    return details;
  }).filter((g): g is HTMLDetailsElement => !!g);
}

function card(g: FindingGroup, options: CardOptions): HTMLLIElement {
  const f = g.findings[0];
  const label = f.category === 'sentence' ? shorten(f.text, 70) : (f.term ?? f.text);
  const noun = options.noun ?? 'document';
  const li = el('li', { className: 'finding', tabIndex: -1 });
  li.dataset.id = f.id;
  li.dataset.key = g.key;
  li.dataset.ids = g.findings.map((x) => x.id).join(' ');
  li.append(
    el(
      'p',
      { className: 'finding-text' },
      el('span', { className: 'found', textContent: f.category === 'sentence' ? label : f.text }),
      ' ',
      el('span', { className: 'where', textContent: placesLabel(g, options.unit) }),
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
  const many = g.findings.length > 1;
  if (options.select)
    button('select', many ? 'Select next' : 'Select', `Select ${many ? 'next use of ' : ''}${label} in the ${noun}`);
  f.replacements.forEach((r, i) => {
    // Each name starts with the words on the button (WCAG 2.5.3, label in name).
    if (r.label === EXPLAIN) button('replace', EXPLAIN, `${EXPLAIN}: ${r.text}`, i);
    else button('replace', `Use “${r.text}”`, `Use “${r.text}” instead of ${label}${many ? ' here' : ''}`, i);
  });
  if (options.comments) button('comment', 'Add comment', `Add comment on ${label}`);
  button('ignore', 'Ignore', `Ignore ${label} in this ${noun}`);
  li.append(actions);
  return li;
}

export function commentFor(f: LocatedFinding): string {
  const parts = [`Plain SEND: ${f.message}`];
  if (f.definition) parts.push(`What it means: ${f.expansion ? `${f.expansion}. ` : ''}${f.definition}`);
  if (f.suggestions.length) parts.push(`Plainer: ${f.suggestions.join(', ')}.`);
  return parts.join('\n');
}
