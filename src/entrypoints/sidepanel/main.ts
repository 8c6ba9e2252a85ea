import { startSidePanel } from '../../read/sidepanel.js';

void startSidePanel(document);
