/**
 * The engine options the audit shares with `check`: audience, packs, ignored terms and the
 * user's own terms file, checked the same way and refused with the same plain messages.
 */
import { readFile, stat } from 'node:fs/promises';
import {
  AUDIENCES,
  DEFAULT_PACKS,
  PACK_INDEX,
  loadPacks,
  MAX_DICTIONARY_BYTES,
  mergeFiles,
  parseOwnDictionary,
  type AnalyseOptions,
  type AudienceId,
  type Pack,
} from '../../engine/index.js';
import { bundledPacks } from '../../engine/dictionary/bundled.js';
import { decodeText } from '../extract.js';

export interface EngineFlags {
  audience?: string;
  pack?: string[];
  'only-packs'?: boolean;
  ignore?: string[];
  terms?: string;
}

export class OptionProblem extends Error {}

const QUOTED = 60;
export const quoted = (s: string) => JSON.stringify(s.length > QUOTED ? `${s.slice(0, QUOTED)}…` : s);

export async function engineOptions(flags: EngineFlags): Promise<AnalyseOptions> {
  if (flags.audience !== undefined && !Object.hasOwn(AUDIENCES, flags.audience))
    throw new OptionProblem(
      `unknown audience ${quoted(flags.audience)}. Choose one of: ${Object.keys(AUDIENCES).join(', ')}.`,
    );
  const known = new Set(PACK_INDEX.map((p) => p.id));
  const unknownPack = (flags.pack ?? []).find((p) => !known.has(p));
  if (unknownPack !== undefined)
    throw new OptionProblem(`unknown pack ${quoted(unknownPack)}. Packs: ${[...known].join(', ')}.`);
  const extraPacks: Pack[] = [];
  if (flags.terms) {
    let source: string;
    try {
      const info = await stat(flags.terms);
      if (info.isDirectory())
        throw new OptionProblem(`your terms file ${flags.terms} is a folder: name the file inside it.`);
      if (info.size > MAX_DICTIONARY_BYTES)
        throw new OptionProblem(
          `your terms file ${flags.terms} is too large; a terms file may be at most ${MAX_DICTIONARY_BYTES / 1e6} MB.`,
        );
      source = decodeText(await readFile(flags.terms)).text;
    } catch (error) {
      if (error instanceof OptionProblem) throw error;
      throw new OptionProblem(`cannot read your terms file ${flags.terms}: ${(error as Error).message}`);
    }
    const result = parseOwnDictionary(source, flags.terms);
    if (!result.file)
      throw new OptionProblem(
        `your terms file has problems, so nothing was audited:\n  ${result.errors.slice(0, 20).join('\n  ')}`,
      );
    extraPacks.push(...mergeFiles([result.file]).values());
  }
  const packs = flags['only-packs'] ? (flags.pack ?? []) : [...DEFAULT_PACKS, ...(flags.pack ?? [])];
  // Only the packs that are on are read.
  await loadPacks(packs, bundledPacks);
  return { audience: flags.audience as AudienceId | undefined, packs, extraPacks, ignore: flags.ignore };
}
