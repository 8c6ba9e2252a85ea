import { startOptions } from '../../settings/options/options-page.js';

void startOptions(document);
