/**
 * The background side: runs the engine for the content scripts and pages of every tab. One
 * analyser per mode for the current settings, each with its own paragraph cache, so a keystroke
 * re-reads one paragraph only. New settings (a new object) mean new analysers.
 */
import { createAnalyser, type AnalyseOptions, type Analyser } from '../../engine/index.js';
import {
  DEFAULT_PACKS,
  loadedPacks,
  loadPacks,
  PACK_INDEX,
  type PackInfo,
  type PackSource,
} from '../../engine/dictionary/builtin.js';
import type { AudienceId, Category, Finding } from '../../engine/types.js';
import type { Pack } from '../../engine/dictionary/schema.js';
import {
  isAudience,
  pack,
  type AnalyseMode,
  type AnalyseRequest,
  type AnalyseResponse,
  type WireFinding,
} from './protocol.js';

/** Everything the engine needs from the user's (and the school's) settings. */
export interface EngineSettings {
  audience: AudienceId;
  /** Terms or entry ids never to flag ("Ignore always"). */
  ignore: readonly string[];
  /** Categories to show while writing (default: all). */
  categories?: readonly Category[];
  /** Built-in packs that are on, by id (default: the engine's defaults). */
  packs?: readonly string[];
  /** Shared and imported packs, then the user's own terms: later wins. */
  extraPacks?: readonly Pack[];
}

const MAX_TEXT = 500_000;
const READ_CATEGORIES: readonly Category[] = ['acronym', 'jargon'];

const analysers = new WeakMap<EngineSettings, Map<AnalyseMode, Analyser>>();
/** Checks answered so far: a warm-up stops once real work has come (it warms the engine as well, and must not wait behind it). */
let answered = 0;

/** The analyser options for a mode: reading and explaining look for words, not style. */
export function optionsFor(settings: EngineSettings, mode: AnalyseMode): AnalyseOptions {
  const base: AnalyseOptions = {
    audience: settings.audience,
    ignore: settings.ignore,
    packs: settings.packs,
    extraPacks: settings.extraPacks,
  };
  if (mode === 'write') return { ...base, categories: settings.categories };
  // A reader wants the words only: no readability counts.
  if (mode === 'read') return { ...base, categories: READ_CATEGORIES, readability: false };
  return { ...base, ignore: [], categories: READ_CATEGORIES, includeCommon: true, readability: false };
}

/** Where the engine's files come from: the built-in packs and the warm-up lines. */
export interface EngineFiles {
  pack: PackSource;
  warmUpLines(): Promise<string[]>;
}

/**
 * The local glossary whose own web sites include `host` (a council's site, its Local Offer's):
 * `www.kent.gov.uk` and `kent.gov.uk` both find Kent's. Undefined for any other site.
 */
export function localPackFor(host: string | undefined, packs: readonly PackInfo[] = PACK_INDEX): PackInfo | undefined {
  if (!host) return undefined;
  const bare = host.toLowerCase().replace(/^www\./, '');
  return packs.find((p) => p.hosts?.some((h) => h.replace(/^www\./, '') === bare));
}

const forSite = new WeakMap<EngineSettings, Map<string, EngineSettings>>();

/** The built-in packs a check needs loaded: those that are on, and a council's own on its site. */
export function packsNeeded(settings: EngineSettings, host?: string): string[] {
  const on = settings.packs ?? DEFAULT_PACKS;
  const local = localPackFor(host);
  return local && !on.includes(local.id) ? [...on, local.id] : [...on];
}

/**
 * The settings for reading a page on `host`: on a council's own site its local glossary is on,
 * named on the card as on for this site. The same object each time, so analysers are kept.
 * That glossary must be loaded already (`packsNeeded`).
 */
export function settingsForSite(settings: EngineSettings, host: string | undefined): EngineSettings {
  const info = localPackFor(host);
  if (!info || settings.packs?.includes(info.id) || settings.extraPacks?.some((p) => p.id === info.id)) return settings;
  const local = loadedPacks().find((p) => p.id === info.id);
  if (!local) throw new Error(`The pack "${info.id}" is not loaded yet.`);
  let bySite = forSite.get(settings);
  if (!bySite) forSite.set(settings, (bySite = new Map()));
  let site = bySite.get(local.id);
  if (!site) {
    // Built-in packs first, then this one, then the school's and the user's: theirs still win.
    const named: Pack = { ...local, name: `${local.name} (on for this website)` };
    site = { ...settings, extraPacks: [named, ...(settings.extraPacks ?? [])] };
    bySite.set(local.id, site);
  }
  return site;
}

function analyserFor(settings: EngineSettings, mode: AnalyseMode): Analyser {
  let byMode = analysers.get(settings);
  if (!byMode) analysers.set(settings, (byMode = new Map()));
  let analyser = byMode.get(mode);
  if (!analyser) byMode.set(mode, (analyser = createAnalyser(optionsFor(settings, mode))));
  return analyser;
}

/**
 * Builds the analyser for a mode and runs it over a little SEND writing, so that the first page
 * it reads meets compiled code and regular expressions: from cold, the engine takes twice as
 * long over a page. In small pieces, a task each, so that the worker still answers the browser
 * in between (a parent's command may be what woke it). About 30 ms in all, each time the worker
 * starts; it stops early once a real check has come (the page's own text warms the engine then).
 */
export async function warmUp(settings: EngineSettings, mode: AnalyseMode, files: EngineFiles): Promise<void> {
  const before = answered;
  const [lines] = await Promise.all([files.warmUpLines(), loadPacks(packsNeeded(settings), files.pack)]);
  const analyser = analyserFor(settings, mode);
  for (let i = 0; i < lines.length && answered === before; i += 10) {
    await new Promise((ok) => setTimeout(ok, 0));
    if (answered === before) analyser.analyse(lines.slice(i, i + 10).join('\n'));
  }
}

export function toWire(f: Finding): WireFinding {
  return {
    category: f.category,
    rule: f.rule,
    start: f.start,
    end: f.end,
    text: f.text,
    message: f.message,
    term: f.term,
    expansion: f.expansion,
    definition: f.definition,
    replacements: f.replacements,
    explained: f.explained,
    entryId: f.entryId,
    packName: f.source?.packName,
  };
}

/**
 * Answers a check from a page on `host`: loads the packs it needs (once each), and reading a
 * council's own site turns its local glossary on.
 */
export async function answerRequest(
  request: AnalyseRequest,
  settings: EngineSettings,
  host: string | undefined,
  files: Pick<EngineFiles, 'pack'>,
): Promise<AnalyseResponse> {
  const site = request.mode === 'write' ? undefined : host;
  try {
    await loadPacks(packsNeeded(settings, site), files.pack);
  } catch (e) {
    return { ok: false, error: `the glossary could not be loaded: ${e instanceof Error ? e.message : String(e)}` };
  }
  return analyseRequest(request, site === undefined ? settings : settingsForSite(settings, site));
}

/** Answers a check with the packs loaded already (see `answerRequest`). */
export function analyseRequest(request: AnalyseRequest, settings: EngineSettings): AnalyseResponse {
  try {
    if (!isAudience(settings.audience)) return { ok: false, error: `unknown audience ${String(settings.audience)}` };
    if (request.text.length > MAX_TEXT) return { ok: false, error: 'text too long to check' };
    answered++;
    const t0 = performance.now();
    const analysis = analyserFor(settings, request.mode).analyse(request.text);
    const engineMs = performance.now() - t0;
    const r = analysis.readability;
    const packed = pack(analysis.findings.map(toWire));
    return {
      ok: true,
      engineMs,
      answerMs: performance.now() - t0,
      ...packed,
      readability: {
        readingAge: r.readingAge,
        maxReadingAge: analysis.audience.maxReadingAge,
        audienceLabel: analysis.audience.label,
        withinAudience: analysis.withinAudience,
        words: r.words,
      },
    };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
