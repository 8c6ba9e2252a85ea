/**
 * manifest.xml: valid against Microsoft's published XSDs (offline, with xmllint; the test fails,
 * never skips, when xmllint is missing), plus our own rules: https everywhere, a GUID id, every
 * resid resolves to a resource, every icon exists at its size, and the build moves every URL.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { ICON_SIZES, iconPng } from '../../src/word/icons.js';
import { CRITIQUE_BRANDING, CRITIQUE_TEXT } from '../../src/word/word-adapter.js';
import { DEV_URL, hostManifest } from '../../vite.office.js';
import { hostUrl } from '../../vite.word.config.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const MANIFEST = `${ROOT}manifest.xml`;
const SCHEMA = new URL('../fixtures/office-manifest-schemas/OfficeAppManifestV1_1.xsd', import.meta.url).pathname;
const xml = readFileSync(MANIFEST, 'utf8');
const doc = parseDocument(xml, { xmlMode: true });
const all = (name: string) => DomUtils.getElementsByTagName(name, doc, true);
const one = (name: string) => {
  const found = all(name);
  expect(found, name).toHaveLength(1);
  return found[0];
};

/** Runs xmllint on a file, or on `input` as standard input. */
function xmllint(file: string, input?: string) {
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, file], { encoding: 'utf8', input });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT') {
    throw new Error(
      'xmllint is not installed: apt-get update && apt-get install -y libxml2-utils (.ci/run does this).',
    );
  }
  return r;
}

describe('manifest.xml', () => {
  it('is valid against the Office add-in manifest schema (xmllint, offline)', () => {
    expect(existsSync(SCHEMA), `${SCHEMA} (test/fixtures/office-manifest-schemas)`).toBe(true);
    const r = xmllint(MANIFEST);
    expect(r.stderr.trim()).toBe(`${MANIFEST} validates`);
    expect(r.status).toBe(0);
  });

  it('is rejected by the same check when broken (the check is real)', () => {
    const broken = xml.replace('<Permissions>ReadWriteDocument</Permissions>', '<Permissions>Everything</Permissions>');
    const r = xmllint('-', broken);
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Permissions/);
  });

  it('is a Word task pane add-in that can read and write the document, from WordApi 1.1', () => {
    expect(one('OfficeApp').attribs['xsi:type']).toBe('TaskPaneApp');
    expect(
      all('Host')
        .filter((h) => h.attribs.Name)
        .map((h) => h.attribs.Name),
    ).toEqual(['Document']);
    expect(
      all('Host')
        .filter((h) => h.attribs['xsi:type'])
        .map((h) => h.attribs['xsi:type']),
    ).toEqual(['Document']);
    expect(DomUtils.textContent(one('Permissions'))).toBe('ReadWriteDocument');
    expect(all('Set').map((s) => s.attribs)).toEqual([{ Name: 'WordApi', MinVersion: '1.1' }]);
    expect(one('DefaultLocale').children.length).toBe(1);
    expect(DomUtils.textContent(one('DefaultLocale'))).toBe('en-GB');
  });

  it('has a GUID for an id', () => {
    expect(DomUtils.textContent(one('Id'))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    );
  });

  it('puts a button on the Home tab that opens the task pane', () => {
    expect(one('OfficeTab').attribs.id).toBe('TabHome');
    const control = one('Control');
    expect(control.attribs['xsi:type']).toBe('Button');
    const action = DomUtils.findOne((e) => e.name === 'Action', [control])!;
    expect(action.attribs['xsi:type']).toBe('ShowTaskpane');
  });

  it('uses https for every URL', () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|src)="(\w+:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it('resolves every resid to exactly one resource, and uses every resource', () => {
    const resources = all('bt:Image')
      .concat(all('bt:Url'), all('bt:String'))
      .filter((e) => e.attribs.id)
      .map((e) => e.attribs.id);
    expect(new Set(resources).size).toBe(resources.length);
    const used = DomUtils.findAll((e) => 'resid' in e.attribs, doc.children).map((e) => e.attribs.resid);
    expect(used.length).toBeGreaterThan(5);
    for (const id of used) {
      expect(resources, id).toContain(id);
      expect(id.length, `${id}: Office allows resids of 32 characters at most`).toBeLessThanOrEqual(32);
    }
    // Word's underline pop-ups name their strings from code (src/word/word-adapter.ts).
    const fromCode = [
      CRITIQUE_BRANDING,
      ...Object.values(CRITIQUE_TEXT).flatMap((t) => [t.titleResourceId, t.subtitleResourceId]),
    ];
    for (const id of fromCode) {
      expect(resources, id).toContain(id);
      expect(id.length, `${id}: Office allows resids of 32 characters at most`).toBeLessThanOrEqual(32);
    }
    for (const id of resources) expect([...used, ...fromCode], `${id} is never used`).toContain(id);
  });

  it('points every image at a PNG we ship, of the size it says, and every page at a page we build', () => {
    const images = all('bt:Image').filter((e) => e.attribs.id);
    for (const image of images) {
      const path = image.attribs.DefaultValue.slice(`${DEV_URL}/`.length);
      const file = `${ROOT}src/public/${path}`;
      expect(existsSync(file), file).toBe(true);
      const png = readFileSync(file);
      const size = Number(/(\d+)\.png$/.exec(path)![1]);
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([size, size]);
      const declared = all('bt:Image')
        .filter((e) => e.attribs.resid === image.attribs.id)
        .map((e) => Number(e.attribs.size));
      for (const s of declared) expect(s).toBe(size);
    }
    for (const name of ['IconUrl', 'HighResolutionIconUrl']) {
      expect(existsSync(`${ROOT}src/public/${one(name).attribs.DefaultValue.slice(DEV_URL.length + 1)}`)).toBe(true);
    }
    const pages = [
      ...all('SourceLocation')
        .filter((s) => s.attribs.DefaultValue)
        .map((s) => s.attribs.DefaultValue),
      ...all('bt:Url').map((u) => u.attribs.DefaultValue),
      one('SupportUrl').attribs.DefaultValue,
    ];
    for (const page of pages)
      expect(existsSync(`${ROOT}src/word/taskpane/${page.slice(DEV_URL.length + 1)}`), page).toBe(true);
  });

  it('ships the icons src/word/icons.ts draws (16, 32, 64, 80 and 128 px)', () => {
    for (const size of ICON_SIZES)
      expect(readFileSync(`${ROOT}src/public/icons/icon-${size}.png`).equals(iconPng(size)), `icon-${size}.png`).toBe(
        true,
      );
  });

  it('is moved to the school’s address by the build, and stays valid', () => {
    expect(hostUrl({})).toBe(DEV_URL);
    const url = hostUrl({ PLAIN_SEND_WORD_URL: 'https://apps.example.sch.uk/plain-send/' });
    expect(url).toBe('https://apps.example.sch.uk/plain-send');
    expect(() => hostUrl({ PLAIN_SEND_WORD_URL: 'http://apps.example.sch.uk/' })).toThrow(/https/);
    expect(() => hostUrl({ PLAIN_SEND_WORD_URL: 'not a url' })).toThrow(/not a URL/);
    const moved = hostManifest(xml, url);
    expect(moved).not.toMatch(/="https:\/\/localhost/);
    expect([...moved.matchAll(/DefaultValue="(https:[^"]*)"/g)].every((m) => m[1].startsWith(`${url}/`))).toBe(true);
    const r = xmllint('-', moved);
    expect(r.status, r.stderr).toBe(0);
  });
});
