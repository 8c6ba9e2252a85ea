/** Officialese with a plainer word to use instead ("utilise" → "use"). */
import { matchCase } from '../text/case.js';
import type { Finding } from '../types.js';
import type { ParagraphRule } from './rule.js';

export const plainWord: ParagraphRule = {
  id: 'plain-word',
  category: 'plain-word',
  description: 'Officialese with a plainer word to use instead.',
  examples: {
    flag: ['We will utilise the room.', 'Please arrive prior to the meeting.', 'In order to help, we will call.'],
    pass: ['We will use the room.', 'Please arrive before the meeting.'],
  },
  check(context) {
    const out: Finding[] = [];
    for (const match of context.terms()) {
      const entry = match.form.entry;
      if (entry.kind !== 'plain-word' || match.form.silent) continue;
      const text = context.text.slice(match.start, match.end);
      const suggestions = entry.suggestions ?? [];
      out.push({
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
      });
    }
    return out;
  },
};
