/**
 * The polite crawl: only the site the user names (same scheme, host and port), pages under
 * the start address (or those its sitemap lists) and the Word and PDF documents they link to,
 * robots.txt honoured, one or two requests at a time with a pause after each, and limits on
 * pages and link depth. Links to other sites are counted, never requested.
 */
import { fetchLimited, type FetchLimits, type ProblemReason } from './fetch-limited.js';
import { ALLOW_ALL, DISALLOW_ALL, MAX_ROBOTS_BYTES, parseRobots, type Robots } from './robots.js';
import { looksLikeSitemap, parseSitemap } from './sitemap.js';
import { kindOfResponse, type DocumentKind } from './document.js';

export interface CrawlOptions {
  maxPages: number;
  maxDepth: number;
  /** Requests at a time: 1 or 2. */
  concurrency: number;
  /** Pause after each request, in milliseconds (robots.txt may ask for longer). */
  delayMs: number;
  limits: FetchLimits;
}

export interface Fetchedpage {
  url: string;
  kind: DocumentKind;
  bytes: Uint8Array;
  contentType: string;
  depth: number;
}

export interface CrawlProblem {
  address: string;
  reason: ProblemReason | 'unreadable';
  message: string;
  /** The page that linked to it, if any. */
  from?: string;
}

export interface CrawlHandler {
  /** Reads one document; returns the absolute addresses it links to (a web page) or nothing. */
  document(page: Fetchedpage): Promise<string[]>;
  problem(problem: CrawlProblem): void;
  /** Something the user should know about the crawl itself (robots.txt, sitemap). */
  note(message: string): void;
  progress(done: number, total: number, label: string): void;
}

export interface CrawlStats {
  mode: 'site' | 'sitemap';
  requested: number;
  /** Addresses robots.txt asks robots not to read. */
  robotsExcluded: number;
  /** Distinct links to other sites, never requested. */
  external: number;
  /** Addresses found but not read because of the page limit. */
  overLimit: number;
  /** Links deeper than the depth limit, not read. */
  tooDeep: number;
  crawlDelaySeconds?: number;
}

/** File types never requested: they hold no text the audit reads. */
const NOT_DOCUMENTS =
  /\.(?:jpe?g|png|gif|webp|svg|ico|bmp|tiff?|mp[34]|m4a|wav|ogg|webm|mov|avi|zip|rar|7z|gz|exe|dmg|msi|doc|xls|xlsx|ppt|pptx|odt|ods|csv|ics|css|js|json|woff2?|ttf|eot)$/i;
const DOCUMENTS = /\.(?:pdf|docx)$/i;

interface Queued {
  url: string;
  depth: number;
  from?: string;
}

export async function crawl(start: URL, options: CrawlOptions, handler: CrawlHandler): Promise<CrawlStats> {
  let origin = start.origin;
  const stats: CrawlStats = { mode: 'site', requested: 0, robotsExcluded: 0, external: 0, overLimit: 0, tooDeep: 0 };
  const externals = new Set<string>();
  const seen = new Set<string>();
  const queue: Queued[] = [];
  let robots = await fetchRobots(origin, options, handler);
  let delay = options.delayMs;
  if (robots.crawlDelay !== undefined && robots.crawlDelay * 1000 > delay) {
    stats.crawlDelaySeconds = robots.crawlDelay;
    delay = robots.crawlDelay * 1000;
    handler.note(`robots.txt asks for ${robots.crawlDelay} seconds between requests; the audit waits that long.`);
  }
  const scope = folderOf(start.pathname);
  let followPages = true;

  const enqueue = (address: string, depth: number, from?: string, listed = false) => {
    let url: URL;
    try {
      url = new URL(address, from);
    } catch {
      return;
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return;
    url.hash = '';
    if (url.origin !== origin) {
      externals.add(url.href);
      return;
    }
    const href = url.href;
    if (seen.has(href)) return;
    const document = DOCUMENTS.test(url.pathname);
    if (!listed && !document && (!followPages || !url.pathname.startsWith(scope))) return;
    if (NOT_DOCUMENTS.test(url.pathname)) return;
    seen.add(href);
    if (!robots.allowed(url.pathname + url.search)) {
      stats.robotsExcluded++;
      return;
    }
    if (depth > options.maxDepth) {
      stats.tooDeep++;
      return;
    }
    queue.push({ url: href, depth, from });
  };

  if (!robots.allowed(start.pathname + start.search)) {
    stats.robotsExcluded++;
    handler.note('robots.txt asks robots not to read the start address, so the audit read nothing.');
    return stats;
  }
  // A sitemap as the start address: its pages are the list to read.
  const first = await fetchLimited(
    start.href,
    options.limits,
    (type, url) => isSitemapType(type, url) || !!kindOfResponse(type, url),
  );
  stats.requested++;
  if (first.ok && (isSitemapType(first.contentType, first.url) || looksLikeSitemap(decodeHead(first.bytes)))) {
    stats.mode = 'sitemap';
    followPages = false;
    for (const page of await sitemapPages(first.bytes, first.url, options, handler, stats))
      enqueue(page, 0, undefined, true);
    if (!queue.length) handler.note('the sitemap lists no pages on this site.');
  } else if (!first.ok) {
    handler.problem({ address: start.href, reason: first.reason, message: first.message });
  } else if (!kindOfResponse(first.contentType, first.url)) {
    handler.problem({
      address: start.href,
      reason: 'not-readable',
      message: `is not a web page, sitemap, Word document or PDF (its type is ${first.contentType.split(';')[0] || 'not given'}).`,
    });
  } else {
    const landed = new URL(first.url);
    if (landed.origin !== origin) {
      // The site moved the start to https://: the crawl, and its robots.txt, follow.
      origin = landed.origin;
      robots = await fetchRobots(origin, options, handler);
    }
    seen.add(start.href);
    seen.add(first.url);
    await handle(first.url, first.contentType, first.bytes, 0, undefined);
  }

  async function handle(url: string, contentType: string, bytes: Uint8Array, depth: number, from?: string) {
    const kind = kindOfResponse(contentType, url)!;
    let links: string[] = [];
    try {
      links = await handler.document({ url, kind, bytes, contentType, depth });
    } catch (error) {
      handler.problem({ address: url, reason: 'unreadable', message: (error as Error).message, from });
    }
    for (const link of links) enqueue(link, depth + 1, url);
  }

  let done = 1;
  let active = 0;
  let wake: (() => void) | undefined;
  const worker = async () => {
    for (;;) {
      const next = queue.shift();
      if (!next) {
        if (active === 0) return;
        // Another worker's page may still add links: wait for it.
        await new Promise<void>((resolve) => (wake = resolve));
        continue;
      }
      if (stats.requested >= options.maxPages) {
        stats.overLimit += queue.length + 1;
        queue.length = 0;
        wake?.();
        continue;
      }
      active++;
      stats.requested++;
      handler.progress(done, Math.min(options.maxPages, done + queue.length + 1), next.url);
      await pause(delay);
      const result = await fetchLimited(next.url, options.limits, (type, url) => !!kindOfResponse(type, url));
      if (result.ok) {
        // A redirect to a page already read brings nothing new.
        if (result.url === next.url || !seen.has(result.url)) {
          seen.add(result.url);
          await handle(result.url, result.contentType, result.bytes, next.depth, next.from);
        }
      } else handler.problem({ address: next.url, reason: result.reason, message: result.message, from: next.from });
      done++;
      active--;
      const w = wake;
      wake = undefined;
      w?.();
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(2, options.concurrency)) }, worker));
  stats.external = externals.size;
  return stats;

  function pause(ms: number) {
    return ms > 0 && stats.requested > 1 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();
  }
}

/** `/send/report.html` → `/send/`: the folder a crawl stays in. */
export function folderOf(pathname: string): string {
  return pathname.slice(0, pathname.lastIndexOf('/') + 1) || '/';
}

function isSitemapType(type: string, url: string): boolean {
  return (
    /\b(?:application|text)\/xml\b/.test(type) || (/\.xml$/i.test(new URL(url).pathname) && !type.includes('html'))
  );
}

const decodeHead = (bytes: Uint8Array) => new TextDecoder().decode(bytes.subarray(0, 4096));

async function fetchRobots(origin: string, options: CrawlOptions, handler: CrawlHandler): Promise<Robots> {
  const result = await fetchLimited(
    `${origin}/robots.txt`,
    { ...options.limits, maxBytes: MAX_ROBOTS_BYTES, truncate: true },
    () => true,
  );
  if (result.ok) return parseRobots(new TextDecoder().decode(result.bytes));
  // RFC 9309 2.3.1: no robots.txt (4xx) means no limits; a server error means read nothing.
  if (result.reason === 'status' && result.status !== undefined && result.status < 500) return ALLOW_ALL;
  handler.note(
    `robots.txt could not be read (${result.message.replace(/\.$/, '')}), so the audit reads nothing on this site, as the robots rules ask.`,
  );
  return DISALLOW_ALL;
}

/** Pages a sitemap lists, following a sitemap index one level (at most 20 sitemaps). */
async function sitemapPages(
  bytes: Uint8Array,
  url: string,
  options: CrawlOptions,
  handler: CrawlHandler,
  stats: CrawlStats,
): Promise<string[]> {
  const map = parseSitemap(new TextDecoder().decode(bytes));
  if (map.kind === 'pages') return map.locations;
  const pages: string[] = [];
  const origin = new URL(url).origin;
  for (const child of map.locations.slice(0, 20)) {
    let childUrl: URL;
    try {
      childUrl = new URL(child, url);
    } catch {
      continue;
    }
    if (childUrl.origin !== origin) continue;
    const result = await fetchLimited(childUrl.href, options.limits, () => true);
    stats.requested++;
    if (!result.ok) {
      handler.problem({ address: childUrl.href, reason: result.reason, message: result.message });
      continue;
    }
    const inner = parseSitemap(new TextDecoder().decode(result.bytes));
    if (inner.kind === 'pages') pages.push(...inner.locations);
  }
  return pages;
}
