/** SEND terms and acronyms from the glossary, with their plain meaning. */
import type { ParagraphContext } from '../context.js';
import type { GlossaryEntry } from '../glossary/glossary.js';
import type { LongForm } from '../glossary/long-forms.js';
import type { TermMatch } from '../glossary/match.js';
import type { Sense } from '../dictionary/schema.js';
import { matchCase } from '../text/case.js';
import { inAddress } from '../text/addresses.js';
import { isRomanNumeralAfter } from '../text/roman.js';
import { inJobTitle, inTitle } from '../text/titles.js';
import type { Token } from '../text/tokens.js';
import type { Finding } from '../types.js';
import { makeFinding, sortByPlace, type ParagraphRule } from './rule.js';

export const glossaryTerm: ParagraphRule = {
  id: 'glossary-term',
  category: 'jargon',
  emits: ['jargon', 'acronym'],
  description: 'SEND terms and acronyms from the glossary, with their plain meaning.',
  examples: {
    flag: [
      'We will ask the council for an EHCP.',
      'She is on SEN support.',
      'The SENCo will call you.',
      'We follow the graduated approach.',
    ],
    pass: ['We will send the letter on Monday.', 'Thank you for coming to see us.'],
  },
  check(context) {
    const out: Finding[] = [];
    const tokens = context.tokens();
    const longForms = context.longForms();
    const l = { at: 0 };
    for (const match of context.terms())
      if (reported(context, tokens, longForms, l, match)) out.push(termFinding(context, match));
    for (const long of longForms) if (long.report) out.push(longFormFinding(context, long));
    return longForms.length ? sortByPlace(out) : out;
  },
};

/**
 * The findings this rule would give for the paragraph's terms out of their SEND sense
 * (`ParagraphContext.outOfSense`): the analyser keeps them for a document that shows that sense
 * elsewhere.
 */
export function outOfSenseFindings(context: ParagraphContext): readonly Finding[] {
  const matches = context.outOfSense();
  if (matches.length === 0) return NONE;
  const tokens = context.tokens();
  const longForms = context.longForms();
  const l = { at: 0 };
  const out: Finding[] = [];
  for (const match of matches)
    if (reported(context, tokens, longForms, l, match)) out.push(termFinding(context, match));
  return out;
}

/** Most paragraphs have no word out of its sense: one empty list for them all, never written to. */
const NONE: readonly Finding[] = [];

/** Whether a term is reported where it stands; `l` is a cursor into `longForms`, as matches come in text order. */
function reported(
  context: ParagraphContext,
  tokens: readonly Token[],
  longForms: readonly LongForm[],
  l: { at: number },
  match: TermMatch,
): boolean {
  if (match.form.entry.kind === 'plain-word' || match.form.silent) return false;
  // "Part VI" is a number, not VI (visual impairment).
  if (match.first === match.last && isRomanNumeralAfter(tokens[match.first].text, tokens[match.first - 1]?.text))
    return false;
  // Part of an email or web address ("senco@school.sch.uk"), as rule 6 of the annotation guide says.
  if (inAddress(context.text, match.start, match.end)) return false;
  // A term in the title of an Act or in a body's name that says what it is ("Public Health Agency").
  if (!match.form.short && inTitle(context.text, tokens, match.first, match.last)) return false;
  // A job title says what the person does: "the Head of Education and Inclusion Services".
  if (!match.form.short && inJobTitle(tokens, match.first)) return false;
  // Inside a long form the text gives for a known acronym, the long form is the term.
  while (l.at < longForms.length && longForms[l.at].end <= match.start) l.at++;
  const long = longForms[l.at];
  return match.form.short || !long?.report || long.start > match.start || match.end > long.end;
}

/** "Educational Psychology Team (EPS)": the text's own long form of EPS, with the glossary's meaning. */
function longFormFinding(context: ParagraphContext, long: LongForm): Finding {
  const entry = long.entry;
  const text = context.text.slice(long.start, long.end);
  const expansion = entry.expansion;
  return makeFinding({
    category: 'jargon',
    rule: 'glossary-term',
    start: long.start,
    end: long.end,
    text,
    message: `"${text}" is this text's name for ${long.acronym}${expansion ? ` (${expansion})` : ''}. The reader may not know what it is.`,
    term: entry.term,
    expansion,
    definition: entry.definition,
    suggestions: [],
    replacements: [],
    entryId: entry.id,
    source: { pack: entry.pack, packName: entry.packName, reference: entry.source },
  });
}

/** The finding for a glossary term, under `rule` (another rule may find a term written otherwise: "E.H.C.P."). */
export function termFinding(context: ParagraphContext, match: TermMatch, rule = 'glossary-term'): Finding {
  const entry = match.form.entry;
  const sense = pickSense(entry, context, match);
  const text = context.text.slice(match.start, match.end);
  const expansion = sense?.expansion ?? entry.expansion;
  const suggestions = sense?.suggestions ?? entry.suggestions ?? [];
  const short = match.form.short;
  return makeFinding({
    category: short ? 'acronym' : 'jargon',
    rule,
    start: match.start,
    end: match.end,
    text,
    message:
      short && expansion
        ? `"${text}" may be new to the reader. It stands for ${expansion}.`
        : `"${text}" is SEND jargon the reader may not know.`,
    term: entry.term,
    expansion,
    definition: sense?.definition ?? entry.definition,
    suggestions,
    // An acronym's capitals say nothing about how its plain words are written ("LA" → "the council").
    replacements: suggestions.map((s) => ({ label: `Use "${s}"`, text: short ? s : matchCase(text, s) })),
    explained: short ? false : undefined,
    entryId: entry.id,
    source: { pack: entry.pack, packName: entry.packName, reference: entry.source },
  });
}

const SCOPES = ['sentence', 'paragraph'] as const;

/** The sense with most cue words in the sentence, else in the paragraph; the first sense when none. */
function pickSense(entry: GlossaryEntry, context: ParagraphContext, match: TermMatch): Sense | undefined {
  if (!entry.senses) return undefined;
  const cues = cuesOf(entry, entry.senses);
  for (const scope of SCOPES) {
    // The entry's cue words that stand there: the same hits as the scope's every word, for less.
    const words = context.cuesAround(match.start, scope, cues);
    if (words.size === 0) continue;
    let best: Sense | undefined;
    let bestHits = 0;
    for (const sense of entry.senses) {
      let hits = 0;
      if (sense.cues) for (const cue of sense.cues) if (words.has(cue)) hits++;
      if (hits > bestHits) {
        best = sense;
        bestHits = hits;
      }
    }
    if (best) return best;
  }
  return entry.senses[0];
}

/** Every cue word of an entry's senses, one set per entry (its identity keys the context's answers). */
const entryCues = new WeakMap<GlossaryEntry, ReadonlySet<string>>();
function cuesOf(entry: GlossaryEntry, senses: readonly Sense[]): ReadonlySet<string> {
  let cues = entryCues.get(entry);
  if (!cues) entryCues.set(entry, (cues = new Set(senses.flatMap((s) => s.cues ?? []))));
  return cues;
}
