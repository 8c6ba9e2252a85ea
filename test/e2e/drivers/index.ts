/** Builds the extension for a browser and starts that browser with it: what a cross-browser spec needs first. */
import { cpSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildExtension, buildFirefoxExtension } from '../extension-helpers.js';
import { launchChromium } from './chromium.js';
import type { BrowserName, Driver, LaunchOptions } from './driver.js';
import { launchFirefox } from './firefox.js';

export type { BrowserName, Driver, Key, LaunchOptions, TestPage } from './driver.js';
export const BROWSERS: readonly BrowserName[] = ['chromium', 'firefox'];

export interface BuiltFor {
  /** The test copy: the build, with its content script also on http://127.0.0.1/* (the only change). */
  dir: string;
  tmp: string;
}

/** The extension as that browser's build makes it (WXT; `-b firefox` for Firefox), then its test copy. */
export function buildFor(name: BrowserName): BuiltFor {
  if (name === 'chromium') {
    const chrome = buildExtension();
    return { dir: chrome.testCopy, tmp: chrome.tmp };
  }
  const tmp = mkdtempSync(join(tmpdir(), 'plain-send-ext-'));
  const out = buildFirefoxExtension(join(tmp, 'firefox'));
  const dir = join(tmp, 'firefox-test');
  cpSync(out, dir, { recursive: true });
  const path = join(dir, 'manifest.json');
  const manifest = JSON.parse(readFileSync(path, 'utf8'));
  manifest.content_scripts[0].matches.push('http://127.0.0.1/*');
  manifest.host_permissions.push('http://127.0.0.1/*');
  writeFileSync(path, JSON.stringify(manifest, null, 2));
  return { dir, tmp };
}

export function launch(name: BrowserName, dir: string, options: LaunchOptions = {}): Promise<Driver> {
  return name === 'chromium' ? launchChromium(dir, options) : launchFirefox(dir, options);
}

/** Polls `read` until `ok` says yes; returns the last value read (the caller asserts on it, so a failure shows it). */
export async function until<T>(read: () => Promise<T>, ok: (v: T) => boolean, timeout = 8_000): Promise<T> {
  const deadline = Date.now() + timeout;
  let value = await read();
  while (!ok(value) && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    value = await read();
  }
  return value;
}
