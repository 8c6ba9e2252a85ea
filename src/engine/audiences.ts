/**
 * Who the text is for. The audience changes thresholds, never the glossary. Reading ages:
 * parent carers 9 to 11 (the plain-English target for public information); school staff up
 * to 14; professionals up to 16. Sentence lengths follow the same steps.
 */
import type { Audience, AudienceId } from './types.js';

export const AUDIENCES: Record<AudienceId, Audience> = {
  'parent-carer': { id: 'parent-carer', label: 'Parent carers', maxReadingAge: 11, maxSentenceWords: 25 },
  'school-staff': { id: 'school-staff', label: 'School staff', maxReadingAge: 14, maxSentenceWords: 30 },
  professional: { id: 'professional', label: 'Professionals', maxReadingAge: 16, maxSentenceWords: 35 },
};

export const DEFAULT_AUDIENCE: AudienceId = 'parent-carer';

export function audience(id: string | undefined): Audience {
  if (id === undefined) return AUDIENCES[DEFAULT_AUDIENCE];
  // Own keys only: "constructor" or "toString" are keys of every object, not audiences.
  const found = Object.hasOwn(AUDIENCES, id) ? AUDIENCES[id as AudienceId] : undefined;
  if (!found) throw new RangeError(`Unknown audience "${id}". Choose one of: ${Object.keys(AUDIENCES).join(', ')}.`);
  return found;
}
