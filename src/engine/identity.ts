/**
 * A finding's identity, the same on every surface: what "ignore" stores and matches (the
 * analyser's `ignore` option, the Word pane, the extension, the command line's `--ignore`), and
 * what a reader's list groups by.
 */
import type { Finding } from './types.js';

type Identified = Pick<Finding, 'entryId' | 'term' | 'text'>;

/** The key a finding is ignored by: its glossary entry's id, else its text; any case. */
export function ignoreKey(f: Identified): string {
  return (f.entryId ?? f.term ?? f.text).toLowerCase();
}

/** Whether `ignored` (keys from {@link ignoreKey}, or terms a person typed) covers the finding. */
export function isIgnored(f: Identified, ignored: ReadonlySet<string>): boolean {
  return (
    ignored.has(f.text.toLowerCase()) ||
    (f.term !== undefined && ignored.has(f.term.toLowerCase())) ||
    (f.entryId !== undefined && ignored.has(f.entryId.toLowerCase()))
  );
}

/**
 * One key per meaning, for a reader's list of words: a term with two senses (OT) gives two keys;
 * a short form no glossary knows is keyed by its letters.
 */
export function meaningKey(f: Pick<Finding, 'entryId' | 'text' | 'expansion' | 'definition'>): string {
  if (!f.entryId) return `?${f.text.toUpperCase()}`;
  return f.expansion || f.definition
    ? `${f.entryId}|${f.expansion ?? ''}|${(f.definition ?? '').slice(0, 40)}`
    : f.entryId;
}
