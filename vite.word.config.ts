/**
 * Builds the Word task pane to static files in dist/word/, ready to host over https:
 * index.html (the pane, which loads Office.js from Microsoft's CDN as Microsoft requires),
 * help.html, icons/ and manifest.xml with every https://localhost:3000 replaced by
 * PLAIN_SEND_WORD_URL when that is set. No file of the @microsoft/office-js npm package is
 * copied: that package is an old snapshot (the end-to-end tests use it as a stand-in for the CDN).
 *
 *   npm run build:word
 *   PLAIN_SEND_WORD_URL=https://apps.example.sch.uk/plain-send npm run build:word
 */
import { hostUrlFrom, paneConfig } from './vite.office.js';

/** The address the pane is hosted at, from PLAIN_SEND_WORD_URL (https only), without a trailing slash. */
export const hostUrl = (env: NodeJS.ProcessEnv = process.env): string => hostUrlFrom('PLAIN_SEND_WORD_URL', env);

export default paneConfig({
  addIn: 'word',
  pages: ['index', 'help'],
  outVariable: 'PLAIN_SEND_WORD_OUT',
  urlVariable: 'PLAIN_SEND_WORD_URL',
  manifest: 'manifest.xml',
});
