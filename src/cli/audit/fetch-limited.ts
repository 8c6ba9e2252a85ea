/**
 * One polite request with limits: a timeout for the whole exchange, a size cap read as the
 * bytes stream in (a 10 MB page is stopped at the cap, never held whole), and redirects
 * followed by hand, only on the same site and at most a few times, so a loop ends.
 */
import { USER_AGENT } from './robots.js';

export interface FetchLimits {
  timeoutMs: number;
  maxBytes: number;
  maxRedirects: number;
  /** Keep the first `maxBytes` of a longer body instead of refusing it (robots.txt). */
  truncate?: boolean;
}

export type ProblemReason =
  'status' | 'timeout' | 'not-readable' | 'too-large' | 'redirect-loop' | 'redirect-elsewhere' | 'network';

export type Fetched =
  | { ok: true; url: string; status: number; contentType: string; bytes: Uint8Array }
  | { ok: false; url: string; reason: ProblemReason; message: string; status?: number };

/**
 * `wanted` sees the content type and final address before the body is read: returning false
 * stops there (the body of a picture or a video is never downloaded).
 */
export async function fetchLimited(
  address: string,
  limits: FetchLimits,
  wanted: (contentType: string, url: string) => boolean = () => true,
): Promise<Fetched> {
  const signal = AbortSignal.timeout(limits.timeoutMs);
  const seen = new Set<string>();
  let url = address;
  try {
    for (let hop = 0; ; hop++) {
      seen.add(url);
      const response = await fetch(url, {
        redirect: 'manual',
        signal,
        headers: { 'user-agent': USER_AGENT, accept: 'text/html,application/xhtml+xml,application/pdf,*/*;q=0.5' },
      });
      if (response.status >= 300 && response.status < 400 && response.headers.has('location')) {
        await response.body?.cancel();
        const next = new URL(response.headers.get('location')!, url);
        next.hash = '';
        if (!sameSite(new URL(address), next))
          return {
            ok: false,
            url,
            reason: 'redirect-elsewhere',
            status: response.status,
            message: `redirects to another site (${next.origin}), which the audit does not read.`,
          };
        if (seen.has(next.href))
          return { ok: false, url, reason: 'redirect-loop', message: 'redirects in a loop back to itself.' };
        if (hop >= limits.maxRedirects)
          return {
            ok: false,
            url,
            reason: 'redirect-loop',
            message: `redirects more than ${limits.maxRedirects} times, so the audit stopped following it.`,
          };
        url = next.href;
        continue;
      }
      if (!response.ok) {
        await response.body?.cancel();
        return {
          ok: false,
          url,
          reason: 'status',
          status: response.status,
          message: `could not be read: the server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''}${statusHint(response.status)}.`,
        };
      }
      const contentType = (response.headers.get('content-type') ?? '').toLowerCase();
      if (!wanted(contentType, url)) {
        await response.body?.cancel();
        return {
          ok: false,
          url,
          reason: 'not-readable',
          status: response.status,
          message: `is not a web page, Word document or PDF (its type is ${contentType.split(';')[0] || 'not given'}).`,
        };
      }
      const declared = Number(response.headers.get('content-length'));
      if (Number.isFinite(declared) && declared > limits.maxBytes && !limits.truncate) {
        await response.body?.cancel();
        return tooLarge(url, limits, declared);
      }
      const bytes = await readCapped(response, limits.maxBytes, limits.truncate);
      if (!bytes) return tooLarge(url, limits);
      return { ok: true, url, status: response.status, contentType, bytes };
    }
  } catch (error) {
    if (signal.aborted)
      return {
        ok: false,
        url,
        reason: 'timeout',
        message: `took longer than ${seconds(limits.timeoutMs)} to arrive, so the audit moved on.`,
      };
    return { ok: false, url, reason: 'network', message: `could not be reached (${networkCause(error)}).` };
  }
}

/**
 * The same site: the same scheme, host and port, or the one move sites make on their own,
 * from http:// to https:// on the same host with the usual ports.
 */
export function sameSite(from: URL, to: URL): boolean {
  if (from.origin === to.origin) return true;
  return (
    from.hostname === to.hostname &&
    from.protocol === 'http:' &&
    to.protocol === 'https:' &&
    from.port === '' &&
    to.port === ''
  );
}

/** The body, or undefined as soon as it passes `max` bytes (the rest is never downloaded). */
async function readCapped(response: Response, max: number, truncate = false): Promise<Uint8Array | undefined> {
  if (!response.body) return new Uint8Array();
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.length;
    if (size > max) {
      await reader.cancel();
      if (!truncate) return undefined;
      chunks.push(value.subarray(0, value.length - (size - max)));
      size = max;
      break;
    }
    chunks.push(value);
  }
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function tooLarge(url: string, limits: FetchLimits, declared?: number): Fetched {
  const size = declared ? ` (${mb(declared)})` : '';
  return {
    ok: false,
    url,
    reason: 'too-large',
    message: `is larger than the ${mb(limits.maxBytes)} limit${size}, so the audit stopped reading it; raise --max-size to read it.`,
  };
}

const mb = (n: number) => `${Number((n / 1048576).toFixed(1))} MB`;
const seconds = (ms: number) => {
  const n = Number((ms / 1000).toFixed(1));
  return `${n} ${n === 1 ? 'second' : 'seconds'}`;
};

function statusHint(status: number): string {
  if (status === 404 || status === 410) return ', so the page is not there (a broken link)';
  if (status === 401 || status === 403) return ', so the page is private';
  if (status === 429) return ', so the site asks for fewer requests; try a longer --delay';
  if (status >= 500) return ', a problem on the website';
  return '';
}

function networkCause(error: unknown): string {
  const cause = (error as { cause?: { code?: string; message?: string } })?.cause;
  const code = cause?.code ?? (error as NodeJS.ErrnoException)?.code;
  if (code === 'ENOTFOUND') return 'no such address';
  if (code === 'ECONNREFUSED') return 'the server refused the connection';
  if (code === 'ECONNRESET' || code === 'UND_ERR_SOCKET') return 'the connection was cut off';
  if (code && /CERT|TLS|SSL/.test(code)) return 'its security certificate could not be checked';
  return String(cause?.message ?? (error as Error)?.message ?? error).slice(0, 120);
}
