/** The side panel's script, "Words on this page": src/read/sidepanel.ts. */
import { startSidePanel } from '../../read/sidepanel.js';

void startSidePanel(document);
