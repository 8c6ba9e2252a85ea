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

export function lineStartsOf(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

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
  const { path, text, analysis } = result;
  const starts = lineStartsOf(text);
  const lines: string[] = [style.bold(path)];
  if (result.warning) lines.push(style.warn(`  Note: ${result.warning}`));
  for (const f of analysis.findings) {
    const { line, column } = lineColumn(text, f.start, starts);
    const shown = f.category === 'sentence' ? `${f.text.slice(0, 40)}${f.text.length > 40 ? '…' : ''}` : f.text;
    lines.push(
      `  ${`${path}:${line}:${column}`}  ${style.dim(f.category.padEnd(10))}  ${style.bold(oneLine(shown))}  ${f.message}`,
    );
    const detail = [f.expansion && !f.message.includes(f.expansion) ? f.expansion : undefined, f.definition]
      .filter(Boolean)
      .join(': ');
    if (detail) lines.push(`      ${style.dim(detail)}`);
    if (f.replacements.length)
      lines.push(
        `      ${style.dim(`Fix: ${f.replacements.map((r) => `${r.label} → ${JSON.stringify(r.text)}`).join('; ')}`)}`,
      );
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
  return lines.join('\n');
}

function oneLine(s: string): string {
  return s.replace(/\s+/g, ' ');
}

export function countByCategory(findings: readonly Finding[]): Record<Finding['category'], number> {
  const counts = { acronym: 0, jargon: 0, 'plain-word': 0, sentence: 0 };
  for (const f of findings) counts[f.category]++;
  return counts;
}

export function toJson(results: readonly FileResult[]): string {
  return JSON.stringify(
    {
      files: results.map(({ path, analysis, warning }) => ({
        path,
        ...(warning ? { warning } : {}),
        audience: analysis.audience.id,
        withinAudience: analysis.withinAudience,
        readability: analysis.readability,
        findings: analysis.findings.map((f) => ({
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
        })),
      })),
    },
    null,
    2,
  );
}
