/** How results are shown: for people (with line and column) and as one JSON document. */
import type { Analysis, Finding } from '../engine/index.js';

export interface FileResult {
  path: string;
  text: string;
  analysis: Analysis;
  warning?: string;
}

const CATEGORY_NAMES: Record<Finding['category'], [string, string]> = {
  acronym: ['acronym', 'acronyms'],
  jargon: ['jargon term', 'jargon terms'],
  'plain-word': ['plain-word suggestion', 'plain-word suggestions'],
  sentence: ['long sentence', 'long sentences'],
};

/** 1-based line and column (in UTF-16 code units, as editors such as VS Code count). */
export function lineColumn(
  text: string,
  offset: number,
  lineStarts = lineStartsOf(text),
): { line: number; column: number } {
  let lo = 0;
  let hi = lineStarts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (lineStarts[mid] <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - lineStarts[lo] + 1 };
}

/** Where each line starts; a line ends at CR LF, LF or a lone CR (old Mac files), as editors count. */
export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) starts.push(i + 1);
  }
  return starts;
}

/**
 * Text from a file, safe to print to a terminal: control characters (ESC, BEL, CR, ...), the C1
 * controls and the marks that reverse text direction are shown escaped, e.g. \x1b, so a document
 * cannot set the window title, move the cursor or hide words. Newlines are escaped too unless kept.
 */
export function visible(s: string, keepNewlines = false): string {
  return s.replace(CONTROL, (c) => {
    if (keepNewlines && c === '\n') return c;
    const code = c.charCodeAt(0);
    return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}
// eslint-disable-next-line no-control-regex -- finding control characters is the point
const CONTROL = /[\x00-\x08\x0a-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

export interface Style {
  bold(s: string): string;
  dim(s: string): string;
  warn(s: string): string;
  good(s: string): string;
}

export const PLAIN_STYLE: Style = { bold: (s) => s, dim: (s) => s, warn: (s) => s, good: (s) => s };
export const COLOUR_STYLE: Style = {
  bold: (s) => `\x1b[1m${s}\x1b[22m`,
  dim: (s) => `\x1b[2m${s}\x1b[22m`,
  warn: (s) => `\x1b[33m${s}\x1b[39m`,
  good: (s) => `\x1b[32m${s}\x1b[39m`,
};

export function formatHuman(result: FileResult, style: Style = PLAIN_STYLE): string {
  return [...humanLines(result, style)].join('\n');
}

/** The human output of one file, line by line (a file with many findings is printed as it goes). */
export function* humanLines(result: FileResult, style: Style = PLAIN_STYLE): Generator<string> {
  const { text, analysis } = result;
  const path = visible(result.path);
  const starts = lineStartsOf(text);
  const lines: string[] = [style.bold(path)];
  if (result.warning) lines.push(style.warn(`  Note: ${visible(result.warning)}`));
  yield* lines.splice(0);
  for (const f of analysis.findings) {
    const { line, column } = lineColumn(text, f.start, starts);
    const shown = f.category === 'sentence' ? `${f.text.slice(0, 40)}${f.text.length > 40 ? '…' : ''}` : f.text;
    yield `  ${`${path}:${line}:${column}`}  ${style.dim(f.category.padEnd(10))}  ${style.bold(visible(oneLine(shown)))}  ${visible(f.message)}`;
    const detail = [f.expansion && !f.message.includes(f.expansion) ? f.expansion : undefined, f.definition]
      .filter(Boolean)
      .join(': ');
    if (detail) yield `      ${style.dim(visible(detail))}`;
    if (f.replacements.length)
      yield `      ${style.dim(`Fix: ${f.replacements.map((r) => `${visible(r.label)} → ${visible(JSON.stringify(r.text))}`).join('; ')}`)}`;
  }
  const r = analysis.readability;
  const audience = analysis.audience;
  lines.push('');
  lines.push(
    `  Readability: ${r.words} words, ${r.sentences} sentences, Flesch reading ease ${r.fleschReadingEase}, Flesch-Kincaid grade ${r.fleschKincaidGrade}, UK reading age ${r.readingAge}.`,
  );
  lines.push(
    analysis.withinAudience
      ? style.good(
          `  Easy enough for ${audience.label.toLowerCase()} (reading age ${audience.maxReadingAge} or below).`,
        )
      : style.warn(
          `  Too hard for ${audience.label.toLowerCase()}: aim for a reading age of ${audience.maxReadingAge} or below (shorter sentences, shorter words).`,
        ),
  );
  const counts = countByCategory(analysis.findings);
  const parts = (Object.keys(CATEGORY_NAMES) as Finding['category'][])
    .filter((c) => counts[c])
    .map((c) => `${counts[c]} ${CATEGORY_NAMES[c][counts[c] === 1 ? 0 : 1]}`);
  lines.push(`  Found: ${parts.length ? parts.join(', ') : 'nothing to change'}.`);
  yield* lines;
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

export function countByCategory(findings: readonly Finding[]): Record<Finding['category'], number> {
  const counts = { acronym: 0, jargon: 0, 'plain-word': 0, sentence: 0 };
  for (const f of findings) counts[f.category]++;
  return counts;
}

/** One file's entry in the JSON document (findings are added one by one by jsonChunks). */
function fileHead({ path, analysis, warning }: FileResult) {
  return {
    path,
    ...(warning ? { warning } : {}),
    audience: analysis.audience.id,
    withinAudience: analysis.withinAudience,
    readability: analysis.readability,
  };
}

function findingJson(f: Finding) {
  return {
    category: f.category,
    rule: f.rule,
    start: f.start,
    end: f.end,
    text: f.text,
    term: f.term ?? null,
    expansion: f.expansion ?? null,
    definition: f.definition ?? null,
    suggestions: f.suggestions,
    explained: f.explained ?? null,
    message: f.message,
    replacements: f.replacements,
    source: f.source ?? null,
  };
}

/** Indents JSON.stringify's output by `by` spaces after the first line, to nest it. */
const nest = (json: string, by: string) => json.replace(/\n/g, `\n${by}`);

/**
 * Findings as JSON.stringify(..., 2) writes them four levels deep, as in the document: stringified
 * inside three arrays, whose brackets are cut off (so no pass over the text to indent it).
 */
const DEEP_OPEN = '[\n  [\n    [\n      ['.length;
const DEEP_CLOSE = '\n      ]\n    ]\n  ]\n]'.length;
/** Findings stringified at once: a few hundred, or fewer if their text is long (a piece stays far below V8's longest string). */
const BATCH_FINDINGS = 256;
const BATCH_CHARACTERS = 1 << 20;

/**
 * One file's part of the JSON document, in pieces: the same text JSON.stringify(..., 2) gives for
 * the whole, but never one string for everything (two 49 MB files overflow V8's longest string).
 * `first` is whether it is the first file in the list.
 */
export function* jsonFileChunks(result: FileResult, first: boolean): Generator<string> {
  const head = JSON.stringify(fileHead(result), null, 2);
  // The head without its closing brace, then "findings" as a list built a batch of findings at a time.
  yield `${first ? '' : ','}\n    ${nest(head.slice(0, -2), '    ')},\n      "findings": [`;
  const findings = result.analysis.findings;
  if (!findings.length) {
    yield ']\n    }';
    return;
  }
  for (let i = 0; i < findings.length;) {
    const batch: ReturnType<typeof findingJson>[] = [];
    let characters = 0;
    const from = i;
    while (i < findings.length && batch.length < BATCH_FINDINGS && characters < BATCH_CHARACTERS) {
      const f = findings[i++];
      characters += f.text.length + f.message.length;
      batch.push(findingJson(f));
    }
    const json = JSON.stringify([[[batch]]], null, 2);
    yield `${from ? ',' : ''}${json.slice(DEEP_OPEN, json.length - DEEP_CLOSE)}`;
  }
  yield '\n      ]\n    }';
}

export const JSON_START = '{\n  "files": [';
export const jsonEnd = (files: number) => (files ? '\n  ]\n}\n' : ']\n}\n');

/** The whole JSON document at once (for a few small files; the command streams jsonFileChunks). */
export function toJson(results: readonly FileResult[]): string {
  let out = JSON_START;
  results.forEach((r, i) => {
    for (const chunk of jsonFileChunks(r, i === 0)) out += chunk;
  });
  return out + jsonEnd(results.length).slice(0, -1);
}
