/** Where the content script runs from install (webmail). Any other site: per site, from the popup. */
export const WEBMAIL_MATCHES = [
  'https://mail.google.com/*',
  'https://outlook.office.com/*',
  'https://outlook.office365.com/*',
  'https://outlook.live.com/*',
];

/** The content script's file in the built extension. */
export const CONTENT_SCRIPT_FILE = 'content-scripts/editor.js';
export const GRANTED_SCRIPT_ID = 'plain-send-granted-sites';

/** `https://school.example` → `https://school.example/*`; undefined for pages we cannot check. */
export function originPattern(url: string | undefined): string | undefined {
  if (!url) return undefined;
  try {
    const u = new URL(url);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    return `${u.protocol}//${u.hostname}/*`;
  } catch {
    return undefined;
  }
}

/** True when a URL is one the content script runs on from install. */
export function isWebmail(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const host = new URL(url).hostname;
    return WEBMAIL_MATCHES.some((m) => new URL(m.replace('/*', '/')).hostname === host);
  } catch {
    return false;
  }
}
