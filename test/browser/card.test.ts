// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { LOCAL_NAME_NOTE } from '../../src/engine/review/word-list.js';
import { Card } from '../../src/browser/page/card.js';
import type { WireFinding } from '../../src/browser/messages/protocol.js';

const ehcp: WireFinding = {
  category: 'acronym',
  rule: 'glossary-term',
  start: 0,
  end: 4,
  text: 'EHCPs',
  message: '"EHCPs" may be new to the reader.',
  term: 'EHCP',
  expansion: 'Education, Health and Care plan',
  definition: 'A legal plan of the help a child must get.',
  replacements: [{ label: 'Explain at first use', text: 'Education, Health and Care plans (EHCPs)' }],
  packName: 'SEND in England',
};

function layer(): HTMLElement {
  const el = document.createElement('div');
  document.body.replaceChildren(el);
  return el;
}

describe('the card, read-only (read mode)', () => {
  test('says what the word is, what it stands for, what it means and where that came from; fixes nothing', () => {
    const calls: string[] = [];
    const card = new Card(
      layer(),
      { closed: () => calls.push('closed'), next: () => calls.push('next'), previous: () => calls.push('previous') },
      { readOnly: true, unknownNote: 'Not known.' },
    );
    card.open(ehcp, undefined, { focus: true, hover: false, position: 'Word 2 of 9 on this page', navigation: true });
    const el = card.el;
    expect(el.className).toBe('card read');
    expect(el.getAttribute('role')).toBe('dialog');
    expect(el.querySelector('h2')!.textContent).toBe('EHCP');
    expect(document.getElementById(el.getAttribute('aria-labelledby')!)!.textContent).toBe('EHCP');
    expect(document.getElementById(el.getAttribute('aria-describedby')!)!.textContent).toBe(
      'Stands for: Education, Health and Care planA legal plan of the help a child must get.',
    );
    expect(el.querySelector('.written')!.textContent).toBe('Written here as "EHCPs"');
    expect(el.querySelector('.source')!.textContent).toBe('Meaning from: SEND in England');
    expect(el.querySelector('.position')!.textContent).toBe('Word 2 of 9 on this page');
    expect([...el.querySelectorAll('button')].map((b) => b.getAttribute('aria-label') ?? b.textContent)).toEqual([
      'Close',
      'Previous word',
      'Next word',
    ]);
    expect(document.activeElement).toBe(el);
    (el.querySelector('button.next') as HTMLButtonElement).click();
    (el.querySelector('button.previous') as HTMLButtonElement).click();
    el.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true }),
    );
    el.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'B', code: 'KeyB', altKey: true, shiftKey: true, bubbles: true }),
    );
    el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(calls).toEqual(['next', 'previous', 'next', 'previous', 'closed']);
    expect(el.hidden).toBe(true);
  });

  test('a word without a meaning shows the note; a note card closes through its own handler', () => {
    const calls: string[] = [];
    const card = new Card(
      layer(),
      { closed: () => calls.push('closed'), noteClosed: (r) => calls.push(`note ${r}`), next: () => {} },
      { readOnly: true, unknownNote: 'Plain SEND does not know this short form.' },
    );
    card.open(
      {
        ...ehcp,
        term: undefined,
        expansion: undefined,
        definition: undefined,
        packName: undefined,
        text: 'WCF',
        rule: 'unknown-acronym',
      },
      undefined,
      { focus: false, hover: true },
    );
    expect(card.el.querySelector('.note')!.textContent).toBe('Plain SEND does not know this short form.');
    expect(card.el.querySelector('.actions')).toBeNull();
    // A local name no glossary knows is not called a short form.
    card.open(
      {
        ...ehcp,
        term: 'Inclusion Support Panel',
        expansion: undefined,
        definition: undefined,
        packName: undefined,
        text: 'Inclusion Support Panel',
        category: 'jargon',
        rule: 'local-name',
      },
      undefined,
      { focus: false, hover: true },
    );
    expect(card.el.querySelector('.note')!.textContent).toBe(LOCAL_NAME_NOTE);
    card.openNote('No SEND words found', 'Nothing to explain here.', undefined, { focus: true });
    expect(card.isOpen).toBe(true);
    expect(card.finding).toBeUndefined();
    card.close(true);
    expect(calls).toEqual(['note true']);
  });

  test('the writing card is as it was: fixes and ignores, Alt+Shift+P for the next word', () => {
    const calls: string[] = [];
    const card = new Card(layer(), {
      apply: (_f, t) => calls.push(`apply ${t}`),
      ignoreHere: () => calls.push('here'),
      ignoreAlways: () => calls.push('always'),
      addTerm: (f) => calls.push(`add ${f.text}`),
      closed: () => calls.push('closed'),
      next: () => calls.push('next'),
    });
    card.open(ehcp, undefined, { focus: true, hover: false });
    expect(card.el.className).toBe('card');
    expect([...card.el.querySelectorAll('.actions button')].map((b) => b.textContent)).toEqual([
      'Explain at first use',
      'Ignore here',
      'Ignore always',
      'Add to my terms',
    ]);
    (card.el.querySelector('button.add') as HTMLButtonElement).click();
    expect(calls.splice(0)).toEqual([`add ${ehcp.text}`]);
    expect(card.el.querySelector('.source')!.textContent).toBe('Meaning from: SEND in England');
    (card.el.querySelector('button.fix') as HTMLButtonElement).click();
    card.el.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'P', code: 'KeyP', altKey: true, shiftKey: true, bubbles: true }),
    );
    card.el.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'N', code: 'KeyN', altKey: true, shiftKey: true, bubbles: true }),
    );
    expect(calls).toEqual(['apply Education, Health and Care plans (EHCPs)', 'next']);
  });
});
