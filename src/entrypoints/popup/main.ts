import { startPopup } from '../../settings/popup.js';
import { startReadBlock } from '../../settings/popup-read.js';

void startPopup(document);
void startReadBlock(document);
