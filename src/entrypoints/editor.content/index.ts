/**
 * Plain SEND in the page: finds editable fields, marks words a parent may not know, explains
 * them and fixes them in one click. The work is in src/writing/; the engine runs in the
 * background worker. Runs in every frame (editors such as TinyMCE live in about:srcdoc
 * frames, which only `match_origin_as_fallback` / `match_about_blank` reach).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { startContent } from '../../writing/content.js';
import { WEBMAIL_MATCHES } from '../../browser/store/sites.js';

export default defineContentScript({
  matches: WEBMAIL_MATCHES,
  allFrames: true,
  matchAboutBlank: true,
  matchOriginAsFallback: true,
  runAt: 'document_idle',
  // No window.postMessage to the page when starting (pages with loose message listeners).
  noScriptStartedPostMessage: true,
  main: (ctx) => startContent(ctx),
});
