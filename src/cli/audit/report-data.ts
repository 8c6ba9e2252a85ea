/** The audit as JSON (everything) and as CSV (one row per page, for a spreadsheet). */
import type { AuditReport } from './report.js';

export function reportJson(report: AuditReport): string {
  return `${JSON.stringify({ tool: 'plain-send audit', ...report }, null, 2)}\n`;
}

export const CSV_COLUMNS = [
  'address',
  'title',
  'kind',
  'read',
  'reading_age',
  'audience_reading_age',
  'over_audience',
  'words',
  'sentences',
  'unexplained_terms',
  'top_unexplained',
  'long_sentences',
  'plain_word_suggestions',
  'problem',
] as const;

/** RFC 4180 rows (CRLF, quotes doubled), with cells a spreadsheet would run as a formula made inert. */
export function reportCsv(report: AuditReport): string {
  const rows: (string | number)[][] = [[...CSV_COLUMNS]];
  const limit = report.audience.maxReadingAge;
  for (const p of report.pages)
    rows.push([
      p.address,
      p.title,
      p.kind,
      'yes',
      p.readingAge,
      limit,
      p.over ? 'yes' : 'no',
      p.words,
      p.sentences,
      p.unexplained,
      p.terms
        .slice(0, 5)
        .map((t) => t.term)
        .join('; '),
      p.longSentences,
      p.plainWords,
      p.warning ?? '',
    ]);
  for (const u of report.unread) rows.push([u.address, '', '', 'no', '', limit, '', '', '', '', '', '', '', u.message]);
  return rows.map((row) => row.map(cell).join(',')).join('\r\n') + '\r\n';
}

function cell(value: string | number): string {
  let s = String(value);
  // =, +, - or @ first makes Excel and LibreOffice read a formula (OWASP "CSV injection").
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}
