import { startGlossaryPage } from '../../read/glossary-page.js';

void startGlossaryPage(document);
