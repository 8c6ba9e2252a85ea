/**
 * outlook/manifest.xml: valid against Microsoft's published XSDs (offline, with xmllint), and the
 * parts those 2018 schemas predate (<Runtimes>, the LaunchEvent extension point, 2021) checked
 * here against Microsoft's documentation of them: OnMessageSend with SendMode PromptUser, the
 * JavaScript-only runtime for classic Outlook on Windows, Mailbox 1.12, and the pane's button id
 * the Smart Alerts dialog opens.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { DomUtils, parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { PANE_COMMAND_ID } from '../../src/outlook/send/on-send.js';
import { HANDLER_NAME } from '../../src/outlook/send/launch-event.js';
import { DEV_URL, hostManifest } from '../../vite.office.js';
import { outlookHostUrl } from '../../vite.outlook.config.js';

const ROOT = new URL('../../', import.meta.url).pathname;
const MANIFEST = `${ROOT}outlook/manifest.xml`;
const SCHEMA = `${ROOT}test/fixtures/office-manifest-schemas/OfficeAppManifestV1_1.xsd`;
const xml = readFileSync(MANIFEST, 'utf8');
const doc = parseDocument(xml, { xmlMode: true });
const all = (name: string) => DomUtils.getElementsByTagName(name, doc, true);
const one = (name: string) => {
  const found = all(name);
  expect(found, name).toHaveLength(1);
  return found[0];
};

/** The manifest without what the 2018 schemas do not know: <Runtimes> and the LaunchEvent extension point. */
function forTheSchema(source: string): string {
  return source
    .replace(/\s*<Runtimes>[\s\S]*?<\/Runtimes>/, '')
    .replace(/\s*<ExtensionPoint xsi:type="LaunchEvent">[\s\S]*?<\/ExtensionPoint>/, '');
}

function xmllint(input: string) {
  const r = spawnSync('xmllint', ['--noout', '--schema', SCHEMA, '-'], { encoding: 'utf8', input });
  if (r.error && (r.error as NodeJS.ErrnoException).code === 'ENOENT')
    throw new Error('xmllint is not installed: apt-get update && apt-get install -y libxml2-utils.');
  return r;
}

describe('outlook/manifest.xml', () => {
  it('is valid against the Office add-in manifest schemas (xmllint, offline), less the parts they predate', () => {
    const stripped = forTheSchema(xml);
    expect(stripped).not.toContain('LaunchEvent');
    expect(stripped).not.toContain('Runtimes');
    const r = xmllint(stripped);
    expect(r.stderr.trim()).toBe('- validates');
    expect(r.status).toBe(0);
  });

  it('is rejected by the same check when broken (the check is real)', () => {
    const r = xmllint(
      forTheSchema(xml).replace('<Permissions>ReadWriteItem</Permissions>', '<Permissions>All</Permissions>'),
    );
    expect(r.status).not.toBe(0);
    expect(r.stderr).toMatch(/Permissions/);
  });

  it('is a mail add-in for messages being written, asking only to read and write that message', () => {
    expect(one('OfficeApp').attribs['xsi:type']).toBe('MailApp');
    expect(DomUtils.textContent(one('Permissions'))).toBe('ReadWriteItem');
    const rule = all('Rule').find((r) => r.attribs['xsi:type'] === 'ItemIs')!;
    expect(rule.attribs).toMatchObject({ ItemType: 'Message', FormType: 'Edit' });
    expect(DomUtils.textContent(one('Id'))).toMatch(
      /^[0-9a-f]{8}-[0-9a-f]{4}-[1-5][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i,
    );
    expect(DomUtils.textContent(one('Id'))).not.toBe(
      DomUtils.textContent(
        DomUtils.getElementsByTagName(
          'Id',
          parseDocument(readFileSync(`${ROOT}manifest.xml`, 'utf8'), { xmlMode: true }),
        )[0],
      ),
    );
  });

  it('checks at Send: OnMessageSend, prompt user, the handler the script registers, Mailbox 1.12', () => {
    const launch = all('ExtensionPoint').find((e) => e.attribs['xsi:type'] === 'LaunchEvent')!;
    const event = DomUtils.findOne((e) => e.name === 'LaunchEvent', [launch])!;
    expect(event.attribs).toEqual({ Type: 'OnMessageSend', FunctionName: HANDLER_NAME, SendMode: 'PromptUser' });
    const sets = all('bt:Sets');
    expect(sets.map((s) => s.attribs.DefaultMinVersion)).toEqual(['1.12']);
    expect(DomUtils.findOne((e) => e.name === 'bt:Set', sets)!.attribs.Name).toBe('Mailbox');
    // The event's SourceLocation is the web runtime, which overrides to the script for classic Outlook.
    const source = DomUtils.findOne((e) => e.name === 'SourceLocation', [launch])!.attribs.resid;
    const runtime = one('Runtime');
    expect(runtime.attribs.resid).toBe(source);
    const override = DomUtils.findOne((e) => e.name === 'Override', [runtime])!;
    expect(override.attribs.type).toBe('javascript');
    const url = (id: string) => all('bt:Url').find((u) => u.attribs.id === id)!.attribs.DefaultValue;
    expect(url(source)).toBe(`${DEV_URL}/commands.html`);
    expect(url(override.attribs.resid)).toBe(`${DEV_URL}/launchevent.js`);
  });

  it('puts a button on a message being written that opens the pane, with the id the Smart Alerts dialog opens', () => {
    const surface = all('ExtensionPoint').find((e) => e.attribs['xsi:type'] === 'MessageComposeCommandSurface')!;
    const control = DomUtils.findOne((e) => e.name === 'Control', [surface])!;
    expect(control.attribs.id).toBe(PANE_COMMAND_ID);
    expect(DomUtils.findOne((e) => e.name === 'Action', [control])!.attribs['xsi:type']).toBe('ShowTaskpane');
  });

  it('resolves every resid to one resource, uses every resource, and points every URL at a file we build or ship', () => {
    const resources = all('bt:Image')
      .concat(all('bt:Url'), all('bt:String'))
      .filter((e) => e.attribs.id)
      .map((e) => e.attribs.id);
    expect(new Set(resources).size).toBe(resources.length);
    const used = DomUtils.findAll((e) => 'resid' in e.attribs, doc.children).map((e) => e.attribs.resid);
    for (const id of used) {
      expect(resources, id).toContain(id);
      expect(id.length).toBeLessThanOrEqual(32);
    }
    for (const id of resources) expect(used, `${id} is never used`).toContain(id);
    const urls = [...xml.matchAll(/DefaultValue="(\w+:\/\/[^"]*)"/g)].map((m) => m[1]);
    expect(urls.length).toBeGreaterThan(8);
    for (const url of urls) {
      expect(url.startsWith(`${DEV_URL}/`), url).toBe(true);
      const path = url.slice(DEV_URL.length + 1);
      const built = path === 'launchevent.js' || existsSync(`${ROOT}src/outlook/taskpane/${path}`);
      expect(built || existsSync(`${ROOT}src/public/${path}`), path).toBe(true);
    }
  });

  it('is moved to the school’s address by the build, and stays valid', () => {
    const url = outlookHostUrl({ PLAIN_SEND_OUTLOOK_URL: 'https://apps.example.sch.uk/plain-send-outlook/' });
    expect(url).toBe('https://apps.example.sch.uk/plain-send-outlook');
    expect(() => outlookHostUrl({ PLAIN_SEND_OUTLOOK_URL: 'http://x.example/' })).toThrow(
      /PLAIN_SEND_OUTLOOK_URL must start with https/,
    );
    const moved = hostManifest(xml, url);
    expect(moved).not.toMatch(/="https:\/\/localhost/);
    expect(xmllint(forTheSchema(moved)).status).toBe(0);
  });
});
