/**
 * The print page: the words from the side panel as a clean glossary of our own (not the
 * school's page), A to Z in two columns, then the browser's print dialog.
 */
import { glossaryItem, type Glossary } from './glossary-store.js';
import { byLetter, meaningOf } from '../engine/review/word-list.js';

export function renderGlossary(doc: Document, g: Glossary | null): void {
  const from = doc.getElementById('from')!;
  const box = doc.getElementById('words')!;
  const made = doc.getElementById('made')!;
  const empty = doc.getElementById('empty')!;
  if (!g || !g.words.length) {
    empty.hidden = false;
    box.replaceChildren();
    return;
  }
  empty.hidden = true;
  from.textContent = g.title ? `From the page "${g.title}"${g.url ? `, ${g.url}` : ''}` : g.url;
  const date = new Date(g.made);
  made.textContent = `Made with Plain SEND on ${Number.isNaN(date.getTime()) ? 'this computer' : date.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric' })}. The meanings are plain English, to help you talk about them: ask if anything is not clear.`;
  box.replaceChildren(
    ...byLetter(g.words).map((group) => {
      const section = doc.createElement('section');
      const h = doc.createElement('h2');
      h.textContent = group.letter === '#' ? 'Numbers and signs' : group.letter;
      const dl = doc.createElement('dl');
      for (const w of group.words) {
        const entry = doc.createElement('div');
        entry.className = 'entry';
        const dt = doc.createElement('dt');
        dt.textContent = w.term;
        if (w.expansion && w.expansion.toLowerCase() !== w.term.toLowerCase()) {
          const s = doc.createElement('span');
          s.className = 'stands';
          s.textContent = `: ${w.expansion}`;
          dt.append(s);
        }
        const dd = doc.createElement('dd');
        dd.textContent = meaningOf(w);
        entry.append(dt, dd);
        dl.append(entry);
      }
      section.append(h, dl);
      return section;
    }),
  );
  doc.title = g.title ? `Words to know: ${g.title}` : 'Words to know: Plain SEND';
}

export async function startGlossaryPage(doc: Document): Promise<void> {
  const g = await glossaryItem.getValue();
  renderGlossary(doc, g);
  doc.getElementById('print')!.addEventListener('click', () => doc.defaultView!.print());
  // Straight to the print dialog once the page is drawn; a page opened behind another is not
  // drawn until it is shown, so it prints after half a second all the same. Once only.
  if (g?.words.length) {
    const view = doc.defaultView!;
    let asked = false;
    const print = () => {
      if (asked) return;
      asked = true;
      view.print();
    };
    view.requestAnimationFrame(() => view.setTimeout(print, 0));
    view.setTimeout(print, 500);
  }
}
