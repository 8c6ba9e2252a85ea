/**
 * Checks a .docx (a zip archive) before mammoth opens it: how many entries, how large they are
 * unzipped, and that the XML parts mammoth reads really are the size the archive says. A small
 * file can unzip to gigabytes (a "zip bomb"); mammoth would hold it all in memory and crash Node.
 * Reads the zip's central directory (PKWARE APPNOTE 4.3.12 to 4.3.16) and inflates XML parts with
 * an output cap, so nothing past the limits is ever unzipped.
 */
import { inflateRawSync } from 'node:zlib';

/** A Word document has tens of entries; thousands of pictures would still fit. */
export const MAX_DOCX_ENTRIES = 10_000;
/** The text parts (document, footnotes, styles, ...) unzipped, together. */
export const MAX_DOCX_XML_BYTES = 16 * 1024 * 1024;
/** Every entry unzipped, together (pictures are not unzipped to read the text). */
export const MAX_DOCX_UNZIPPED_BYTES = 512 * 1024 * 1024;

export class ZipProblem extends Error {}

interface Entry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  size: number;
  localOffset: number;
}

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;

const mb = (n: number) => `${Number((n / 1048576).toFixed(1))} MB`;

/** Throws ZipProblem, in plain words, when the archive is past a limit or is not what it says. */
export function checkDocxZip(bytes: Uint8Array): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = centralDirectory(bytes, view);
  if (entries.length > MAX_DOCX_ENTRIES)
    throw new ZipProblem(
      `has ${entries.length} entries inside; a Word document has far fewer, and plain-send reads at most ${MAX_DOCX_ENTRIES}. Open it in Word and save it again, or save it as .txt.`,
    );
  // The parts mammoth reads as XML: those named .xml or .rels, and whatever a relationship
  // points to as a document part (any name will do, so a name cannot hide one).
  const text = new Set(entries.filter((e) => isXmlPart(e.name)));
  checkTextSize(text);
  let total = 0;
  for (const e of entries) total += e.size;
  if (total > MAX_DOCX_UNZIPPED_BYTES)
    throw new ZipProblem(
      `unzips to ${mb(total)}; plain-send reads at most ${mb(MAX_DOCX_UNZIPPED_BYTES)}. Make the pictures smaller in Word, or save the document as .txt and check that.`,
    );
  const targets = new Set<string>();
  for (const e of text) if (/\.rels$/i.test(e.name)) partTargets(checkPart(bytes, view, e), targets);
  for (const e of entries) if (targets.has(e.name.toLowerCase())) text.add(e);
  checkTextSize(text);
  for (const e of text) if (!/\.rels$/i.test(e.name)) checkPart(bytes, view, e);
}

function isXmlPart(name: string): boolean {
  return /\.(?:xml|rels)$/i.test(name);
}

function checkTextSize(parts: Set<Entry>): void {
  let size = 0;
  for (const e of parts) size += e.size;
  if (size > MAX_DOCX_XML_BYTES)
    throw new ZipProblem(
      `unzips to ${mb(size)} of text parts; plain-send reads at most ${mb(MAX_DOCX_XML_BYTES)}. Split the document, or save it as .txt and check that.`,
    );
}

/** Relationship types whose targets mammoth does not read as XML when it takes out the text. */
const NOT_TEXT = /\/(?:image|hyperlink|video|audio|media|oleObject|package|font|attachedTemplate)$/i;

/** Adds the parts a relationships file points to (as names inside the zip, in lower case). */
function partTargets(rels: Uint8Array, into: Set<string>): void {
  const xml = new TextDecoder(rels[0] === 0xff && rels[1] === 0xfe ? 'utf-16le' : 'utf-8').decode(rels);
  for (const [tag] of xml.matchAll(/<Relationship\b[^>]*>/gi)) {
    if (/\bTargetMode\s*=\s*["']External["']/i.test(tag)) continue;
    const type = /\bType\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1] ?? '';
    const target = /\bTarget\s*=\s*["']([^"']*)["']/i.exec(tag)?.[1];
    if (!target || NOT_TEXT.test(type)) continue;
    // A target is relative to word/ or to the package root: both are added.
    const path = target
      .replace(/^\/+/, '')
      .replace(/^(?:\.\.\/)+/, '')
      .toLowerCase();
    into.add(path);
    into.add(`word/${path}`);
  }
}

function centralDirectory(bytes: Uint8Array, view: DataView): Entry[] {
  // The end record is the last 22 bytes, or earlier when the archive has a comment (at most 65,535 bytes).
  let end = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i--) {
    if (view.getUint32(i, true) === EOCD) {
      end = i;
      break;
    }
  }
  if (end < 0)
    throw new ZipProblem(
      'is not a whole zip archive (its end is missing): it may be cut short. Save it again in Word.',
    );
  const count = view.getUint16(end + 10, true);
  const size = view.getUint32(end + 12, true);
  const offset = view.getUint32(end + 16, true);
  if (count === 0xffff || size === 0xffffffff || offset === 0xffffffff)
    throw new ZipProblem(
      'is a very large zip archive (ZIP64), which plain-send does not read. Open it in Word and save it again, or save it as .txt.',
    );
  if (count > MAX_DOCX_ENTRIES)
    throw new ZipProblem(
      `has ${count} entries inside; a Word document has far fewer, and plain-send reads at most ${MAX_DOCX_ENTRIES}. Open it in Word and save it again, or save it as .txt.`,
    );
  if (offset + size > end) throw new ZipProblem(damaged);
  const entries: Entry[] = [];
  let at = offset;
  for (let n = 0; n < count; n++) {
    if (at + 46 > end || view.getUint32(at, true) !== CENTRAL) throw new ZipProblem(damaged);
    const nameLength = view.getUint16(at + 28, true);
    const entry: Entry = {
      flags: view.getUint16(at + 8, true),
      method: view.getUint16(at + 10, true),
      compressedSize: view.getUint32(at + 20, true),
      size: view.getUint32(at + 24, true),
      name: new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength)),
      localOffset: view.getUint32(at + 42, true),
    };
    if (entry.size === 0xffffffff || entry.compressedSize === 0xffffffff || entry.localOffset === 0xffffffff)
      throw new ZipProblem(
        'is a very large zip archive (ZIP64), which plain-send does not read. Open it in Word and save it again, or save it as .txt.',
      );
    entries.push(entry);
    at += 46 + nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
  }
  return entries;
}

const damaged = 'is a damaged zip archive (its list of contents is broken). Open it in Word and save it again.';

/** Unzips one XML part with its recorded size as a cap; refuses a part that is larger, or a DOCTYPE. */
function checkPart(bytes: Uint8Array, view: DataView, e: Entry): Uint8Array {
  const where = `entry "${e.name.slice(0, 80)}"`;
  if (e.flags & 1)
    throw new ZipProblem(
      `is password-protected (${where} is encrypted). Remove the password in Word, or save it as .txt.`,
    );
  const at = e.localOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL) throw new ZipProblem(damaged);
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const data = bytes.subarray(start, start + e.compressedSize);
  if (data.length < e.compressedSize)
    throw new ZipProblem(`is cut short (${where} is incomplete). Save it again in Word.`);
  let text: Uint8Array;
  if (e.method === 0) text = data;
  else if (e.method === 8) {
    try {
      // One byte over the recorded size is enough to know the record is false.
      text = inflateRawSync(data, { maxOutputLength: Math.max(1, e.size + 1) });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE')
        throw new ZipProblem(
          `is not a safe zip archive: ${where} unzips to more than the ${e.size} bytes it says (it may be built to fill the memory). Open it in Word and save it again.`,
        );
      throw new ZipProblem(
        `is a damaged zip archive (${where} cannot be unzipped). Open it in Word and save it again.`,
      );
    }
  } else
    throw new ZipProblem(
      `uses a kind of compression Word does not use (${where}, method ${e.method}). Open it in Word and save it again.`,
    );
  if (text.length > e.size)
    throw new ZipProblem(
      `is not a safe zip archive: ${where} unzips to more than the ${e.size} bytes it says. Open it in Word and save it again.`,
    );
  if (hasDoctype(text))
    throw new ZipProblem(
      `has a document type declaration in ${where} (<!DOCTYPE>, which can define entities that grow without end); Word never writes one. Open it in Word and save it again, or save it as .txt.`,
    );
  return text;
}

/** "<!DOCTYPE" or "<!ENTITY" in UTF-8 or UTF-16 (any case). */
function hasDoctype(b: Uint8Array): boolean {
  for (let i = b.indexOf(0x3c); i >= 0 && i < b.length; i = b.indexOf(0x3c, i + 1)) {
    const step = b[i + 1] === 0 ? 2 : 1;
    if (b[i + step] !== 0x21) continue;
    let word = '';
    for (let k = 2; k <= 7; k++) word += String.fromCharCode(b[i + k * step] ?? 0);
    if (/^(?:doctyp|entity)/i.test(word)) return true;
  }
  return false;
}
