/**
 * What the pane draws from a check: the reading-age blocks, the findings grouped into cards with
 * their actions, and the comment a finding leaves in Word.
 */
import { AUDIENCES, type AudienceId, type Category, type Readability } from '../../engine/index.js';
import type { DocumentCheck, LocatedFinding } from '../check.js';
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
  $('readability-document').replaceChildren(block('Whole document', check.readability, check.withinAudience));
  $('readability-selection').replaceChildren(
    ...(selection ? [block('Selection', selection.readability, selection.within)] : []),
  );
}

/** The findings as groups (acronyms, jargon, …), each a list of cards. */
export function findingGroups(findings: readonly LocatedFinding[], comments: boolean): HTMLDetailsElement[] {
  const groups = GROUPS.map(({ category, title }) => {
    const items = findings.filter((f) => f.category === category);
    if (!items.length) return undefined;
    const list = el('ul', { className: 'findings' });
    for (const f of items) list.append(card(f, comments));
    const headingId = `group-${category}`;
    const details = el(
      'details',
      { className: 'group', open: true },
      el('summary', {}, el('h3', { id: headingId, textContent: `${title} (${items.length.toLocaleString('en-GB')})` })),
      list,
    );
    list.setAttribute('aria-labelledby', headingId);
    return details;
  }).filter((g): g is HTMLDetailsElement => !!g);
  return groups;
}

function card(f: LocatedFinding, comments: boolean): HTMLLIElement {
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

export function commentFor(f: LocatedFinding): string {
  const parts = [`Plain SEND: ${f.message}`];
  if (f.definition) parts.push(`What it means: ${f.expansion ? `${f.expansion}. ` : ''}${f.definition}`);
  if (f.suggestions.length) parts.push(`Plainer: ${f.suggestions.join(', ')}.`);
  return parts.join('\n');
}
