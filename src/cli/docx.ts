/** The .docx reader (mammoth, behind the zip checks), loaded only when a .docx file is read. */
import mammoth from 'mammoth';
import { ExtractError } from './problem.js';
import { checkDocxZip, ZipProblem } from './zip-limits.js';

/** The text of a Word document, one line per paragraph; throws ExtractError in plain words. */
export async function docxText(bytes: Uint8Array): Promise<string> {
  if (bytes[0] !== 0x50 || bytes[1] !== 0x4b)
    throw new ExtractError('is not a Word .docx file (a .docx file is a zip archive).');
  try {
    checkDocxZip(bytes);
  } catch (error) {
    if (error instanceof ZipProblem) throw new ExtractError(error.message);
    throw error;
  }
  try {
    const { value } = await mammoth.extractRawText({
      buffer: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length),
    });
    return value.replace(/\n\n/g, '\n');
  } catch (error) {
    throw new ExtractError(`could not be read as a Word document: ${plainDocxError(error)}`);
  }
}

/** mammoth's and its zip and XML readers' messages, in plain words (the first line only, shortened). */
function plainDocxError(error: unknown): string {
  const message = String((error as Error)?.message ?? error);
  if (/word\/document\.xml|Could not find (?:main|file)/i.test(message))
    return 'it has no document text inside (word/document.xml is missing). Check it is a Word document, not one renamed to .docx.';
  if (/entity|doctype/i.test(message))
    return 'its XML uses entities or a document type declaration, which Word never writes. Open it in Word and save it again.';
  if (/zip|central directory|signature|corrupt|crc|inflat|invalid (?:code|block|distance|stored)/i.test(message))
    return 'the zip archive is damaged. Open it in Word and save it again.';
  if (/xml|tag|attribute|parse/i.test(message))
    return 'its XML is damaged. Open it in Word and save it again, or save it as .txt.';
  return `${message.split('\n')[0].slice(0, 200)}. Open it in Word and save it again, or save it as .txt.`;
}
