/**
 * The user's own terms in and out of files: JSON or YAML in the dictionary format
 * (dictionaries/README.md, read with the engine's `parseOwnDictionary`), and CSV for
 * spreadsheets (one term a row; lists in a cell split by ";"). Reading a file either gives
 * every term or says what is wrong and where, so a bad file never half-replaces good terms.
 */
import Papa from 'papaparse';
import { MAX_DICTIONARY_BYTES, parseOwnDictionary } from '../../engine/dictionary/parse.js';
import { MAX_ENTRIES, quoteTerm, tooManyEntries } from '../../engine/dictionary/validate.js';
import type { EntryKind } from '../../engine/dictionary/schema.js';
import { type OwnTerm, termKey, termProblems, tidyTerm } from '../../browser/store/own-terms.js';

export interface TermsRead {
  terms?: OwnTerm[];
  errors: string[];
}

export const CSV_COLUMNS = ['term', 'kind', 'expansion', 'definition', 'suggestions', 'variants'] as const;
type Column = (typeof CSV_COLUMNS)[number];
const KINDS: readonly EntryKind[] = ['acronym', 'jargon', 'plain-word'];
/** At most this many problems are listed; the rest are counted. */
const SHOWN = 8;

export function isCsvName(fileName: string): boolean {
  return /\.csv$/i.test(fileName);
}

/** Reads a file of terms by its name: `.csv` as CSV, anything else as the dictionary format. */
export function readTermsFile(text: string, fileName: string): TermsRead {
  return isCsvName(fileName) ? readTermsCsv(text, fileName) : readTermsDictionary(text, fileName);
}

export function readTermsDictionary(text: string, fileName: string): TermsRead {
  const parsed = parseOwnDictionary(text, fileName);
  if (!parsed.file) return { errors: parsed.errors };
  const name = parsed.file.name;
  // parseOwnDictionary fills in what the shipped format needs; keep only what the file said.
  const terms = parsed.file.entries.map(({ examples, source, ...rest }) => {
    const keep: OwnTerm = { ...rest };
    if (source !== name) keep.source = source;
    void examples;
    return tidyTerm(keep);
  });
  return { terms, errors: [] };
}

/** The dictionary format, as JSON, for the user's terms. */
export function writeTermsJson(terms: readonly OwnTerm[], name = 'My terms'): string {
  return `${JSON.stringify({ pack: 'my-terms', name, entries: terms.map(tidyTerm) }, null, 2)}\n`;
}

/**
 * A cell a spreadsheet would run as a formula starts with =, +, -, @, a tab or a carriage return
 * (OWASP, "CSV injection"). Such a cell is written with a ' in front, which spreadsheets show as
 * text; a cell that already starts with ' before one of those gets one more, so reading takes
 * exactly one off and gives back what was written.
 */
const FORMULA = /^'*[=+\-@\t\r]/;
const ESCAPED = /^'+[=+\-@\t\r]/;
export const csvCell = (v: string) => (FORMULA.test(v) ? `'${v}` : v);
export const readCsvCell = (v: string) => (ESCAPED.test(v) ? v.slice(1) : v);

export function writeTermsCsv(terms: readonly OwnTerm[]): string {
  const rows = terms.map((t) =>
    CSV_COLUMNS.map((c) => {
      const v = (t as Record<string, unknown>)[c];
      return csvCell(Array.isArray(v) ? v.join('; ') : typeof v === 'string' ? v : '');
    }),
  );
  // Excel reads a byte-order mark as "this is UTF-8" (accents and curly quotes survive).
  return `\ufeff${Papa.unparse({ fields: [...CSV_COLUMNS], data: rows }, { newline: '\r\n' })}\r\n`;
}

/** Which kind a row is when its "kind" cell is empty: a plainer word, a short form, or a SEND word. */
function guessKind(row: Partial<Record<Column, string>>): EntryKind {
  if (row.suggestions && !row.definition) return 'plain-word';
  if (row.expansion) return 'acronym';
  return 'jargon';
}

export function readTermsCsv(text: string, fileName: string): TermsRead {
  // The same limits as a JSON or YAML file: its size, then how many terms.
  if (text.length > MAX_DICTIONARY_BYTES)
    return {
      errors: [
        `${fileName} is too large (${Math.round(text.length / 1e6)} MB); a terms file may be at most ${MAX_DICTIONARY_BYTES / 1e6} MB.`,
      ],
    };
  const body = text.replace(/^\ufeff/, '');
  const rows: { cells: string[]; line: number }[] = [];
  const errors: string[] = [];
  let start = 0;
  // Line numbers by counting line feeds as the rows go by (rows only move forwards).
  let scanned = 0;
  let lines = 1;
  const lineAt = (offset: number) => {
    for (; scanned < offset && scanned < body.length; scanned++) if (body.charCodeAt(scanned) === 10) lines++;
    return lines;
  };
  let tooMany = false;
  Papa.parse<string[]>(body, {
    delimiter: ',',
    skipEmptyLines: 'greedy',
    step: (r, parser) => {
      // The first line names the columns; then at most MAX_ENTRIES terms.
      if (rows.length > MAX_ENTRIES) {
        tooMany = true;
        parser.abort();
        return;
      }
      // The row began after whatever ended the row before it (blank lines are skipped).
      let from = start;
      while (from < body.length && (body[from] === '\r' || body[from] === '\n')) from++;
      const line = lineAt(from);
      start = r.meta.cursor;
      for (const e of r.errors) errors.push(`${fileName}, line ${line}: ${plainCsvError(e)}`);
      rows.push({ cells: r.data, line });
    },
  });
  if (tooMany) return { errors: [`${fileName}: ${tooManyEntries()}`] };
  if (errors.length) return { errors: cap(errors) };
  if (rows.length === 0)
    return { errors: [`${fileName} is empty. The first line must name the columns: ${CSV_COLUMNS.join(', ')}.`] };

  const header = rows[0].cells.map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => h && !(CSV_COLUMNS as readonly string[]).includes(h));
  if (!header.includes('term') || unknown.length) {
    const what = unknown.length
      ? `it has ${unknown.slice(0, SHOWN).map(quoteTerm).join(', ')}, which Plain SEND does not know`
      : 'it has no "term" column';
    return {
      errors: [
        `${fileName}, line ${rows[0].line}: the first line must name the columns (${CSV_COLUMNS.join(', ')}), but ${what}.`,
      ],
    };
  }
  const terms: OwnTerm[] = [];
  const seen = new Map<string, number>();
  for (const { cells, line } of rows.slice(1)) {
    const row: Partial<Record<Column, string>> = {};
    header.forEach((h, i) => {
      if (h) row[h as Column] = readCsvCell(cells[i] ?? '').trim();
    });
    const where = `${fileName}, line ${line}${row.term ? ` (${quoteTerm(row.term)})` : ''}`;
    if (cells.length > header.length && cells.slice(header.length).some((c) => c.trim())) {
      errors.push(`${where}: this line has more cells than there are columns.`);
      continue;
    }
    const kindText = (row.kind ?? '').toLowerCase().replace(/\s+/g, '-');
    if (kindText && !KINDS.includes(kindText as EntryKind)) {
      errors.push(
        `${where}: "kind" must be one of ${KINDS.join(', ')} (or left empty), not ${quoteTerm(row.kind ?? '')}.`,
      );
      continue;
    }
    const term = tidyTerm({
      term: row.term ?? '',
      kind: (kindText || guessKind(row)) as EntryKind,
      expansion: row.expansion,
      definition: row.definition,
      suggestions: row.suggestions ? row.suggestions.split(';') : undefined,
      variants: row.variants ? row.variants.split(';') : undefined,
    } as OwnTerm);
    const problems = termProblems(term);
    if (problems.length) {
      errors.push(`${where}: ${problems.join(' ')}`);
      continue;
    }
    const first = seen.get(termKey(term));
    if (first !== undefined) {
      errors.push(`${where}: this term is already on line ${first}.`);
      continue;
    }
    seen.set(termKey(term), line);
    terms.push(term);
  }
  return errors.length ? { errors: cap(errors) } : { terms, errors: [] };
}

function plainCsvError(e: Papa.ParseError): string {
  if (e.code === 'MissingQuotes') return 'a quoted cell is never closed (a " is missing).';
  if (e.code === 'InvalidQuotes') return 'a quote mark (") is in the wrong place: put quotes round the whole cell.';
  if (e.code === 'TooFewFields' || e.code === 'TooManyFields')
    return 'this line has a different number of cells from the first line.';
  return e.message;
}

function cap(errors: string[]): string[] {
  return errors.length > SHOWN ? [...errors.slice(0, SHOWN), `… and ${errors.length - SHOWN} more problems.`] : errors;
}
