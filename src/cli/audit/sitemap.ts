/**
 * Sitemaps (sitemaps.org): a `<urlset>` lists pages, a `<sitemapindex>` lists more sitemaps.
 * Only the `<loc>` values are needed, so a light scan reads them (no entities beyond the five
 * XML ones, which a sitemap must use for & and <).
 */

export interface Sitemap {
  kind: 'pages' | 'index';
  locations: string[];
}

/** A sitemap holds at most 50,000 addresses (sitemaps.org); more are not read. */
export const MAX_SITEMAP_URLS = 50_000;

export function looksLikeSitemap(text: string): boolean {
  return /<(?:[\w-]+:)?(?:urlset|sitemapindex)\b/.test(text.slice(0, 4096));
}

export function parseSitemap(xml: string): Sitemap {
  const kind = /<(?:[\w-]+:)?sitemapindex\b/.test(xml.slice(0, 4096)) ? 'index' : 'pages';
  const locations: string[] = [];
  for (const [, raw] of xml.matchAll(/<(?:[\w-]+:)?loc>([^<]*)<\/(?:[\w-]+:)?loc>/g)) {
    if (locations.length >= MAX_SITEMAP_URLS) break;
    const loc = raw
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&apos;/g, "'")
      .replace(/&amp;/g, '&')
      .trim();
    if (loc) locations.push(loc);
  }
  return { kind, locations };
}
