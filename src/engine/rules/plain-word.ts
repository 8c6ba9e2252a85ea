/** Officialese with a plainer word to use instead ("utilise" → "use"). */
import { matchCase } from '../text/case.js';
import type { Finding } from '../types.js';
import { makeFinding, type ParagraphRule } from './rule.js';

/** After these, a verb's past form is its participle: "has been submitted" → "has been given", not "gave". */
const HAVE_OR_BE = new Set([
  'have',
  'has',
  'had',
  'having',
  "'ve",
  "'d",
  'be',
  'been',
  'being',
  'is',
  'are',
  'was',
  'were',
]);

/** The word just before `at`, in lower case (looks back a few characters only). */
function wordBefore(text: string, at: number): string {
  let end = at;
  while (end > 0 && at - end < 4 && text[end - 1] === ' ') end--;
  let start = end;
  while (start > 0 && end - start < 8 && /[\p{L}'’]/u.test(text[start - 1])) start--;
  const word = text.slice(start, end).toLowerCase().replace('’', "'");
  // "they've", "we'd": the contraction is the word that counts.
  const apostrophe = word.lastIndexOf("'");
  return apostrophe > 0 ? word.slice(apostrophe) : word;
}

export const plainWord: ParagraphRule = {
  id: 'plain-word',
  category: 'plain-word',
  description: 'Officialese with a plainer word to use instead.',
  examples: {
    flag: [
      'We will utilise the room.',
      'We utilised the room.',
      'The form has been submitted.',
      'Please arrive prior to the meeting.',
      'In order to help, we will call.',
    ],
    pass: ['We will use the room.', 'Please arrive before the meeting.'],
  },
  check(context) {
    const out: Finding[] = [];
    for (const match of context.terms()) {
      const entry = match.form.entry;
      if (entry.kind !== 'plain-word' || match.form.silent) continue;
      const text = context.text.slice(match.start, match.end);
      const form = match.form;
      const suggestions =
        (form.afterHave && HAVE_OR_BE.has(wordBefore(context.text, match.start)) ? form.afterHave : form.suggestions) ??
        entry.suggestions ??
        [];
      out.push(
        makeFinding({
          category: 'plain-word',
          rule: 'plain-word',
          start: match.start,
          end: match.end,
          text,
          message: suggestions.length
            ? `"${text}" could be plainer: try "${suggestions[0]}".`
            : `"${text}" could be plainer.`,
          term: entry.term,
          definition: entry.definition,
          suggestions,
          replacements: suggestions.map((s) => ({ label: `Use "${s}"`, text: matchCase(text, s) })),
          entryId: entry.id,
          source: { pack: entry.pack, packName: entry.packName, reference: entry.source },
        }),
      );
    }
    return out;
  },
};
