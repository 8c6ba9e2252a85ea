/**
 * robots.txt, as RFC 9309 reads it: the group for our user agent (or `*`), the longest
 * matching rule wins, Allow wins a tie, `*` matches anything and `$` ends a pattern.
 * Crawl-delay is not in the RFC but many sites use it, so it is honoured too.
 */

export const USER_AGENT = 'plain-send-audit';

/** robots.txt past this size is read only this far (RFC 9309 asks crawlers to read at least 500 KiB). */
export const MAX_ROBOTS_BYTES = 512 * 1024;

interface Rule {
  allow: boolean;
  pattern: string;
  match: RegExp;
}

export interface Robots {
  /** May the path (with its query) be read? */
  allowed(pathAndQuery: string): boolean;
  /** Seconds to wait between requests, if the site asks. */
  crawlDelay?: number;
  /** Sitemaps the file names. */
  sitemaps: string[];
}

export const ALLOW_ALL: Robots = { allowed: () => true, sitemaps: [] };
export const DISALLOW_ALL: Robots = { allowed: () => false, sitemaps: [] };

export function parseRobots(text: string, agent = USER_AGENT): Robots {
  const ours = agent.toLowerCase();
  // Groups: the agents they name and their rules. Consecutive user-agent lines share a group.
  const groups: { agents: string[]; rules: Rule[]; delay?: number }[] = [];
  const sitemaps: string[] = [];
  let current: (typeof groups)[number] | undefined;
  let lastWasAgent = false;
  for (const raw of text.split(/\r\n|\r|\n/)) {
    const line = raw.replace(/#.*/, '').trim();
    const colon = line.indexOf(':');
    if (colon < 0) continue;
    const key = line.slice(0, colon).trim().toLowerCase();
    const value = line.slice(colon + 1).trim();
    if (key === 'user-agent') {
      if (!lastWasAgent || !current) {
        current = { agents: [], rules: [] };
        groups.push(current);
      }
      current.agents.push(value.toLowerCase());
      lastWasAgent = true;
      continue;
    }
    lastWasAgent = false;
    if (key === 'sitemap') {
      if (value) sitemaps.push(value);
    } else if (!current) continue;
    else if (key === 'allow' || key === 'disallow') {
      // An empty Disallow allows everything: it adds no rule.
      if (value) current.rules.push({ allow: key === 'allow', pattern: value, match: patternToRegExp(value) });
    } else if (key === 'crawl-delay') {
      const seconds = Number(value);
      if (Number.isFinite(seconds) && seconds >= 0) current.delay = seconds;
    }
  }
  // Our own group if one names us (the product token, case-insensitive), else the `*` group; several merge.
  let chosen = groups.filter((g) => g.agents.some((a) => a !== '*' && ours.startsWith(a)));
  if (!chosen.length) chosen = groups.filter((g) => g.agents.includes('*'));
  const rules = chosen.flatMap((g) => g.rules);
  const delays = chosen.map((g) => g.delay).filter((d): d is number => d !== undefined);
  return {
    allowed(pathAndQuery) {
      if (pathAndQuery === '/robots.txt') return true;
      let best: Rule | undefined;
      for (const rule of rules) {
        if (!rule.match.test(pathAndQuery)) continue;
        if (
          !best ||
          rule.pattern.length > best.pattern.length ||
          (rule.pattern.length === best.pattern.length && rule.allow)
        )
          best = rule;
      }
      return best ? best.allow : true;
    },
    crawlDelay: delays.length ? Math.max(...delays) : undefined,
    sitemaps,
  };
}

function patternToRegExp(pattern: string): RegExp {
  const anchored = pattern.endsWith('$');
  const body = (anchored ? pattern.slice(0, -1) : pattern)
    .split('*')
    .map((part) => encodePath(part).replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('.*');
  return new RegExp(`^${body}${anchored ? '$' : ''}`);
}

/** Patterns may be written with or without percent-encoding; paths arrive encoded (RFC 9309 2.2.2). */
function encodePath(part: string): string {
  try {
    return encodeURI(decodeURI(part));
  } catch {
    return part;
  }
}
