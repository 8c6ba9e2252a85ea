/** Website addresses as a school's IT may write them. No imports: the read-mode script uses it. */

/** `https://Portal.Example.sch.uk/path` or `portal.example.sch.uk` → `portal.example.sch.uk`. */
export function hostOf(site: string): string | undefined {
  const text = site.trim();
  if (!text) return undefined;
  try {
    const u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`);
    if (u.protocol !== 'https:' && u.protocol !== 'http:') return undefined;
    const host = u.hostname.toLowerCase();
    return /^[a-z0-9.-]+$/.test(host) && /[a-z0-9]/.test(host) && !host.startsWith('.') ? host : undefined;
  } catch {
    return undefined;
  }
}
