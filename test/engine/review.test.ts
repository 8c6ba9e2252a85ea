import { describe, expect, it } from 'vitest';
import {
  analyse,
  applyEdits,
  findMeaningsBlock,
  listWords,
  MEANINGS_HEADING,
  orderedEdits,
  planMeanings,
  plainWordEdits,
  shortFormEdits,
  signOffStart,
  unexplainedShortForms,
} from '../../src/engine/index.js';

const EMAIL = `Dear Mrs Khan,

We will ask the SENCO to look at an EHCP for Sam. The EHCP would be reviewed by the LA. We will utilise the SaLT report.

Kind regards,
Ms Brown
`;

/** The text after "add the meanings at the end", analysed afresh as a surface would. */
function withMeanings(text: string): string {
  const plan = planMeanings(text, analyse(text).findings);
  return plan.edit ? applyEdits(text, [plan.edit]) : text;
}

describe('explain every short form', () => {
  it('spells out each unexplained acronym at its first use only', () => {
    const findings = analyse(EMAIL).findings;
    expect(unexplainedShortForms(findings)).toEqual(['SENCO', 'EHCP', 'LA', 'SaLT']);
    expect(applyEdits(EMAIL, shortFormEdits(findings))).toBe(`Dear Mrs Khan,

We will ask the special educational needs co-ordinator (SENCO) to look at an Education, Health and Care plan (EHCP) for Sam. The EHCP would be reviewed by the local authority (LA). We will utilise the speech and language therapy (SaLT) report.

Kind regards,
Ms Brown
`);
  });

  it('leaves acronyms the text already explains alone, and has nothing to do a second time', () => {
    const text = 'Your Education, Health and Care plan (EHCP) is ready. The EHCP and the CAMHS letter are attached.';
    const once = applyEdits(text, shortFormEdits(analyse(text).findings));
    expect(once).toBe(
      'Your Education, Health and Care plan (EHCP) is ready. The EHCP and the Child and Adolescent Mental Health Services (CAMHS) letter are attached.',
    );
    expect(shortFormEdits(analyse(once).findings)).toEqual([]);
    expect(unexplainedShortForms(analyse(once).findings)).toEqual([]);
  });
});

describe('use every plainer word', () => {
  it('puts each first suggestion in place, in the same capitals', () => {
    const text = 'Utilise the form. We will utilise it to commence.';
    expect(applyEdits(text, plainWordEdits(analyse(text).findings))).toBe('Use the form. We will use it to start.');
  });
});

describe('edits', () => {
  it('applies edits in text order and drops one that overlaps an earlier one', () => {
    const edits = [
      { start: 6, end: 11, text: 'there' },
      { start: 0, end: 5, text: 'Hi' },
      { start: 8, end: 9, text: 'X' },
    ];
    expect(orderedEdits(edits).map((e) => e.text)).toEqual(['Hi', 'there']);
    expect(applyEdits('Hello world!', edits)).toBe('Hi there!');
  });
});

describe('the meanings at the end', () => {
  it('lists each term once, A to Z, above the sign-off, with short and long forms as one', () => {
    const out = withMeanings(EMAIL);
    const lines = out.split('\n');
    const at = lines.indexOf(MEANINGS_HEADING);
    expect(at).toBeGreaterThan(2);
    const list = lines.slice(at + 1, lines.indexOf('', at));
    expect(list.map((l) => l.slice(0, l.indexOf(' ')))).toEqual(['EHCP', 'LA', 'SaLT', 'SENCO']);
    expect(list[0]).toMatch(/^EHCP \(Education, Health and Care plan\): \S/);
    expect(out.endsWith('\n\nKind regards,\nMs Brown\n')).toBe(true);
    // Everything above the list is the email as it was.
    expect(out.startsWith(EMAIL.slice(0, EMAIL.indexOf('Kind regards')))).toBe(true);
  });

  it('pressed again, changes nothing; after an edit, updates the one list', () => {
    const once = withMeanings(EMAIL);
    expect(withMeanings(once)).toBe(once);
    const edited = once.replace('the SaLT report', 'the SaLT report and the CAMHS letter');
    const twice = withMeanings(edited);
    expect(twice.split(MEANINGS_HEADING)).toHaveLength(2);
    expect(twice).toMatch(/\nCAMHS \(Child and Adolescent Mental Health Services\): /);
    // Take the terms out of the email and the list goes too.
    const plain = 'Dear Sam,\n\nSee you on Monday.\n\nWords in this email\nEHCP (x): y\n';
    expect(withMeanings(plain)).toBe('Dear Sam,\n\nSee you on Monday.\n');
  });

  it('goes at the end when there is no sign-off, and adds nothing to a text without terms', () => {
    expect(withMeanings('We will look at the EHCP.  \n')).toMatch(
      /^We will look at the EHCP\.\n\nWords in this email\nEHCP /,
    );
    expect(planMeanings('See you soon.', analyse('See you soon.').findings).edit).toBeUndefined();
  });

  it('finds a list only where its heading is a line of its own', () => {
    expect(findMeaningsBlock('The words in this email are hard.')).toBeUndefined();
    const text = 'Hello\n\nWords in this email:\nA: b\nC: d\n\nBye';
    expect(findMeaningsBlock(text)).toEqual({ start: 7, end: text.indexOf('\n\nBye') });
    expect(findMeaningsBlock('Hi\nWords in this email')).toEqual({ start: 3, end: 22 });
  });

  it('knows a sign-off only near the end and after a blank line', () => {
    expect(signOffStart('Hi\n\nBest wishes\nAnna')).toBe(4);
    expect(signOffStart('Regards to your mum. We met.')).toBeUndefined();
    expect(signOffStart('Hi\nThanks for this.\nMore text')).toBeUndefined();
    expect(signOffStart(`Kind regards,\n\n${'line\n'.repeat(10)}`)).toBeUndefined();
  });
});

describe('listWords', () => {
  it('keeps every place a term is used, in order', () => {
    const text = 'The EHCP is late. We will chase the EHCP and the EHCP review.';
    const ehcp = listWords(analyse(text).findings).find((w) => w.term === 'EHCP')!;
    expect(ehcp.count).toBe(3);
    expect(ehcp.places.map((p) => text.slice(p.start, p.end))).toEqual(['EHCP', 'EHCP', 'EHCP']);
    expect(ehcp.places[0].start).toBeLessThan(ehcp.places[2].start);
  });
});
