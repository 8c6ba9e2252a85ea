/**
 * What the report keeps of each page: its scores and a short list of findings, never its
 * whole text, so a site of thousands of pages fits in memory. Site-wide tallies (terms left
 * unexplained most often, the longest sentences) are built up page by page.
 */
import type { Analysis, Finding } from '../../engine/index.js';
import type { DocumentKind } from './document.js';

/** Per page: the longest sentences, plain-word suggestions and terms kept for the report. */
export const KEPT_PER_PAGE = 10;
/** Site-wide: terms and long sentences listed. */
export const KEPT_FOR_SITE = 40;
const MAX_SENTENCE_CHARS = 400;

export interface PageTerm {
  term: string;
  count: number;
}

export interface PageSummary {
  address: string;
  title: string;
  kind: DocumentKind;
  words: number;
  sentences: number;
  readingAge: number;
  /** Over the audience's reading age. */
  over: boolean;
  unexplained: number;
  explained: number;
  plainWords: number;
  longSentences: number;
  /** Unexplained terms on this page, most frequent first. */
  terms: PageTerm[];
  longest: { words: number; text: string }[];
  suggestions: { text: string; instead: string }[];
  warning?: string;
}

export interface TermTally {
  term: string;
  expansion?: string;
  definition?: string;
  /** Times it appears unexplained across the site. */
  count: number;
  /** Pages it appears unexplained on. */
  pages: number;
}

export interface SiteSentence {
  address: string;
  title: string;
  words: number;
  text: string;
}

const isUnexplained = (f: Finding) => (f.category === 'acronym' || f.category === 'jargon') && f.explained !== true;
const termKey = (f: Finding) => f.entryId ?? (f.term ?? f.text).toLowerCase();

function sentenceWords(f: Finding): number {
  const said = /has (\d+) words/.exec(f.message)?.[1];
  return said ? Number(said) : f.text.split(/\s+/).filter(Boolean).length;
}

function clip(s: string): string {
  if (s.length <= MAX_SENTENCE_CHARS) return s;
  const cut = s.slice(0, MAX_SENTENCE_CHARS);
  const space = cut.lastIndexOf(' ');
  return `${space > 0 ? cut.slice(0, space) : cut}…`;
}

export function summarisePage(
  address: string,
  title: string,
  kind: DocumentKind,
  analysis: Analysis,
  warning?: string,
): PageSummary {
  const r = analysis.readability;
  const terms = new Map<string, PageTerm>();
  const longest: PageSummary['longest'] = [];
  const suggestions = new Map<string, string>();
  let unexplained = 0;
  let explained = 0;
  let plainWords = 0;
  let longSentences = 0;
  for (const f of analysis.findings) {
    if (isUnexplained(f)) {
      unexplained++;
      const key = termKey(f);
      const t = terms.get(key);
      if (t) t.count++;
      else terms.set(key, { term: f.term ?? f.text, count: 1 });
    } else if (f.category === 'acronym' || f.category === 'jargon') explained++;
    else if (f.category === 'plain-word') {
      plainWords++;
      const key = f.text.toLowerCase();
      if (!suggestions.has(key) && f.suggestions.length) suggestions.set(key, f.suggestions[0]);
    } else if (f.category === 'sentence') {
      longSentences++;
      longest.push({ words: sentenceWords(f), text: clip(f.text.replace(/\s+/g, ' ').trim()) });
    }
  }
  longest.sort((a, b) => b.words - a.words);
  return {
    address,
    title,
    kind,
    words: r.words,
    sentences: r.sentences,
    readingAge: r.readingAge,
    over: r.words > 0 && !analysis.withinAudience,
    unexplained,
    explained,
    plainWords,
    longSentences,
    terms: [...terms.values()].sort((a, b) => b.count - a.count || a.term.localeCompare(b.term)),
    longest: longest.slice(0, KEPT_PER_PAGE),
    suggestions: [...suggestions].slice(0, KEPT_PER_PAGE).map(([text, instead]) => ({ text, instead })),
    warning,
  };
}

/** Terms left unexplained across the site, and the site's longest sentences. */
export class SiteTally {
  private readonly terms = new Map<string, TermTally>();
  private readonly sentences: SiteSentence[] = [];

  addPage(page: PageSummary, analysis: Analysis): void {
    const onThisPage = new Set<string>();
    for (const f of analysis.findings) {
      if (!isUnexplained(f)) continue;
      const key = termKey(f);
      let t = this.terms.get(key);
      if (!t) {
        t = { term: f.term ?? f.text, expansion: f.expansion, definition: f.definition, count: 0, pages: 0 };
        this.terms.set(key, t);
      }
      t.count++;
      t.expansion ??= f.expansion;
      t.definition ??= f.definition;
      if (!onThisPage.has(key)) {
        onThisPage.add(key);
        t.pages++;
      }
    }
    for (const s of page.longest) this.sentences.push({ address: page.address, title: page.title, ...s });
    // Kept short as it grows: only the longest can make the list.
    if (this.sentences.length > KEPT_FOR_SITE * 4) this.trimSentences();
  }

  private trimSentences(): void {
    this.sentences.sort((a, b) => b.words - a.words);
    this.sentences.length = Math.min(this.sentences.length, KEPT_FOR_SITE);
  }

  /** Most pages first, then most uses. */
  topTerms(limit = KEPT_FOR_SITE): TermTally[] {
    return [...this.terms.values()]
      .sort((a, b) => b.pages - a.pages || b.count - a.count || a.term.localeCompare(b.term))
      .slice(0, limit);
  }

  longestSentences(): SiteSentence[] {
    this.trimSentences();
    return [...this.sentences];
  }
}
