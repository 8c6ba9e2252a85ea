/**
 * Hostile and odd files: each gets a clear result and the right exit code, quickly, and the
 * other files in the run are still reported. Every fixture is built here (no binaries in git);
 * the zip bombs only say they are large, so nothing here ever unzips hundreds of megabytes.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeText } from '../../src/cli/extract.js';
import { MAX_HTML_DEPTH, htmlToText } from '../../src/cli/html.js';
import { run } from '../../src/cli/main.js';
import { lineColumn, toJson, visible, type FileResult } from '../../src/cli/format.js';
import { MAX_DOCX_ENTRIES, MAX_DOCX_XML_BYTES, checkDocxZip } from '../../src/cli/zip-limits.js';
import { createAnalyser } from '../../src/engine/index.js';
import { docx } from './docx.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/plain-send.mjs');
const work = mkdtempSync(join(tmpdir(), 'plain-send-hostile-'));

/** The command in this process (quick); `proc` runs the built bundle as a user would. */
async function cli(args: string[]) {
  let out = '';
  let err = '';
  const code = await run(args, {
    stdout: (s) => void (out += s),
    stderr: (s) => void (err += s),
    readStdin: async () => new Uint8Array(),
    colour: false,
  });
  return { code, out, err };
}

function proc(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

function file(name: string, content: string | Uint8Array): string {
  const path = join(work, name);
  writeFileSync(path, content);
  return path;
}

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
  file('ok.txt', 'The EHCP.');
}, 60_000);

/** The central directory entry of `name` in a zip (offset of its signature). */
function centralEntry(zip: Uint8Array, name: string): number {
  const view = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  for (let i = 0; i < zip.length - 46; i++) {
    if (view.getUint32(i, true) !== 0x02014b50) continue;
    const length = view.getUint16(i + 28, true);
    if (new TextDecoder().decode(zip.subarray(i + 46, i + 46 + length)) === name) return i;
  }
  throw new Error(`no entry ${name}`);
}

/** A copy of the zip whose central directory says `name` unzips to `size` bytes. */
function claimSize(zip: Uint8Array, name: string, size: number): Uint8Array {
  const copy = zip.slice();
  new DataView(copy.buffer).setUint32(centralEntry(copy, name) + 24, size, true);
  return copy;
}

describe('Word documents past the limits are refused before they are unzipped', () => {
  it('a document that says it unzips to 300 MB: a plain message naming the limit, and the other files checked', async () => {
    const bomb = claimSize(await docx([['Hello.']]), 'word/document.xml', 300 * 1024 * 1024);
    const r = proc(['check', file('bomb.docx', bomb), join(work, 'ok.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /bomb\.docx unzips to 300 MB of text parts; plain-send reads at most 16 MB\. Split the document/,
    );
    expect(r.out).toContain('ok.txt:1:5');
  });

  it('a part that unzips to more than the archive says is stopped at the size it says', async () => {
    // 4 MB of XML that squeezes to a few KB, recorded as 1,000 bytes: only 1,001 bytes are ever unzipped.
    const zip = await docx([['Dear parent, '.repeat(300_000)]]);
    const lying = claimSize(zip, 'word/document.xml', 1_000);
    expect(() => checkDocxZip(lying)).toThrow(/word\/document\.xml" unzips to more than the 1000 bytes it says/);
    const r = await cli(['check', file('lying.docx', lying), join(work, 'ok.txt')]);
    expect(r).toMatchObject({ code: 2, out: expect.stringContaining('ok.txt:1:5') });
    expect(r.err).toMatch(/lying\.docx is not a safe zip archive/);
  });

  it("a document part hidden under a picture's name is checked like any text part", async () => {
    const JSZip = (await import('jszip')).default;
    const z = await JSZip.loadAsync(await docx([['x']]));
    const xml = await z.file('word/document.xml')!.async('string');
    z.remove('word/document.xml');
    z.file(
      'word/media/pic.png',
      xml.replace('<w:t xml:space="preserve">x</w:t>', `<w:t>${'Dear parent, '.repeat(100_000)}</w:t>`),
    );
    const rels = await z.file('_rels/.rels')!.async('string');
    z.file('_rels/.rels', rels.replace('word/document.xml', 'word/media/pic.png'));
    const zip = await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(() => checkDocxZip(zip)).not.toThrow();
    expect(() => checkDocxZip(claimSize(zip, 'word/media/pic.png', 500))).toThrow(
      /"word\/media\/pic\.png" unzips to more than/,
    );
  });

  it('too many entries', async () => {
    const zip = await docx([['Hello.']]);
    const many = zip.slice();
    const view = new DataView(many.buffer);
    const end = many.length - 22; // jszip writes no comment
    expect(view.getUint32(end, true)).toBe(0x06054b50);
    view.setUint16(end + 10, MAX_DOCX_ENTRIES + 1, true);
    expect(() => checkDocxZip(many)).toThrow(
      new RegExp(`has ${MAX_DOCX_ENTRIES + 1} entries inside; .* reads at most ${MAX_DOCX_ENTRIES}\\.`),
    );
  });

  it('the text parts together count, not just one', async () => {
    const zip = await docx([['Hello.']]);
    const half = Math.ceil(MAX_DOCX_XML_BYTES / 2) + 1;
    const both = claimSize(claimSize(zip, 'word/document.xml', half), '[Content_Types].xml', half);
    expect(() => checkDocxZip(both)).toThrow(/of text parts; plain-send reads at most 16 MB/);
  });

  it('pictures count towards everything unzipped, not towards the text parts', async () => {
    const JSZip = (await import('jszip')).default;
    const z = await JSZip.loadAsync(await docx([['Hello.']]));
    z.file('word/media/photo.png', new Uint8Array(1_000));
    const zip = await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' });
    expect(() => checkDocxZip(claimSize(zip, 'word/media/photo.png', 100 * 1024 * 1024))).not.toThrow();
    expect(() => checkDocxZip(claimSize(zip, 'word/media/photo.png', 600 * 1024 * 1024))).toThrow(
      /unzips to 600 MB; plain-send reads at most 512 MB\. Make the pictures smaller/,
    );
  });

  it('entities and a DOCTYPE ("billion laughs") get a plain message, not the XML parser\'s', async () => {
    const zip = await docx([['x']]);
    const JSZip = (await import('jszip')).default;
    const z = await JSZip.loadAsync(zip);
    const lol = Array.from({ length: 9 }, (_, i) => `<!ENTITY lol${i + 1} "${`&lol${i};`.repeat(10)}">`).join('');
    z.file(
      'word/document.xml',
      `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol0 "lol">${lol}]><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>&lol9;</w:t></w:r></w:p></w:body></w:document>`,
    );
    const r = await cli([
      'check',
      file('laughs.docx', await z.generateAsync({ type: 'uint8array', compression: 'DEFLATE' })),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /laughs\.docx has a document type declaration in entry "word\/document\.xml".*Word never writes one/,
    );
  });

  it('a damaged or empty archive says so in plain words', async () => {
    const zip = await docx([['Hello.']]);
    expect(() => checkDocxZip(zip.subarray(0, zip.length - 30))).toThrow(/not a whole zip archive/);
    const broken = zip.slice();
    new DataView(broken.buffer).setUint32(centralEntry(broken, 'word/document.xml'), 0, true);
    expect(() => checkDocxZip(broken)).toThrow(/damaged zip archive/);
    // A real zip with no Word document in it.
    const JSZip = (await import('jszip')).default;
    const z = new JSZip();
    z.file('notes.txt', 'hello');
    const r = await cli(['check', file('notword.docx', await z.generateAsync({ type: 'uint8array' }))]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(
      /notword\.docx could not be read as a Word document: .*Open it in Word|no document text inside/,
    );
  });

  it('still reads an ordinary document (stored or deflated parts)', async () => {
    const zip = await docx([['The SENCo.']]);
    expect(() => checkDocxZip(zip)).not.toThrow();
    const r = await cli(['check', file('fine.docx', zip)]);
    expect(r).toMatchObject({ code: 1, out: expect.stringContaining('fine.docx:1:5') });
  });
});

describe('HTML nested without end', () => {
  it('100,000 nested elements are refused quickly, with the limit named', async () => {
    const deep = `${'<div>'.repeat(100_000)}The EHCP.${'</div>'.repeat(100_000)}`;
    const started = Date.now();
    const r = await cli(['check', file('deep.html', deep), join(work, 'ok.txt')]);
    const took = Date.now() - started;
    expect(r.code).toBe(2);
    expect(r.err).toContain(`deep.html has elements nested more than ${MAX_HTML_DEPTH} deep`);
    expect(r.out).toContain('ok.txt:1:5');
    // The file is 1.1 MB: refusing it takes a fraction of a second (generous for a busy machine).
    expect(took).toBeLessThan(10_000);
  });

  it('reads pages nested as deep as the limit', () => {
    const depth = MAX_HTML_DEPTH - 1;
    expect(htmlToText(`${'<span>'.repeat(depth)}The EHCP.${'</span>'.repeat(depth)}`)).toBe('The EHCP.');
  });
});

describe('text encodings', () => {
  const utf16 = (s: string, bigEndian: boolean) => {
    const out = new Uint8Array(2 + s.length * 2);
    out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      out[2 + i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
      out[2 + i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
    }
    return out;
  };

  it('reads UTF-16 with a byte-order mark, little- and big-endian', async () => {
    const r = await cli([
      'check',
      file('le.txt', utf16('Ask the SENCo.', false)),
      file('be.txt', utf16('Ask the SENCo.', true)),
    ]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('le.txt:1:9  acronym');
    expect(r.out).toContain('be.txt:1:9  acronym');
    expect(decodeText(utf16('£5 café', false)).text).toBe('£5 café');
  });

  it('refuses binary files and UTF-32 with exit 2 and a message; reads UTF-8 with or without a mark', async () => {
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48]);
    const junk = Uint8Array.from({ length: 4_000 }, (_, i) => 0x80 + ((i * 7) % 0x7f)); // no NUL, not UTF-8
    const r = await cli(['check', file('picture.txt', png), file('junk.txt', junk), join(work, 'ok.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/picture\.txt cannot be read as text: it has NUL bytes/);
    expect(r.err).toMatch(/junk\.txt cannot be read as text: it looks like a binary file/);
    expect(r.out).toContain('ok.txt:1:5');
    expect(() => decodeText(new Uint8Array([0xff, 0xfe, 0, 0, 0x41, 0, 0, 0]))).toThrow(/UTF-32/);
    expect(decodeText(new TextEncoder().encode('\ufeffHi')).text).toBe('Hi');
    // A few bad bytes in real text: read, with a note.
    expect(decodeText(new Uint8Array([0x48, 0xa3, 0x35, 0x20, 0x6f, 0x6b]))).toMatchObject({
      text: 'H\ufffd5 ok',
      warning: expect.stringMatching(/not valid UTF-8/),
    });
  });
});

describe('what reaches the terminal', () => {
  it('control characters from a document are shown escaped, never sent raw', () => {
    const long = `We \x1b]0;pwned\x07 will help your child every day ${'with reading and writing '.repeat(6)}and more.`;
    const r = proc(['check', file('title.txt', long)]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('\\x1b]0;pwned\\x07');
    expect(r.out).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/); // eslint-disable-line no-control-regex
  });

  it('control characters and long terms in a terms file are escaped and cut short in the message', async () => {
    const term = `\x1b[2J${'x'.repeat(10_000)}`;
    const terms = file(
      'evil.json',
      JSON.stringify({ pack: 'mine', name: 'Mine', entries: [{ term, kind: 'jargon' }] }),
    );
    const r = await cli(['check', '--terms', terms, join(work, 'ok.txt')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('\\x1b[2J');
    expect(r.err).not.toMatch(/[\x00-\x08\x0b-\x1f\x7f]/); // eslint-disable-line no-control-regex
    expect(r.err.length).toBeLessThan(600);
  });

  it('escapes the marks that reverse text direction and the C1 controls', () => {
    expect(visible('a\u202eb\u009bc\rd\ne')).toBe('a\\u202eb\\x9bc\\x0dd\\x0ae');
    expect(visible('a\nb', true)).toBe('a\nb');
  });
});

describe('line numbers', () => {
  it('count CR-only, CR LF and LF line ends as editors do', async () => {
    expect(lineColumn('a\rb\rc', 4)).toEqual({ line: 3, column: 1 });
    expect(lineColumn('a\r\nb', 3)).toEqual({ line: 2, column: 1 });
    const r = await cli(['check', file('mac.txt', 'Dear parent,\rThe SENCo will call.\r')]);
    expect(r.out).toContain('mac.txt:2:5  acronym');
  });
});

describe('options that are built-in object keys', () => {
  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    '--audience %s is an unknown audience',
    async (a) => {
      const r = await cli(['check', '--audience', a, join(work, 'ok.txt')]);
      expect(r.code).toBe(2);
      expect(r.err).toContain(`unknown audience "${a}". Choose one of: parent-carer`);
    },
  );

  it('an engine asked for such an audience says it is unknown', () => {
    expect(() => createAnalyser({ audience: 'toString' as never })).toThrow(/Unknown audience "toString"/);
  });
});

describe('--json streams one file at a time', () => {
  it('gives exactly what JSON.stringify gives for the whole document', () => {
    const analyser = createAnalyser({});
    const results: FileResult[] = [
      {
        path: 'a.txt',
        text: 'The SENCo will utilise the EHCP.',
        analysis: analyser.analyse('The SENCo will utilise the EHCP.'),
      },
      { path: 'b.txt', text: 'Fine.', analysis: analyser.analyse('Fine.'), warning: 'a note' },
    ];
    const json = toJson(results);
    const parsed = JSON.parse(json);
    expect(json).toBe(JSON.stringify(parsed, null, 2));
    expect(parsed.files.map((f: { path: string }) => f.path)).toEqual(['a.txt', 'b.txt']);
    expect(parsed.files[0].findings.length).toBeGreaterThan(1);
    expect(parsed.files[1]).toMatchObject({ warning: 'a note', findings: [] });
    expect(toJson([])).toBe(JSON.stringify({ files: [] }, null, 2));
  });

  it('a file that cannot be read leaves the others in a JSON document that parses; exit 2', () => {
    const r = proc(['check', '--json', join(work, 'ok.txt'), join(work, 'missing.txt'), join(work, 'ok.txt')]);
    expect(r.code).toBe(2);
    expect(JSON.parse(r.out).files).toHaveLength(2);
    expect(r.err).toContain('missing.txt cannot be read: no such file.');
  });

  it('waits for a slow reader before writing more (nothing piles up in memory)', async () => {
    const long = file('many.txt', 'The SENCo and the EHCP. '.repeat(5_000));
    let waiting = false;
    let overlapped = false;
    let written = '';
    const code = await run(['check', '--json', long, long], {
      stdout: (s) => {
        if (waiting) overlapped = true;
        written += s;
        waiting = true;
        return new Promise((resolve) =>
          setTimeout(() => {
            waiting = false;
            resolve();
          }, 1),
        );
      },
      stderr: () => {},
      readStdin: async () => new Uint8Array(),
      colour: false,
    });
    expect(code).toBe(1);
    expect(overlapped).toBe(false);
    expect(JSON.parse(written).files).toHaveLength(2);
  });
});
