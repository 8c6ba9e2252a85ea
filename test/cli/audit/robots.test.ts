/** robots.txt as RFC 9309 reads it, and sitemaps as sitemaps.org writes them. */
import { describe, expect, it } from 'vitest';
import { sameSite } from '../../../src/cli/audit/fetch-limited.js';
import { parseRobots } from '../../../src/cli/audit/robots.js';
import { looksLikeSitemap, parseSitemap } from '../../../src/cli/audit/sitemap.js';

describe('parseRobots', () => {
  it('uses the group naming plain-send-audit over the * group, case-insensitively', () => {
    const robots = parseRobots('User-agent: *\nDisallow: /\n\nUser-agent: Plain-Send-Audit\nDisallow: /staff/\n');
    expect(robots.allowed('/send/')).toBe(true);
    expect(robots.allowed('/staff/list.html')).toBe(false);
  });

  it('falls back to the * group, and allows everything with no group or an empty Disallow', () => {
    expect(parseRobots('User-agent: *\nDisallow: /private\n').allowed('/private/x')).toBe(false);
    expect(parseRobots('User-agent: googlebot\nDisallow: /\n').allowed('/anything')).toBe(true);
    expect(parseRobots('User-agent: *\nDisallow:\n').allowed('/anything')).toBe(true);
    expect(parseRobots('').allowed('/')).toBe(true);
  });

  it('lets the longest match win, and Allow win a tie', () => {
    const robots = parseRobots('User-agent: *\nDisallow: /send/\nAllow: /send/report\nDisallow: /a\nAllow: /a\n');
    expect(robots.allowed('/send/policy')).toBe(false);
    expect(robots.allowed('/send/report.html')).toBe(true);
    expect(robots.allowed('/a/b')).toBe(true);
  });

  it('reads * and $ in patterns, and percent-encoding either way', () => {
    const robots = parseRobots('User-agent: *\nDisallow: /*.pdf$\nDisallow: /search?*q=\nDisallow: /caf%C3%A9\n');
    expect(robots.allowed('/docs/policy.pdf')).toBe(false);
    expect(robots.allowed('/docs/policy.pdf?v=2')).toBe(true);
    expect(robots.allowed('/search?lang=en&q=sen')).toBe(false);
    expect(robots.allowed('/caf%C3%A9/menu')).toBe(false);
    expect(parseRobots('User-agent: *\nDisallow: /café\n').allowed('/caf%C3%A9')).toBe(false);
  });

  it('groups consecutive user-agent lines, ignores comments, and reads Crawl-delay and Sitemap', () => {
    const robots = parseRobots(
      '# rules\nUser-agent: bot\nUser-agent: plain-send-audit # us\nCrawl-delay: 2\nDisallow: /x # no\nSitemap: https://s.example/map.xml\n',
    );
    expect(robots.allowed('/x')).toBe(false);
    expect(robots.crawlDelay).toBe(2);
    expect(robots.sitemaps).toEqual(['https://s.example/map.xml']);
  });

  it('always allows /robots.txt itself', () => {
    expect(parseRobots('User-agent: *\nDisallow: /\n').allowed('/robots.txt')).toBe(true);
  });
});

describe('parseSitemap', () => {
  it('reads the pages of a urlset, with XML entities and spaces', () => {
    const xml =
      '<?xml version="1.0"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc> https://s.example/a?x=1&amp;y=2 </loc></url><url><loc>https://s.example/b</loc></url></urlset>';
    expect(looksLikeSitemap(xml)).toBe(true);
    expect(parseSitemap(xml)).toEqual({
      kind: 'pages',
      locations: ['https://s.example/a?x=1&y=2', 'https://s.example/b'],
    });
  });

  it('knows a sitemap index, and that an HTML page is not a sitemap', () => {
    const xml = '<sitemapindex><sitemap><loc>https://s.example/pages.xml</loc></sitemap></sitemapindex>';
    expect(parseSitemap(xml)).toEqual({ kind: 'index', locations: ['https://s.example/pages.xml'] });
    expect(looksLikeSitemap('<!doctype html><title>Home</title>')).toBe(false);
  });
});

describe('sameSite', () => {
  it('is the same scheme, host and port, or the move from http:// to https:// on the usual ports', () => {
    const same = (a: string, b: string) => sameSite(new URL(a), new URL(b));
    expect(same('http://s.example/a', 'http://s.example/b')).toBe(true);
    expect(same('http://s.example/', 'https://s.example/')).toBe(true);
    expect(same('https://s.example/', 'http://s.example/')).toBe(false);
    expect(same('http://s.example/', 'http://www.s.example/')).toBe(false);
    expect(same('http://127.0.0.1:8080/', 'http://127.0.0.1:8081/')).toBe(false);
    expect(same('http://127.0.0.1:8080/', 'https://127.0.0.1:8443/')).toBe(false);
  });
});
