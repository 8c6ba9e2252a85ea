/** The audit as the built command runs it: help, the network statement, PDFs from the bundle, JSON and CSV on standard output. */
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';

const root = new URL('../../../', import.meta.url).pathname;
const bin = join(root, 'bin/plain-send.mjs');
const work = mkdtempSync(join(tmpdir(), 'plain-send-audit-cli-'));

function cli(args: string[]) {
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: work,
    encoding: 'utf8',
    env: { ...process.env, NO_COLOR: '1' },
  });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

beforeAll(() => {
  const built = spawnSync(process.execPath, [join(root, 'scripts/build-cli.mjs')], { encoding: 'utf8' });
  if (built.status !== 0) throw new Error(`building the CLI failed: ${built.stderr}`);
  mkdirSync(join(work, 'docs'));
  copyFileSync(join(root, 'test/fixtures/audit/send-policy.pdf'), join(work, 'docs/policy.pdf'));
  writeFileSync(join(work, 'docs/letter.txt'), 'The SENCO will phone you on Monday.\n');
}, 60_000);

describe('plain-send audit (built)', () => {
  it('documents the network statement and every exit code in its help, and check points to it', () => {
    const help = cli(['audit', '--help']);
    expect(help.code).toBe(0);
    expect(help.out).toMatch(/the only part of Plain SEND that makes network requests, and only to the\nsite you name/);
    for (const code of ['0  audited', '1  audited; a threshold', '2  a problem']) expect(help.out).toContain(code);
    expect(cli(['--help']).out).toContain('plain-send audit [options] START');
    expect(cli([]).err).toContain('plain-send audit');
  });

  it('reads a PDF with pdf.js loaded beside the bundle, and writes JSON and CSV to standard output', () => {
    const json = cli(['audit', 'docs', '--json', '-', '--out', 'report.html']);
    expect(json.code).toBe(0);
    const report = JSON.parse(json.out);
    expect(report.pages.map((p: { address: string; kind: string }) => [p.address, p.kind])).toEqual([
      ['letter.txt', 'text'],
      ['policy.pdf', 'pdf'],
    ]);
    expect(report.unread).toEqual([]);
    // With stdout taken by the JSON, the summary goes to standard error.
    expect(json.err).toMatch(/Audited 2 pages in [\d.]+ s; 0 could not be read\./);
    expect(existsSync(join(work, 'report.html'))).toBe(true);
    const csv = cli(['audit', 'docs', '--csv', '-', '--out', 'report.html', '--max-reading-age', '5']);
    expect(csv.code).toBe(1);
    expect(csv.out.split('\r\n')[0]).toMatch(/^address,title,kind,read,reading_age/);
    expect(csv.err).toMatch(/pages are over reading age 5:/);
  });

  it('exits 2 for a start it cannot read, and for a report it cannot write', () => {
    expect(cli(['audit', 'no-such-folder']).code).toBe(2);
    const r = cli(['audit', 'docs', '--out', join(work, 'missing-folder', 'r.html')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/could not write the report/);
  });
});
