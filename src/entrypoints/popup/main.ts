/** The toolbar popup's script: writing help for this site (src/settings/popup.ts) and read mode (src/settings/popup-read.ts). */
import { startPopup } from '../../settings/popup.js';
import { startReadBlock } from '../../settings/popup-read.js';

void startPopup(document);
void startReadBlock(document);
