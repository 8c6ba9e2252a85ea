/** The site a frame belongs to (its top page's hostname), for the per-site on/off switch. */
export function siteHost(win: Window = window): string {
  try {
    if (win.top === win) return win.location.hostname;
  } catch {
    // Cross-origin top: fall through.
  }
  const ancestors = win.location.ancestorOrigins;
  if (ancestors?.length) {
    try {
      return new URL(ancestors[ancestors.length - 1]).hostname;
    } catch {
      // Not an address: fall through.
    }
  }
  try {
    return new URL(win.document.referrer).hostname || win.location.hostname;
  } catch {
    return win.location.hostname;
  }
}
