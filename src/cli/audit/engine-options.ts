/**
 * The engine options the audit shares with `check`: audience, packs, ignored terms and the
 * user's own terms file, checked the same way and refused with the same plain messages.
 */
import {
  AUDIENCES,
  DEFAULT_PACKS,
  PACK_INDEX,
  loadPacks,
  type AnalyseOptions,
  type AudienceId,
  type Pack,
} from '../../engine/index.js';
import { bundledPacks } from '../../engine/dictionary/bundled.js';
import { quoted } from '../io.js';
import { readTermsFile, TermsFileProblem } from '../terms-file.js';

export interface EngineFlags {
  audience?: string;
  pack?: string[];
  'only-packs'?: boolean;
  ignore?: string[];
  terms?: string;
}

export class OptionProblem extends Error {}

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
    try {
      extraPacks.push(...(await readTermsFile(flags.terms, 'audited')));
    } catch (error) {
      if (error instanceof TermsFileProblem) throw new OptionProblem(error.message);
      throw error;
    }
  }
  const packs = flags['only-packs'] ? (flags.pack ?? []) : [...DEFAULT_PACKS, ...(flags.pack ?? [])];
  // Only the packs that are on are read.
  await loadPacks(packs, bundledPacks);
  return { audience: flags.audience as AudienceId | undefined, packs, extraPacks, ignore: flags.ignore };
}
