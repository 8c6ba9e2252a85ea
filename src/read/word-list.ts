/**
 * The side panel's list of words, drawn: letters to jump to, then each word under its letter
 * with what it is, what it stands for, what it means and where the meaning came from.
 */
import type { ReadList } from '../browser/messages/read-protocol.js';
import { byLetter, meaningOf, timesLabel, type WordSummary } from '../engine/review/word-list.js';

const CATEGORY: Record<string, string> = { jargon: 'SEND term', acronym: 'Short form' };

export interface ListPlaces {
  status: HTMLElement;
  letters: HTMLElement;
  words: HTMLElement;
}

/** What the status line says about the words found so far. */
export function statusOf(list: ReadList | undefined): string {
  if (!list || !list.on)
    return list ? 'Plain SEND is not explaining this page yet.' : 'Plain SEND cannot see this page.';
  const words = list.words;
  const total = words.reduce((n, w) => n + w.count, 0);
  if (list.busy && !words.length) return 'Reading the page…';
  return words.length
    ? `${words.length} ${words.length === 1 ? 'word' : 'words'} to know, ${timesLabel(total)} on this page.`
    : 'No SEND words found on this page.';
}

const anchorOf = (letter: string) => `letter-${letter === '#' ? 'numbers' : letter}`;

/** Draws `words` A to Z into `at`; choosing a word calls `show`. */
export function drawWords(
  doc: Document,
  at: ListPlaces,
  words: readonly WordSummary[],
  show: (w: WordSummary) => void,
): void {
  const groups = byLetter(words);
  at.letters.replaceChildren(
    ...groups.map((g) => {
      const a = doc.createElement('a');
      a.href = `#${anchorOf(g.letter)}`;
      a.textContent = g.letter;
      if (g.letter === '#') a.setAttribute('aria-label', 'Numbers and signs');
      return a;
    }),
  );
  let n = 0;
  at.words.replaceChildren(
    ...groups.map((g) => {
      const section = doc.createElement('section');
      const h = doc.createElement('h2');
      h.id = anchorOf(g.letter);
      h.textContent = g.letter === '#' ? 'Numbers and signs' : g.letter;
      const ul = doc.createElement('ul');
      ul.className = 'words';
      ul.setAttribute('aria-labelledby', h.id);
      for (const w of g.words) ul.append(wordItem(doc, w, n++, show));
      section.append(h, ul);
      return section;
    }),
  );
}

function wordItem(doc: Document, w: WordSummary, n: number, show: (w: WordSummary) => void): HTMLLIElement {
  const make = (tag: string, cls: string, text: string) => {
    const e = doc.createElement(tag);
    e.className = cls;
    e.textContent = text;
    return e;
  };
  const li = doc.createElement('li');
  const b = doc.createElement('button');
  b.type = 'button';
  b.className = 'word';
  b.dataset.key = w.key;
  const name = doc.createElement('span');
  name.textContent = w.term;
  // The name is what the button shows (WCAG 2.5.3); what it does is said once, in the hint.
  b.append(name, ' ', make('span', 'count', timesLabel(w.count)));
  const parts: HTMLElement[] = [b, make('p', `kind ${w.category}`, CATEGORY[w.category] ?? 'Word')];
  if (w.expansion && w.expansion.toLowerCase() !== w.term.toLowerCase())
    parts.push(make('p', 'expansion', `Stands for: ${w.expansion}`));
  const m = make('p', 'meaning', meaningOf(w));
  m.id = `meaning-${n}`;
  parts.push(m);
  if (w.packName) parts.push(make('p', 'source', `From the ${w.packName} glossary`));
  b.setAttribute('aria-describedby', `${m.id} word-hint`);
  b.addEventListener('click', () => show(w));
  li.append(...parts);
  return li;
}
