import { startOptions } from '../../extension/options/options-page.js';

void startOptions(document);
