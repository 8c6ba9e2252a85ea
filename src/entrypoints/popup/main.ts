import { startPopup } from '../../extension/popup.js';

void startPopup(document);
