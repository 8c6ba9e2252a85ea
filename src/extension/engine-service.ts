/**
 * The background side: runs the engine for the content scripts of every tab. One analyser per
 * (audience, ignore list), each with its own paragraph cache, so a keystroke re-reads one
 * paragraph only.
 */
import { createAnalyser, type Analyser } from '../engine/index.js';
import type { Finding } from '../engine/types.js';
import { isAudience, pack, type AnalyseRequest, type AnalyseResponse, type WireFinding } from './protocol.js';

const analysers = new Map<string, Analyser>();
const MAX_TEXT = 500_000;

function analyserFor(request: AnalyseRequest): Analyser {
  const ignore = [...request.ignore].map(String).sort();
  const key = `${request.audience}\n${ignore.join('\n')}`;
  let analyser = analysers.get(key);
  if (!analyser) {
    if (analysers.size >= 8) analysers.clear();
    analyser = createAnalyser({ audience: request.audience, ignore });
    analysers.set(key, analyser);
  }
  return analyser;
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

export function analyseRequest(request: AnalyseRequest): AnalyseResponse {
  try {
    if (!isAudience(request.audience)) return { ok: false, error: `unknown audience ${String(request.audience)}` };
    if (request.text.length > MAX_TEXT) return { ok: false, error: 'text too long to check' };
    const t0 = performance.now();
    const analysis = analyserFor(request).analyse(request.text);
    const engineMs = performance.now() - t0;
    const r = analysis.readability;
    return {
      ok: true,
      engineMs,
      ...pack(analysis.findings.map(toWire)),
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
