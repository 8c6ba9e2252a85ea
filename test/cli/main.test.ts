/** The command end to end: the built bundle run as a process, as a user would run it. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { lineColumn } from '../../src/cli/format.js';
import { docx } from './docx.js';

const root = new URL('../../', import.meta.url).pathname;
const bin = join(root, 'bin/plain-send.mjs');
const fixtures = join(root, 'test/fixtures/cli/');
const work = mkdtempSync(join(tmpdir(), 'plain-send-cli-'));

function cli(args: string[], input?: string) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    input,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
}, 60_000);

describe('plain-send check', () => {
  it('reports findings with line and column, and a readability summary; exit 1', () => {
    writeFileSync(join(work, 'letter.txt'), 'Dear parent,\nThe SENCo will utilise the EHCP.\n');
    const r = cli(['check', join(work, 'letter.txt')]);
    expect(r.code).toBe(1);
    expect(r.out).toContain('letter.txt:2:5  acronym');
    expect(r.out).toContain('letter.txt:2:16  plain-word');
    expect(r.out).toMatch(/Readability: 8 words, 2 sentences/);
    expect(r.out).toMatch(/Found: 2 acronyms, 1 plain-word suggestion\./);
  });

  it('exits 0 when there is nothing to change', () => {
    writeFileSync(join(work, 'plain.txt'), 'We will meet on Monday.\n');
    const r = cli(['check', join(work, 'plain.txt')]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/Easy enough for parent carers/);
  });

  it('prints one JSON document whose offsets slice the checked text', async () => {
    const html = join(fixtures, 'letter.html');
    writeFileSync(join(work, 'policy.docx'), await docx([['Your child has an E', 'HCP.'], ['Ask the SENCo.']]));
    const r = cli(['check', '--json', join(fixtures, 'letter.md'), html, join(work, 'policy.docx')]);
    expect(r.code).toBe(1);
    const doc = JSON.parse(r.out);
    expect(doc.files.map((f: { path: string }) => f.path)).toEqual([
      join(fixtures, 'letter.md'),
      html,
      join(work, 'policy.docx'),
    ]);
    for (const file of doc.files) {
      expect(Object.keys(file.readability)).toEqual(
        expect.arrayContaining(['words', 'sentences', 'fleschReadingEase', 'fleschKincaidGrade', 'readingAge']),
      );
      for (const f of file.findings) {
        expect(Object.keys(f)).toEqual(
          expect.arrayContaining([
            'category',
            'rule',
            'start',
            'end',
            'text',
            'term',
            'expansion',
            'definition',
            'suggestions',
            'explained',
            'message',
          ]),
        );
      }
    }
    const htmlTerms = doc.files[1].findings.map((f: { text: string }) => f.text);
    expect(htmlTerms).toEqual(['SENCo', 'graduated approach', 'SEN support', 'EP', 'SaLT', 'EHCP', 'LA']);
    expect(doc.files[2].findings.map((f: { text: string }) => f.text)).toEqual(['EHCP', 'SENCo']);
    // Markdown keeps its own offsets and joins wrapped lines into one sentence.
    const md = doc.files[0];
    const mdText = readFileSync(join(fixtures, 'letter.md'), 'utf8');
    expect(md.findings.find((f: { text: string }) => f.text.startsWith('provision'))).toMatchObject({
      text: 'provision\nmap',
      start: mdText.indexOf('provision\nmap'),
    });
    expect(md.readability.sentences).toBe(3);
  });

  it('reads standard input with "-"', () => {
    const r = cli(['check', '--json', '-'], 'Contact SENDIASS for advice.');
    expect(JSON.parse(r.out).files[0].findings[0]).toMatchObject({ text: 'SENDIASS', start: 8, end: 16 });
  });

  it("takes audience, packs, ignored terms and the user's own terms", () => {
    writeFileSync(join(work, 'devon.txt'), 'Our OAIP and the EHCP.\n');
    const terms = join(work, 'terms.yaml');
    writeFileSync(
      terms,
      'pack: my-school\nname: My school\nentries:\n  - term: Rainbow Room\n    kind: jargon\n    definition: Our quiet room.\n    source: Our school\n    examples: {flag: [Go to the Rainbow Room.]}\n',
    );
    writeFileSync(join(work, 'room.txt'), 'Go to the Rainbow Room.\n');
    const texts = (args: string[]) =>
      JSON.parse(cli(['check', '--json', ...args]).out).files[0].findings.map(
        (f: { text: string; rule: string }) => `${f.text}:${f.rule}`,
      );
    expect(texts([join(work, 'devon.txt')])).toEqual(['OAIP:unknown-acronym', 'EHCP:glossary-term']);
    expect(texts(['--pack', 'devon', join(work, 'devon.txt')])).toEqual(['OAIP:glossary-term', 'EHCP:glossary-term']);
    expect(texts(['--ignore', 'ehcp', join(work, 'devon.txt')])).toEqual(['OAIP:unknown-acronym']);
    expect(texts(['--terms', terms, join(work, 'room.txt')])).toEqual(['Rainbow Room:glossary-term']);
    // Your own terms need no source or examples (as in the extension and the Word add-in).
    const short = join(work, 'short.yaml');
    writeFileSync(
      short,
      'pack: mine\nname: Mine\nentries:\n  - term: Rainbow Room\n    kind: jargon\n    definition: Our quiet room.\n',
    );
    expect(texts(['--terms', short, join(work, 'room.txt')])).toEqual(['Rainbow Room:glossary-term']);
    const long = `${'We will help your child every day '.repeat(4).trim()}.`;
    writeFileSync(join(work, 'long.txt'), long);
    expect(texts([join(work, 'long.txt')])).toEqual([`${long}:long-sentence`]);
    expect(texts(['--audience', 'professional', join(work, 'long.txt')])).toEqual([]);
  });

  it('says clearly what is wrong, checks the other files, and exits 2', () => {
    writeFileSync(join(work, 'ok.txt'), 'The EHCP.');
    writeFileSync(join(work, 'broken.docx'), 'not a zip');
    const r = cli([
      'check',
      join(work, 'missing.txt'),
      join(work, 'broken.docx'),
      join(work, 'x.pdf'),
      join(work, 'ok.txt'),
    ]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('missing.txt cannot be read: no such file.');
    expect(r.err).toContain('broken.docx is not a Word .docx file');
    expect(r.err).toContain('x.pdf is not a file type plain-send reads');
    expect(r.out).toContain('ok.txt:1:5');
    expect(r.err).not.toMatch(/\n\s+at /); // no stack traces
  });

  it('rejects bad options in one line', () => {
    expect(cli(['check', '--audience', 'aliens', 'x.txt'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown audience "aliens"/),
    });
    expect(cli(['check', '--pack', 'atlantis', 'x.txt'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/unknown pack "atlantis"/),
    });
    expect(cli(['check'])).toMatchObject({ code: 2, err: expect.stringMatching(/name at least one file/) });
    expect(cli(['--nonsense'])).toMatchObject({ code: 2 });
    const broken = join(work, 'broken.yaml');
    writeFileSync(broken, 'pack: [oops');
    expect(cli(['check', '--terms', broken, 'x.txt'])).toMatchObject({
      code: 2,
      err: expect.stringMatching(/your terms file has problems/),
    });
  });

  it('has help and a version', () => {
    expect(cli(['--help'])).toMatchObject({ code: 0, out: expect.stringMatching(/Exit codes:/) });
    expect(cli(['--version']).out.trim()).toMatch(/^\d+\.\d+\.\d+$/);
    expect(cli(['check', '--help'])).toMatchObject({ code: 0, out: expect.stringMatching(/FILE-OR-FOLDER/) });
  });

  it('finds the command after options too, and names an unknown one', () => {
    writeFileSync(join(work, 'first.txt'), 'The EHCP.');
    const r = cli(['--json', '--audience', 'professional', 'check', join(work, 'first.txt')]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).files[0]).toMatchObject({ audience: 'professional' });
    expect(cli(['chekc', 'x.txt'])).toMatchObject({ code: 2, err: expect.stringMatching(/unknown command "chekc"/) });
  });
});

describe('lineColumn', () => {
  it('counts from 1 and handles the first and last lines', () => {
    expect(lineColumn('ab\ncd\n', 0)).toEqual({ line: 1, column: 1 });
    expect(lineColumn('ab\ncd\n', 4)).toEqual({ line: 2, column: 2 });
    expect(lineColumn('ab\ncd\n', 6)).toEqual({ line: 3, column: 1 });
  });
});
