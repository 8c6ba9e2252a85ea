/**
 * The few things the cross-browser specs do in a browser, the same in Chromium (playwright-core)
 * and Firefox (puppeteer-core over WebDriver BiDi): open a page, run a function in it, type,
 * press keys, point and click, take a screenshot, open one of the extension's own pages, run a
 * function beside the extension's background, and record every request that tried to leave
 * 127.0.0.1 (each one refused).
 */

export type BrowserName = 'chromium' | 'firefox';
/** Keys by what they do; each driver sends its browser's chord (Undo is Ctrl+Z on Linux). */
export type Key = 'Enter' | 'Escape' | 'End' | 'Undo' | 'Alt+Shift+P' | 'Alt+Shift+N' | 'Ctrl+Home';

export interface TestPage {
  url(): string;
  /** Runs `fn(arg)` in the page's main frame. */
  evaluate<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Runs a script's source in the page's main frame, as the driver does (a page's CSP does not stop it). */
  addScript(source: string): Promise<void>;
  type(text: string): Promise<void>;
  press(key: Key): Promise<void>;
  moveTo(x: number, y: number): Promise<void>;
  clickAt(x: number, y: number): Promise<void>;
  screenshot(path: string): Promise<void>;
  /** Uncaught errors in the page (its scripts and ours). */
  problems: string[];
  close(): Promise<void>;
}

export interface Driver {
  name: BrowserName;
  /** Opens `url` in a new tab and waits for its load event. */
  open(url: string): Promise<TestPage>;
  /** Opens one of the extension's own pages (`options.html`, `sidepanel.html?tab=3`) in a new tab. */
  openExtensionPage(path: string): Promise<TestPage>;
  /**
   * Runs `fn(arg)` where the extension's background can be reached: `globalThis` there is the
   * background's (Chromium's service worker; Firefox's event page, through an extension page).
   */
  background<R, A = undefined>(fn: (arg: A) => R | Promise<R>, arg?: A): Promise<Awaited<R>>;
  /** Every request that tried to leave 127.0.0.1/localhost (all refused). */
  blocked: string[];
  close(): Promise<void>;
}

export interface LaunchOptions {
  /**
   * Web site names the browser sends to 127.0.0.1, so that a page the test serves opens under a
   * council's real name (Chromium: `--host-resolver-rules`; Firefox: its proxy passes them to
   * this machine). Every other name is still refused.
   */
  hosts?: readonly string[];
  /** Firefox only: a policies.json to start with (see drivers/firefox.ts). */
  policies?: string;
}

/**
 * May a test browser load this URL? Only this machine (and the names sent to it, `hosts`), and
 * the browser's and the extension's own schemes.
 */
export function isLocal(href: string, hosts: readonly string[] = []): boolean {
  const url = new URL(href);
  if (['data:', 'blob:', 'about:', 'chrome-extension:', 'moz-extension:', 'chrome:'].includes(url.protocol))
    return true;
  return (
    url.hostname === '127.0.0.1' ||
    url.hostname === 'localhost' ||
    url.hostname === '[::1]' ||
    hosts.includes(url.hostname)
  );
}
