/**
 * Build-time verb forms for plain words marked `verb: true`: "utilise" also finds "utilises",
 * "utilised" and "utilising", each suggesting "use" in the same form. compromise conjugates
 * (here only, at build time: it is too slow and too large for every keystroke).
 */
import nlp from 'compromise';
import type { DictionaryEntry, Inflection } from '../src/engine/dictionary/schema.js';

type Tense = 'PresentTense' | 'PastTense' | 'Gerund';
const TENSES: Tense[] = ['PresentTense', 'PastTense', 'Gerund'];

interface Conjugated {
  PresentTense: string;
  PastTense: string;
  Gerund: string;
  /** After have or be: "has been submitted". British: "got", not "gotten". */
  Participle: string;
}

/**
 * The forms of a phrase whose first word is a verb, the rest kept: "liaise with" → "liaised with".
 * `force` treats the first word as a verb even where compromise does not know it ("liaise"); without
 * it, a phrase compromise does not read as a verb ("effort") gives nothing.
 */
export function conjugate(phrase: string, force = true): Conjugated | undefined {
  const [head, ...rest] = phrase.split(' ');
  if (!force && !nlp(`to ${head}`).terms().eq(1).has('#Verb')) return undefined;
  const doc = nlp(head);
  doc.terms().first().tag('Infinitive');
  const forms = doc.verbs().conjugate()[0] as Partial<Record<Tense | 'Infinitive' | 'Participle', string>> | undefined;
  if (!forms || forms.Infinitive?.toLowerCase() !== head.toLowerCase()) return undefined;
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const one = (f: string | undefined) => (f && !f.includes(' ') ? f + tail : undefined);
  const present = one(forms.PresentTense);
  const past = one(forms.PastTense);
  const gerund = one(forms.Gerund);
  if (!present || !past || !gerund) return undefined;
  const participle = forms.Participle === 'gotten' ? past : (one(forms.Participle ?? compoundParticiple(head)) ?? past);
  return { PresentTense: present, PastTense: past, Gerund: gerund, Participle: participle };
}

/** compromise knows "taken" but not "undertaken": build it from the verb inside. */
function compoundParticiple(head: string): string | undefined {
  for (const prefix of ['under', 'over', 'with', 'fore', 'mis', 'up', 'be', 're']) {
    if (!head.startsWith(prefix) || head.length - prefix.length < 3) continue;
    const inner = nlp(head.slice(prefix.length));
    inner.terms().first().tag('Infinitive');
    const f = inner.verbs().conjugate()[0] as { Participle?: string } | undefined;
    if (f?.Participle && f.Participle !== 'gotten') return prefix + f.Participle;
  }
  return undefined;
}

/** The inflections of one entry: its term's and variants' forms, each with the suggestions in that form. */
export function inflectionsOf(entry: DictionaryEntry): Inflection[] {
  if (!entry.verb) return [];
  // Only suggestions that are verbs can follow a verb's form; "effort" for "endeavour" cannot.
  const verbs = (entry.suggestions ?? []).map((s) => conjugate(s, false)).filter((f) => f !== undefined);
  if (verbs.length === 0) return [];
  const out: Inflection[] = [];
  const seen = new Set([entry.term.toLowerCase(), ...(entry.variants ?? []).map((v) => v.toLowerCase())]);
  const add = (text: string, suggestions: string[], afterHave?: string[]) => {
    if (seen.has(text.toLowerCase())) return;
    seen.add(text.toLowerCase());
    const differs = afterHave && afterHave.some((a, i) => a !== suggestions[i]);
    out.push(differs ? { text, suggestions, afterHave } : { text, suggestions });
  };
  for (const written of [entry.term, ...(entry.variants ?? [])]) {
    const forms = conjugate(written);
    if (!forms) continue;
    for (const t of TENSES) {
      const participles = verbs.map((f) => f.Participle);
      if (t === 'PastTense' && forms.Participle === forms.PastTense)
        add(
          forms.PastTense,
          verbs.map((f) => f.PastTense),
          participles,
        );
      else
        add(
          forms[t],
          verbs.map((f) => f[t]),
        );
    }
    // "undertaken" is not "undertook": its own form, always after have or be.
    if (forms.Participle !== forms.PastTense)
      add(
        forms.Participle,
        verbs.map((f) => f.Participle),
      );
  }
  return out;
}

/** Adds `inflections` to every `verb: true` entry; says which entries no verb form could be made for. */
export function addInflections(entries: DictionaryEntry[]): string[] {
  const problems: string[] = [];
  for (const e of entries) {
    if (!e.verb) continue;
    const inflections = inflectionsOf(e);
    if (inflections.length === 0)
      problems.push(`"${e.term}" is marked verb: true, but no verb forms could be made for it and its suggestions.`);
    else e.inflections = inflections;
  }
  return problems;
}
