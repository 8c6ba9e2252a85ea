/** The printable glossary page's script (glossary.html, opened from the side panel): src/read/glossary-page.ts. */
import { startGlossaryPage } from '../../read/glossary-page.js';

void startGlossaryPage(document);
