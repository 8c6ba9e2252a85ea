/** The help text and version: nothing here loads the engine or its packs. */
import { AUDIENCES } from '../engine/audiences.js';

declare const PLAIN_SEND_VERSION: string | undefined;
export const VERSION = typeof PLAIN_SEND_VERSION === 'string' ? PLAIN_SEND_VERSION : 'development';

export function helpText(packIds: readonly string[]): string {
  return `Usage: plain-send check [options] FILE-OR-FOLDER...
       plain-send audit [options] START   (a whole site, sitemap or folder: see plain-send audit --help)

Checks letters, policies and web pages for SEND jargon and acronyms a parent carer may not
know, officialese with plainer words, and sentences that are too long; then scores how easy
the text is to read. FILE may be .txt, .md, .html or .docx; "-" reads plain text from
standard input. A FOLDER is checked with every .txt, .md, .markdown, .html, .htm and .docx
file inside it and its subfolders (hidden ones and node_modules left out), in name order.
Nothing leaves your computer.

Options:
  --json               print one JSON document for all files
  --audience A         who will read it: ${Object.keys(AUDIENCES).join(', ')} (default parent-carer)
  --pack P             also use pack P (repeat for more); packs: ${packIds.join(', ')}
  --only-packs         use only the packs named with --pack
  --ignore TERM        never flag TERM (repeat for more)
  --terms FILE         your own terms, in the dictionary file format (YAML or JSON)
  --jobs N             check N files at a time, on N threads (default: one per processor
                       core when there are more than 50 files; 1 checks one at a time)
  -h, --help           show this help
  -v, --version        show the version

Exit codes:
  0  checked; nothing to change (acronyms the text explains do not count)
  1  checked; found terms, words or sentences to look at
  2  a problem with the options, a file or a folder (the other files are still checked)
`;
}
