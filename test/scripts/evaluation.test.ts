/** The engine against the hand annotation of the seed documents: both figures must stay above 90%. */
import { describe, expect, it } from 'vitest';
import { goldMentions, loadAnnotations, scoreDocument, totals } from '../../scripts/evaluation.js';

describe('evaluation on the annotated seed documents', () => {
  const scores = loadAnnotations().map((d) => scoreDocument(d));

  it('keeps recall and precision above 90%', () => {
    const t = totals(scores);
    expect(t.gold).toBeGreaterThan(500);
    expect(t.recall).toBeGreaterThan(0.9);
    expect(t.precision).toBeGreaterThan(0.9);
  });

  it('merges overlapping gold mentions and accepts plurals and possessives', () => {
    const text = "The SEND Local Offer and the LA's EHCPs. The Local Offer.";
    expect(
      goldMentions(text, ['SEND Local Offer', 'Local Offer', 'LA', 'EHCP']).map((m) => text.slice(m.start, m.end)),
    ).toEqual(['SEND Local Offer', "LA's", 'EHCPs', 'Local Offer']);
  });

  it('matches acronyms with their capitals only', () => {
    expect(goldMentions('send it to the SEND team', ['SEND'])).toHaveLength(1);
  });
});
