/** Sentences longer than the audience can comfortably follow. */
import type { Finding } from '../types.js';
import { makeFinding, type ParagraphRule } from './rule.js';

export const longSentence: ParagraphRule = {
  id: 'long-sentence',
  category: 'sentence',
  description: 'Sentences longer than the chosen audience can comfortably follow.',
  examples: {
    flag: [
      'We would like to invite you to come into school next week so that we can talk together about how your child is getting on in class and what we can do next to help.',
    ],
    pass: ['We would like to invite you into school next week. We can talk about how your child is getting on.'],
  },
  check(context) {
    const max = context.audience.maxSentenceWords;
    const out: Finding[] = [];
    for (const s of context.sentences()) {
      if (s.words.length <= max) continue;
      out.push(
        makeFinding({
          category: 'sentence',
          rule: 'long-sentence',
          start: s.start,
          end: s.end,
          text: context.text.slice(s.start, s.end),
          message: `This sentence has ${s.words.length} words. For ${context.audience.label.toLowerCase()}, try to keep sentences under ${max + 1} words: split it into two or more.`,
          suggestions: [],
          replacements: [],
        }),
      );
    }
    return out;
  },
};
