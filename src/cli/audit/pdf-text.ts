/**
 * Text from a PDF with Mozilla's pdf.js, loaded only when the audit meets a PDF (it is large,
 * and most runs never need it). One line per line of the page; pictures are never drawn.
 */
import { ExtractError } from '../extract.js';

/** Pages read from one PDF: a policy is tens of pages; a 5,000-page file is not one. */
export const MAX_PDF_PAGES = 500;
/** Text taken from one PDF, in characters. */
export const MAX_PDF_CHARS = 5_000_000;

type PdfJs = typeof import('pdfjs-dist/legacy/build/pdf.mjs');
let loading: Promise<PdfJs> | undefined;

export async function pdfText(bytes: Uint8Array): Promise<{ text: string; warning?: string }> {
  if (!(bytes[0] === 0x25 && bytes[1] === 0x50 && bytes[2] === 0x44 && bytes[3] === 0x46))
    throw new ExtractError('is not a PDF (it does not start with %PDF).');
  loading ??= import('pdfjs-dist/legacy/build/pdf.mjs');
  const pdfjs = await loading;
  // pdf.js takes the buffer over (and refuses a Node Buffer), so it gets a plain copy.
  const task = pdfjs.getDocument({
    data: new Uint8Array(bytes),
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    stopAtErrors: false,
    verbosity: 0,
  });
  let doc;
  try {
    doc = await task.promise;
  } catch (error) {
    await task.destroy();
    const name = (error as Error)?.name;
    if (name === 'PasswordException')
      throw new ExtractError('is a PDF with a password, which the audit cannot open. Publish it without one.');
    throw new ExtractError(
      `could not be read as a PDF (${String((error as Error)?.message ?? error).slice(0, 120)}). Save it again from the program that made it.`,
    );
  }
  try {
    const lines: string[] = [];
    let size = 0;
    let warning: string | undefined;
    const pages = Math.min(doc.numPages, MAX_PDF_PAGES);
    if (doc.numPages > MAX_PDF_PAGES)
      warning = `only the first ${MAX_PDF_PAGES} of its ${doc.numPages} pages were read.`;
    for (let n = 1; n <= pages && size < MAX_PDF_CHARS; n++) {
      const page = await doc.getPage(n);
      const content = await page.getTextContent();
      let line = '';
      for (const item of content.items) {
        if (!('str' in item)) continue;
        line += item.str;
        if (item.hasEOL) {
          lines.push(line.trim());
          size += line.length;
          line = '';
        }
      }
      if (line.trim()) lines.push(line.trim());
      lines.push('');
      page.cleanup();
    }
    if (size >= MAX_PDF_CHARS)
      warning = `only its first ${MAX_PDF_CHARS.toLocaleString('en-GB')} characters were read.`;
    const text = lines
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim();
    if (!text)
      throw new ExtractError(
        'is a PDF with no text in it (it may be a scan, a picture of the page). Publish a version with real text, which screen readers need too.',
      );
    return { text, warning };
  } finally {
    await doc.destroy();
  }
}
