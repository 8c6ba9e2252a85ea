/** Reads a dictionary file's text (YAML, or JSON, which is YAML too) and validates it. */
import { Lexer, parse, YAMLParseError } from 'yaml';
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
      const line = (error.code === 'MISSING_CHAR' && openingQuoteLine(text, error.pos[0])) || error.linePos?.[0].line;
      const first = error.message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
      const quote = /closing ["']?quote/i.test(first) && line !== error.linePos?.[0].line;
      return {
        errors: [
          `${fileName}${line ? `, line ${line}` : ''}: this is not valid YAML or JSON (${quote ? 'a quote opened on this line is never closed' : first}).`,
        ],
      };
    }
    return { errors: [`${fileName} could not be read: ${(error as Error).message}`] };
  }
  const result = validateDictionary(data, options);
  return result.errors.length ? { errors: result.errors.map((e) => `${fileName}: ${e}`) } : result;
}

/**
 * The line where the quoted text that runs to `at` opened: YAML reports a missing closing quote
 * where the file ends, which is no help in finding it.
 */
function openingQuoteLine(text: string, at: number): number | undefined {
  let offset = 0;
  let opened: number | undefined;
  for (const token of new Lexer().lex(text)) {
    // The lexer's markers for document start, flow end and scalar are not in the text.
    if (token === '\x02' || token === '\x18' || token === '\x1f') continue;
    if ((token[0] === '"' || token[0] === "'") && offset < at && offset + token.length >= at) opened = offset;
    offset += token.length;
  }
  if (opened === undefined) return undefined;
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < opened; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/**
 * A user's own terms, a school's shared terms or an imported pack: the same format, but
 * `source` and `examples` may be left out. The Word add-in and the extension both read own
 * terms this way; shipped dictionaries keep the full check.
 */
export function parseOwnDictionary(text: string, fileName = 'the file'): ValidationResult {
  return parseDictionary(text, fileName, { level: 'own' });
}
