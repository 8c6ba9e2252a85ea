/** The options page's script: the page is src/settings/options/. */
import { startOptions } from '../../settings/options/options-page.js';

void startOptions(document);
