// @vitest-environment happy-dom
import { describe, expect, test } from 'vitest';
import { createAnalyser } from '../../src/engine/index.js';
import { ReviewPanel, reviewPlan, sentenceLabel, type ReviewState } from '../../src/writing/review-panel.js';

const TEXT = 'The SENCO will meet you. The SENCO and the EHCP team will utilise the plan.';

function state(text: string): ReviewState {
  const r = createAnalyser().analyse(text);
  return {
    text,
    shown: r.findings.filter((f) => !f.explained),
    all: r.findings,
    readability: {
      readingAge: 12.3,
      maxReadingAge: 11,
      audienceLabel: 'Parent carers',
      withinAudience: false,
      words: 15,
    },
  };
}

function panel() {
  const layer = document.createElement('div');
  document.body.append(layer);
  const calls: string[] = [];
  const p = new ReviewPanel(layer, {
    act: (a) => calls.push(`act:${a}`),
    usePlainer: (found) => calls.push(`use:${found.map((f) => f.start).join(',')}`),
    show: (f) => calls.push(`show:${f.start}`),
    closed: (restore) => calls.push(`closed:${restore}`),
  });
  return { p, calls };
}

describe('the review panel', () => {
  test('a labelled dialog with the reading age, the actions and one entry per term with its count', () => {
    const { p } = panel();
    p.open(state(TEXT));
    expect(p.el.getAttribute('role')).toBe('dialog');
    const title = p.el.querySelector(`#${p.el.getAttribute('aria-labelledby')}`);
    expect(title?.textContent).toBe('Review this message');
    expect(p.el.querySelector('.age')?.textContent).toBe(
      '▲ Reading age 12.3: too hard for parent carers, who need 11 or under.',
    );
    expect([...p.el.querySelectorAll('.actions button')].map((b) => b.textContent)).toEqual([
      'Explain every short form (2)',
      'Use every plainer word (1)',
      'Add the meanings at the end',
    ]);
    const acronyms = p.el.querySelector('section.acronym')!;
    // SENCO is used twice (explained at neither): one entry, "twice"; the heading counts uses.
    expect(acronyms.querySelector('h3')?.textContent).toBe('Short forms not explained (3)');
    expect([...acronyms.querySelectorAll('.place')].map((b) => b.textContent)).toEqual([
      'EHCP · once',
      'SENCO · twice',
    ]);
  });

  test('a term goes to each of its places in turn, and says which', () => {
    const { p, calls } = panel();
    p.open(state(TEXT));
    const senco = [...p.el.querySelectorAll<HTMLButtonElement>('.place')].find((b) =>
      b.textContent?.startsWith('SENCO'),
    )!;
    senco.click();
    senco.click();
    senco.click();
    const first = TEXT.indexOf('SENCO');
    const second = TEXT.indexOf('SENCO', first + 1);
    expect(calls).toEqual([`show:${first}`, `show:${second}`, `show:${first}`]);
    expect(p.el.querySelector('.status')?.textContent).toBe('SENCO: place 1 of 2');
  });

  test('Escape closes it and asks for focus back; nothing left to do disables an action', () => {
    const { p, calls } = panel();
    const explained = 'The special educational needs co-ordinator (SENCO) will meet you.';
    p.open(state(explained));
    const explain = p.el.querySelector<HTMLButtonElement>('[data-id="explain"]')!;
    expect(explain.disabled).toBe(true);
    expect(explain.textContent).toBe('No short forms to explain');
    p.el.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    expect(p.isOpen).toBe(false);
    expect(calls).toEqual(['closed:true']);
  });

  test('the meanings button says when the list is there and up to date', () => {
    const s = state(TEXT);
    const plan = reviewPlan(s);
    expect(plan.hasList).toBe(false);
    expect(plan.meaningsChange).toBe(true);
    const text = `${TEXT.slice(0, plan.meanings.edit!.start)}${plan.meanings.edit!.text}${TEXT.slice(plan.meanings.edit!.end)}`;
    const again = reviewPlan(state(text));
    expect(again.hasList).toBe(true);
    expect(again.meaningsChange).toBe(false);
  });

  test('a long sentence is named by its first words', () => {
    expect(sentenceLabel('one two three four five six seven eight nine ten')).toBe(
      'one two three four five six seven eight…',
    );
    expect(sentenceLabel('  short one  ')).toBe('short one');
  });
});
