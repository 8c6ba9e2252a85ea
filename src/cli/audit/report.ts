/** Everything an audit found, as the HTML, JSON and CSV reports show it. */
import type { Audience } from '../../engine/index.js';
import type { ChecklistResult } from './checklist.js';
import type { PageSummary, SiteSentence, TermTally } from './summary.js';

export interface UnreadPage {
  address: string;
  /** status, timeout, not-readable, too-large, redirect-loop, redirect-elsewhere, network, unreadable. */
  reason: string;
  message: string;
  from?: string;
}

export interface AuditReport {
  /** The address or folder the user named. */
  source: string;
  mode: 'site' | 'sitemap' | 'folder';
  /** ISO date and time the audit started. */
  started: string;
  seconds: number;
  version: string;
  audience: Audience;
  /** The reading age the run was asked to hold pages to (--max-reading-age), if any. */
  maxReadingAge?: number;
  pages: PageSummary[];
  unread: UnreadPage[];
  skipped: {
    /** Addresses robots.txt asks robots not to read. */
    robots: number;
    /** Distinct links to other sites (never requested). */
    external: number;
    /** Found but not read because of the page limit. */
    overLimit: number;
    /** Found but deeper than the depth limit. */
    tooDeep: number;
  };
  notes: string[];
  terms: TermTally[];
  longest: SiteSentence[];
  /** Present when a page is a school's SEN Information Report, or when asked for. */
  checklist?: ChecklistResult[];
}

/** Pages over the limit the run was given, or the audience's own when none was given. */
export function limitOf(report: AuditReport): number {
  return report.maxReadingAge ?? report.audience.maxReadingAge;
}

export function pagesOver(report: AuditReport, limit = limitOf(report)): PageSummary[] {
  return report.pages.filter((p) => p.words > 0 && p.readingAge > limit);
}
