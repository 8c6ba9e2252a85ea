/** "Use every plainer word": each plain-word finding's first suggestion, in the same form and capitals. */
import { orderedEdits, type ReviewFinding, type TextEdit } from './edits.js';

export function plainWordEdits(findings: Iterable<ReviewFinding>): TextEdit[] {
  const edits: TextEdit[] = [];
  for (const f of findings) {
    if (f.category === 'plain-word' && f.replacements[0])
      edits.push({ start: f.start, end: f.end, text: f.replacements[0].text });
  }
  return orderedEdits(edits);
}
