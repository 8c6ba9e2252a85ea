/**
 * The packs that ship with Plain SEND, compiled from dictionaries/ by
 * scripts/build-dictionaries.ts (run by `npm ci`, `npm test` and every build).
 */
import generated from '../../generated/dictionaries.json';
import type { Pack } from './schema.js';

export const BUILTIN_PACKS: readonly Pack[] = generated.packs as Pack[];

/** Every tenth example sentence of the glossary (the packs ship without their examples): real SEND writing. */
export const WARM_UP_LINES: readonly string[] = generated.warmUp;

/** On unless the user turns them off. Order matters: for the same term, a later pack wins. */
export const DEFAULT_PACKS: readonly string[] = [
  'wales',
  'northern-ireland',
  'scotland',
  'england',
  'everyday',
  'plain-words',
];
