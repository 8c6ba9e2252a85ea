/**
 * Read mode in a page: marks the SEND words on it and explains them. An unlisted script: the
 * background worker puts it in a tab when the user asks (src/background/read-mode.ts), or registers
 * it for the sites where the user wants read mode always on. The work is in src/read/.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startReadScript } from '../read/page-script.js';

export default defineUnlistedScript(() => {
  startReadScript();
});
