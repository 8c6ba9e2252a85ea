/**
 * The typed messages between the content script (reads text, paints) and the background
 * worker (runs the engine). One request, one response; no other traffic, and none leaves the
 * browser.
 */
import { AUDIENCES } from '../../engine/audiences.js';
import type { AudienceId, Finding } from '../../engine/types.js';

export const ANALYSE = 'plain-send:analyse';
export const ENABLE_SITE = 'plain-send:enable-site';
/** From a content script: put the engine into my frame (see page-engine.ts). */
export const LOAD_ENGINE = 'plain-send:load-engine';
/** From the engine in a frame: a built-in pack's data, which the worker reads from the extension's files. */
export const LOAD_PACK = 'plain-send:load-pack';

export interface LoadPackRequest {
  type: typeof LOAD_PACK;
  id: string;
}

export type LoadPackResponse = { ok: true; pack: unknown } | { ok: false; error: string };
/** From a card: open the user's terms with this word filled in. */
export const ADD_TERM = 'plain-send:add-term';

export interface AddTermRequest {
  type: typeof ADD_TERM;
  term: string;
  kind: 'acronym' | 'jargon';
}

/**
 * What the text is checked for: `write`, a field someone is writing in (every rule, for the
 * chosen audience); `read`, a page someone is reading (glossary terms and unknown acronyms);
 * `explain`, words someone selected and asked about (common words too).
 */
export type AnalyseMode = 'write' | 'read' | 'explain';
export const ANALYSE_MODES: readonly AnalyseMode[] = ['write', 'read', 'explain'];

/** The settings (audience, packs, terms, ignored words) live in storage; the worker reads them itself. */
export interface AnalyseRequest {
  type: typeof ANALYSE;
  text: string;
  mode: AnalyseMode;
}

/** What a card and a painter need of a finding: the engine's `Finding`, trimmed for the wire. */
export type WireFinding = Pick<
  Finding,
  | 'category'
  | 'rule'
  | 'start'
  | 'end'
  | 'text'
  | 'message'
  | 'term'
  | 'expansion'
  | 'definition'
  | 'replacements'
  | 'explained'
  | 'entryId'
> & {
  /** The pack's display name, e.g. "England". */
  packName?: string;
};

export interface WireReadability {
  readingAge: number;
  maxReadingAge: number;
  audienceLabel: string;
  withinAudience: boolean;
  words: number;
}

/**
 * A finding on the wire: its span and an index into the response's details. A letter names the
 * same few terms again and again, so each distinct explanation travels once, and a span's text
 * not at all (the content script has the text it sent). Messages between the content script
 * and the worker are serialized, so size is time: this keeps a keystroke's round trip short.
 */
export interface WireSpan {
  category: Finding['category'];
  rule: string;
  start: number;
  end: number;
  explained?: boolean;
  /** Index into `details`. */
  detail: number;
}

export type WireDetail = Omit<WireFinding, 'category' | 'rule' | 'start' | 'end' | 'text' | 'explained'>;

export type AnalyseResponse =
  | {
      ok: true;
      spans: WireSpan[];
      details: WireDetail[];
      readability: WireReadability;
      /** ms spent in the engine */
      engineMs: number;
      /** ms of the whole answer where it was made: the engine, then the findings made ready to send. */
      answerMs?: number;
      /** Set by the content script: the frame's own engine answered, not the worker. */
      inFrame?: boolean;
    }
  | { ok: false; error: string };

export function pack(findings: readonly WireFinding[]): { spans: WireSpan[]; details: WireDetail[] } {
  const details: WireDetail[] = [];
  const index = new Map<string, number>();
  const spans = findings.map((f): WireSpan => {
    const { category, rule, start, end, text: _text, explained, ...detail } = f;
    const key = JSON.stringify(detail);
    let i = index.get(key);
    if (i === undefined) {
      i = details.length;
      details.push(detail);
      index.set(key, i);
    }
    const span: WireSpan = { category, rule, start, end, detail: i };
    if (explained !== undefined) span.explained = explained;
    return span;
  });
  return { spans, details };
}

/** Findings again, for the text that was sent (spans outside it are dropped). */
export function unpack(spans: readonly WireSpan[], details: readonly WireDetail[], text: string): WireFinding[] {
  const out: WireFinding[] = [];
  for (const s of spans) {
    const d = details[s.detail];
    if (!d || s.end > text.length || s.start < 0 || s.end <= s.start) continue;
    out.push({
      ...d,
      category: s.category,
      rule: s.rule,
      start: s.start,
      end: s.end,
      text: text.slice(s.start, s.end),
      explained: s.explained,
    });
  }
  return out;
}

export interface EnableSiteRequest {
  type: typeof ENABLE_SITE;
  /** An origin such as `https://school.example`. */
  origin: string;
  /** Tab to start checking in at once. */
  tabId?: number;
}

export function isAudience(v: unknown): v is AudienceId {
  return typeof v === 'string' && Object.hasOwn(AUDIENCES, v);
}

export function isAnalyseRequest(m: unknown): m is AnalyseRequest {
  const r = m as AnalyseRequest | null;
  return !!r && r.type === ANALYSE && typeof r.text === 'string' && ANALYSE_MODES.includes(r.mode);
}

export function isEnableSiteRequest(m: unknown): m is EnableSiteRequest {
  const r = m as EnableSiteRequest | null;
  return !!r && r.type === ENABLE_SITE && typeof r.origin === 'string';
}

export function isLoadEngineRequest(m: unknown): m is { type: typeof LOAD_ENGINE } {
  return (m as { type?: unknown } | null)?.type === LOAD_ENGINE;
}

export function isLoadPackRequest(m: unknown): m is LoadPackRequest {
  const r = m as Partial<LoadPackRequest> | null;
  return r?.type === LOAD_PACK && typeof r.id === 'string';
}

export function isAddTermRequest(m: unknown): m is AddTermRequest {
  const r = m as AddTermRequest | null;
  return (
    !!r &&
    r.type === ADD_TERM &&
    typeof r.term === 'string' &&
    r.term.length > 0 &&
    r.term.length <= 120 &&
    (r.kind === 'acronym' || r.kind === 'jargon')
  );
}

/** The options page, set to start adding `term`. */
export function addTermAddress(base: string, request: AddTermRequest): string {
  return `${base}#${new URLSearchParams({ add: request.term, kind: request.kind })}`;
}
