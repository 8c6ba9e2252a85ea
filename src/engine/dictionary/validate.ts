/**
 * Checks a parsed dictionary file and says plainly what is wrong, entry by entry.
 * Hand-written rather than a JSON Schema validator so it runs under an extension's strict
 * CSP (no generated code) and its messages name the term a SENCO is editing.
 */
import { tokenise } from '../text/tokens.js';
import { TOPICS, type DictionaryFile, type EntryKind, type Pack, type Sense } from './schema.js';

export interface ValidationResult {
  file?: DictionaryFile;
  errors: string[];
}

/**
 * `shipped` (the default): every entry names its public source and has examples the tests run.
 * `own`: a user's own terms, a school's shared terms and imported packs, written by people
 * for their own use; `source` and `examples` may be left out (checked when given), and are
 * filled in so the engine sees whole entries.
 */
export interface ValidateOptions {
  level?: 'shipped' | 'own';
}

const KINDS: EntryKind[] = ['acronym', 'jargon', 'plain-word'];
const ENTRY_KEYS = new Set([
  'term',
  'kind',
  'expansion',
  'variants',
  'definition',
  'suggestions',
  'senses',
  'caseSensitive',
  'flagExpansion',
  'common',
  'context',
  'verb',
  'topic',
  'source',
  'examples',
]);
const FILE_KEYS = new Set(['pack', 'name', 'description', 'hosts', 'entries', 'known']);
/** A host name as a browser gives it: lower-case labels of letters, digits and hyphens. */
const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/;
const SENSE_KEYS = new Set(['expansion', 'definition', 'cues', 'suggestions']);
export const MAX_TERM_LENGTH = 120;
/** The most terms in one file, whatever its format (JSON, YAML or CSV). */
export const MAX_ENTRIES = 20_000;

/** The message for a file with more than MAX_ENTRIES terms (`count` undefined: "more than"). */
export function tooManyEntries(count?: number): string {
  return `A file may hold at most ${MAX_ENTRIES} terms; this one has ${count ?? `more than ${MAX_ENTRIES}`}. Split it into smaller files.`;
}

/** Longest piece of a term quoted back in a message: a 10,000-character term is named, not repeated. */
const QUOTED = 60;

/** A term as messages quote it, in double quotes, cut short when long. */
export function quoteTerm(term: string): string {
  return `"${term.length > QUOTED ? `${term.slice(0, QUOTED)}…` : term}"`;
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isText = (v: unknown): v is string => typeof v === 'string' && v.trim().length > 0;

export function validateDictionary(data: unknown, options: ValidateOptions = {}): ValidationResult {
  const own = options.level === 'own';
  const errors: string[] = [];
  if (!isObject(data)) return { errors: ['The file must be a dictionary with "pack", "name" and "entries".'] };
  for (const key of Object.keys(data))
    if (!FILE_KEYS.has(key)) errors.push(`Unknown field "${key}" at the top of the file.`);
  if (!isText(data.pack) || !/^[a-z0-9][a-z0-9-]*$/.test(data.pack)) {
    errors.push('"pack" must be a short id of lower-case letters, digits and hyphens, such as "my-school".');
  }
  if (!isText(data.name)) errors.push('"name" is missing: give the pack a name people will recognise.');
  if (data.description !== undefined && typeof data.description !== 'string')
    errors.push('"description" must be text.');
  if (data.hosts !== undefined && !(Array.isArray(data.hosts) && data.hosts.every((h) => isText(h) && HOST.test(h)))) {
    errors.push('"hosts" must be a list of web site names in lower case, such as [www.devon.gov.uk].');
  }
  if (data.known !== undefined && !(Array.isArray(data.known) && data.known.every(isText))) {
    errors.push('"known" must be a list of acronyms, such as [UK, NHS].');
  }
  if (!Array.isArray(data.entries)) {
    errors.push('"entries" must be a list (it can be empty: entries: []).');
    return { errors };
  }
  if (data.entries.length > MAX_ENTRIES) return { errors: [...errors, tooManyEntries(data.entries.length)] };
  const seen = new Map<string, number>();
  data.entries.forEach((entry, i) => {
    const where = `Entry ${i + 1}${isObject(entry) && isText(entry.term) ? ` (${quoteTerm(entry.term)})` : ''}`;
    for (const problem of entryProblems(entry, own)) errors.push(`${where}: ${problem}`);
    if (isObject(entry) && isText(entry.term)) {
      const key = `${entry.kind}:${entry.term.toLowerCase()}`;
      const first = seen.get(key);
      if (first !== undefined) errors.push(`${where}: the same term is already entry ${first + 1}.`);
      else seen.set(key, i);
    }
  });
  if (errors.length) return { errors };
  const file = data as unknown as DictionaryFile;
  return { file: own ? completeOwn(file) : file, errors };
}

/** An own file with the fields the engine expects filled in: its name as the source, no examples. */
function completeOwn(file: DictionaryFile): DictionaryFile {
  const entries = file.entries.map((e) => ({
    ...e,
    source: e.source ?? file.name,
    examples: e.examples ?? { flag: [] },
  }));
  return { ...file, entries };
}

function entryProblems(entry: unknown, own: boolean): string[] {
  if (!isObject(entry)) return ['must be a set of fields (term, kind, definition, ...).'];
  const p: string[] = [];
  for (const key of Object.keys(entry)) if (!ENTRY_KEYS.has(key)) p.push(`unknown field "${key}".`);
  if (!isText(entry.term)) p.push('"term" is missing.');
  else if (entry.term.length > MAX_TERM_LENGTH) p.push(`"term" is longer than ${MAX_TERM_LENGTH} characters.`);
  else if (!/[\p{L}\p{N}]/u.test(entry.term)) p.push('"term" has no letters or digits.');
  if (!KINDS.includes(entry.kind as EntryKind)) p.push(`"kind" must be one of ${KINDS.join(', ')}.`);
  if (own ? entry.source !== undefined && !isText(entry.source) : !isText(entry.source)) {
    p.push(own ? '"source" must be text.' : '"source" is missing: name the kind of public source the facts came from.');
  }
  if (entry.topic !== undefined && !(TOPICS as readonly string[]).includes(entry.topic as string)) {
    p.push(`"topic" must be one of ${TOPICS.join(', ')}.`);
  }
  for (const key of ['variants', 'suggestions'] as const) {
    const v = entry[key];
    if (v !== undefined && !(Array.isArray(v) && v.every(isText)))
      p.push(`"${key}" must be a list of words or phrases.`);
  }
  if (entry.verb !== undefined && entry.kind !== 'plain-word') p.push('"verb" is for plain words only.');
  for (const key of ['caseSensitive', 'flagExpansion', 'common', 'verb'] as const) {
    if (entry[key] !== undefined && typeof entry[key] !== 'boolean') p.push(`"${key}" must be true or false.`);
  }
  if (entry.context !== undefined) p.push(...contextProblems(entry.context));
  if (entry.senses !== undefined) {
    if (!Array.isArray(entry.senses) || entry.senses.length < 2) p.push('"senses" must list at least two meanings.');
    else entry.senses.forEach((s, i) => p.push(...senseProblems(s).map((m) => `sense ${i + 1}: ${m}`)));
    if (entry.expansion !== undefined || entry.definition !== undefined) {
      p.push('give "expansion" and "definition" inside each sense, not beside "senses".');
    }
  } else if (entry.kind === 'plain-word') {
    if (!Array.isArray(entry.suggestions) || entry.suggestions.length === 0)
      p.push('a plain word needs "suggestions".');
    if (entry.definition !== undefined && !isText(entry.definition)) p.push('"definition" must be text.');
  } else {
    if (!isText(entry.definition)) p.push('"definition" is missing.');
    if (entry.kind === 'acronym' && !isText(entry.expansion))
      p.push('an acronym needs "expansion" (what the letters stand for).');
  }
  if (entry.expansion !== undefined && !isText(entry.expansion)) p.push('"expansion" must be text.');
  const ex = entry.examples;
  if (own && ex === undefined) return p;
  if (!isObject(ex) || !Array.isArray(ex.flag) || (ex.flag.length === 0 && !own) || !ex.flag.every(isText)) {
    p.push(
      own
        ? '"examples" must have "flag": a list of sentences in which the term must be found.'
        : '"examples" needs "flag": at least one sentence in which the term must be found.',
    );
  } else if (ex.pass !== undefined && !(Array.isArray(ex.pass) && ex.pass.every(isText))) {
    p.push('"examples.pass" must be a list of sentences.');
  }
  return p;
}

const PATTERN_KEYS = ['before', 'after', 'sentence', 'capitals'];
/** Most words in one `before` or `after` phrase. */
export const MAX_CUE_WORDS = 4;

/** `context`: when an everyday word is in its SEND sense (see dictionaries/README.md). */
function contextProblems(context: unknown): string[] {
  if (!isObject(context) || (context.when === undefined && context.unless === undefined))
    return ['"context" must have "when" (a list of patterns), "unless", or both.'];
  const p: string[] = [];
  for (const key of Object.keys(context))
    if (key !== 'when' && key !== 'unless') p.push(`"context" has an unknown field "${key}" (use when or unless).`);
  if (context.when !== undefined) {
    if (!Array.isArray(context.when) || context.when.length === 0)
      p.push('"context.when" must be a list of patterns, such as [{ before: [early years] }].');
    else context.when.forEach((x, i) => p.push(...patternProblems(x, `"context.when" pattern ${i + 1}`, PATTERN_KEYS)));
  }
  if (context.unless !== undefined)
    p.push(...patternProblems(context.unless, '"context.unless"', PATTERN_KEYS.slice(0, 3)));
  return p;
}

function patternProblems(pattern: unknown, where: string, keys: string[]): string[] {
  const fields = keys.join(', ');
  if (!isObject(pattern)) return [`${where} must be a set of fields: ${fields}.`];
  const p: string[] = [];
  for (const key of Object.keys(pattern))
    if (!keys.includes(key)) p.push(`${where} has an unknown field "${key}" (use ${fields}).`);
  if (!keys.some((k) => pattern[k] !== undefined)) p.push(`${where} needs at least one of ${fields}.`);
  for (const key of ['before', 'after', 'sentence'] as const) {
    const cues = pattern[key];
    if (cues === undefined) continue;
    if (!Array.isArray(cues) || cues.length === 0 || !cues.every(isText)) {
      p.push(`${where}: "${key}" must be a list of words or phrases.`);
      continue;
    }
    for (const cue of cues) {
      const words = tokenise(cue).length;
      if (words === 0) p.push(`${where}: "${key}" has ${quoteTerm(cue)}, which has no letters or digits.`);
      else if (key === 'sentence' && words > 1)
        p.push(
          `${where}: "sentence" has ${quoteTerm(cue)}; give single words there (a phrase goes in "before" or "after").`,
        );
      else if (words > MAX_CUE_WORDS)
        p.push(`${where}: "${key}" has ${quoteTerm(cue)}; keep each phrase to ${MAX_CUE_WORDS} words or fewer.`);
    }
  }
  if (pattern.capitals !== undefined && pattern.capitals !== true)
    p.push(`${where}: "capitals" can only be true (leave it out otherwise).`);
  return p;
}

function senseProblems(sense: unknown): string[] {
  if (!isObject(sense)) return ['must have "expansion" and "definition".'];
  const p: string[] = [];
  for (const key of Object.keys(sense)) if (!SENSE_KEYS.has(key)) p.push(`unknown field "${key}".`);
  if (!isText(sense.expansion)) p.push('"expansion" is missing.');
  if (!isText(sense.definition)) p.push('"definition" is missing.');
  for (const key of ['cues', 'suggestions'] as const) {
    const v = (sense as Partial<Sense>)[key];
    if (v !== undefined && !(Array.isArray(v) && v.every(isText))) p.push(`"${key}" must be a list of words.`);
  }
  return p;
}

/** Files of one pack, merged; later files add entries. */
export function mergeFiles(files: DictionaryFile[]): Map<string, Pack> {
  const packs = new Map<string, Pack>();
  for (const f of files) {
    let pack = packs.get(f.pack);
    if (!pack) {
      pack = { id: f.pack, name: f.name, description: f.description, entries: [], known: [] };
      packs.set(f.pack, pack);
    }
    if (f.hosts) pack.hosts = [...(pack.hosts ?? []), ...f.hosts];
    pack.entries.push(...f.entries);
    pack.known.push(...(f.known ?? []));
  }
  return packs;
}
