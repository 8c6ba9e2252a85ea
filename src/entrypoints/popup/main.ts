import { startPopup } from '../../extension/popup.js';
import { startReadBlock } from '../../read/popup-block.js';

void startPopup(document);
void startReadBlock(document);
