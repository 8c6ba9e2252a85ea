/** Reads a dictionary file's text (YAML, or JSON, which is YAML too) and validates it. */
import { parse, YAMLParseError } from 'yaml';
import { validateDictionary, type ValidateOptions, type ValidationResult } from './validate.js';

/** 5 MB: far more than any real glossary, small enough not to hang a page. */
export const MAX_DICTIONARY_BYTES = 5_000_000;

/** `options.level: 'own'` for a user's or a school's terms (see validateDictionary). */
export function parseDictionary(text: string, fileName = 'the file', options: ValidateOptions = {}): ValidationResult {
  if (text.length > MAX_DICTIONARY_BYTES) {
    return {
      errors: [`${fileName} is too large (${Math.round(text.length / 1e6)} MB); a dictionary may be at most 5 MB.`],
    };
  }
  let data: unknown;
  try {
    data = parse(text, { maxAliasCount: 100, uniqueKeys: true });
  } catch (error) {
    if (error instanceof YAMLParseError) {
      const line = error.linePos?.[0].line;
      const first = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      return { errors: [`${fileName}${line ? `, line ${line}` : ''}: this is not valid YAML or JSON (${first}).`] };
    }
    return { errors: [`${fileName} could not be read: ${(error as Error).message}`] };
  }
  const result = validateDictionary(data, options);
  return result.errors.length ? { errors: result.errors.map((e) => `${fileName}: ${e}`) } : result;
}

/**
 * A user's own terms, a school's shared terms or an imported pack: the same format, but
 * `source` and `examples` may be left out. The Word add-in and the extension both read own
 * terms this way; shipped dictionaries keep the full check.
 */
export function parseOwnDictionary(text: string, fileName = 'the file'): ValidationResult {
  return parseDictionary(text, fileName, { level: 'own' });
}
