/**
 * The browser extension (WXT). Manifest V3 for Chrome and Firefox alike.
 *
 *   npm run build:ext            # Chrome, .output/chrome-mv3
 *   npm run build:ext:firefox    # Firefox, .output/firefox-mv3
 *   npm run zip:ext              # both, zipped in .output/
 *
 * Permissions are the fewest that work: `storage` (settings, ignored words), `activeTab` (the
 * popup may read the address of the tab it was opened on; read mode starts in a tab when the
 * user asks), `scripting` (to start checking on a site the user turned on from the popup, to
 * load the engine into a frame where someone writes, and read mode), `contextMenus` (read
 * mode's menu items) and `sidePanel` (the list of words). The content script runs on the
 * webmail sites in src/browser/store/sites.ts from install (the same sites as `host_permissions`,
 * so no wider prompt); any other site needs the user to grant it, per site, from the popup
 * (`optional_host_permissions`). Nothing is ever fetched from outside: the extension pages' CSP
 * has `connect-src 'self'`, which lets the worker read its own packs/<id>.json and nothing else.
 *
 * PLAIN_SEND_EXT_OUT builds elsewhere (the end-to-end tests build into a temporary folder).
 */
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig } from 'wxt';
import { WEBMAIL_MATCHES } from './src/browser/store/sites.js';

export const GECKO_ID = 'plain-send@plain-send.org.uk';

const CSP = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  // 'self' only so that the worker may read the extension's own files (each built-in pack's data, packs/<id>.json).
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
].join('; ');

export default defineConfig({
  srcDir: 'src',
  outDir: process.env.PLAIN_SEND_EXT_OUT ? resolve(process.env.PLAIN_SEND_EXT_OUT) : '.output',
  manifestVersion: 3,
  imports: false,
  // Only the extension's own entrypoints; src/word has its own build.
  filterEntrypoints: ['background', 'editor', 'page-engine', 'popup', 'options', 'read-mode', 'sidepanel', 'glossary'],
  zip: { zipSources: false },
  // The extension's static files: managed_schema.json (the school policy's keys) here, and the
  // icons from src/public (which also holds the Word add-in's files).
  publicDir: 'src/browser/public',
  hooks: {
    'build:publicAssets': (_wxt, files) => {
      for (const size of [16, 32, 64])
        files.push({
          absoluteSrc: resolve(`src/public/icons/icon-${size}.png`),
          relativeDest: `icons/icon-${size}.png`,
        });
      // Each built-in pack's data, read by the worker only when the pack is on (src/browser/messages/extension-files.ts).
      for (const name of readdirSync(resolve('src/generated/packs')))
        files.push({ absoluteSrc: resolve(`src/generated/packs/${name}`), relativeDest: `packs/${name}` });
      files.push({ absoluteSrc: resolve('src/generated/warm-up.json'), relativeDest: 'warm-up.json' });
    },
    // What a school's IT may set, for Chrome and Edge (policies are checked against it; an invalid
    // schema stops the extension loading). Firefox reads policies.json instead and has no such key.
    'build:manifestGenerated': (wxt, manifest) => {
      if (wxt.config.browser !== 'firefox')
        (manifest as { storage?: unknown }).storage = { managed_schema: 'managed_schema.json' };
    },
  },
  manifest: {
    name: 'Plain SEND',
    description:
      'Plain English for SEND letters: shows the words a parent may not know, what they mean, and how easy your message is to read. Works offline; sends nothing.',
    // contextMenus: "Explain words on this page" and "Explain this". (WXT adds sidePanel for the side panel.)
    permissions: ['storage', 'activeTab', 'scripting', 'contextMenus'],
    // The webmail sites the content script runs on already (same install prompt): the worker may load the engine into their frames.
    host_permissions: WEBMAIL_MATCHES,
    commands: {
      'read-mode': { suggested_key: { default: 'Alt+Shift+R' }, description: 'Explain words on this page (on or off)' },
    },
    optional_host_permissions: ['<all_urls>'],
    content_security_policy: { extension_pages: CSP },
    icons: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png', 64: 'icons/icon-64.png' },
    action: { default_title: 'Plain SEND', default_icon: { 16: 'icons/icon-16.png', 32: 'icons/icon-32.png' } },
    browser_specific_settings: {
      gecko: { id: GECKO_ID, strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
    },
  },
});
