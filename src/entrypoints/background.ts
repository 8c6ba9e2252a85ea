/**
 * The background worker: the engine for checks and read mode, the site permissions, and read
 * mode's shortcut, menu and requests. The work is in src/background/.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { setupReadMode } from '../background/read-mode.js';
import { setupWorker } from '../background/worker.js';
import { logged } from '../browser/debug.js';
import { warmUp } from '../browser/messages/engine-service.js';
import { extensionFiles } from '../browser/messages/extension-files.js';
import { engineSettings, watchEngineSettings } from '../browser/messages/engine-settings.js';

export default defineBackground(() => {
  watchEngineSettings();
  // Start reading the settings (and the browser's slow first answer about a school policy) now,
  // not at the first check; then ready read mode's engine, which a parent may ask for any time.
  void engineSettings()
    .then((settings) => warmUp(settings, 'read', extensionFiles), logged('reading the settings at start'))
    .catch(logged('loading the glossary at start'));
  setupReadMode();
  setupWorker();
});
