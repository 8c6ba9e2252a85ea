import { describe, expect, test, vi } from 'vitest';
import {
  analyseRequest,
  localPackFor,
  settingsForSite,
  warmUp,
  type EngineFiles,
  type EngineSettings,
} from '../../src/browser/messages/engine-service.js';
import { bundledPacks, bundledWarmUpLines } from '../../src/engine/dictionary/bundled.js';
import { ANALYSE, isAnalyseRequest, unpack, type AnalyseRequest } from '../../src/browser/messages/protocol.js';
import { DEFAULT_PACKS } from '../../src/engine/dictionary/builtin.js';

const request = (text: string, mode: AnalyseRequest['mode'] = 'write'): AnalyseRequest => ({
  type: ANALYSE,
  text,
  mode,
});
const defaults: EngineSettings = { audience: 'parent-carer', ignore: [] };
const files: EngineFiles = { pack: bundledPacks, warmUpLines: bundledWarmUpLines };

describe('the background engine service', () => {
  test('answers with packed findings that unpack to the words in the text', () => {
    const text = 'The SENCO will review the EHCP. The EHCP is due.';
    const r = analyseRequest(request(text), defaults);
    if (!r.ok) throw new Error(r.error);
    const findings = unpack(r.spans, r.details, text);
    expect(findings.map((f) => f.text)).toEqual(['SENCO', 'EHCP', 'EHCP']);
    for (const f of findings) expect(text.slice(f.start, f.end)).toBe(f.text);
    // The two EHCP findings share one explanation on the wire, unless they differ.
    expect(r.details.length).toBeLessThanOrEqual(3);
    expect(findings[1].definition).toBeTruthy();
    expect(r.readability).toMatchObject({ maxReadingAge: 11, audienceLabel: 'Parent carers' });
  });

  test('ignores what the user ignores always; follows the audience', () => {
    const r = analyseRequest(request('The SENCO and the EHCP.'), { ignore: ['senco'], audience: 'professional' });
    if (!r.ok) throw new Error(r.error);
    expect(r.spans).toHaveLength(1);
    expect(r.readability.maxReadingAge).toBe(16);
  });

  test('reading looks for words only; explaining a selection includes common words', () => {
    const text =
      'The SENCO made a referral. This sentence goes on and on with many words so that it is far too long for anyone to read easily without stopping for breath at all.';
    const write = analyseRequest(request(text), defaults);
    const read = analyseRequest(request(text, 'read'), defaults);
    const explain = analyseRequest(request(text, 'explain'), { ...defaults, ignore: ['senco'] });
    if (!write.ok || !read.ok || !explain.ok) throw new Error('not ok');
    const categories = (r: typeof write) => new Set(r.ok ? r.spans.map((s) => s.category) : []);
    expect(categories(write).has('sentence')).toBe(true);
    expect([...categories(read)].every((c) => c === 'acronym' || c === 'jargon')).toBe(true);
    const words = (r: typeof write) => (r.ok ? unpack(r.spans, r.details, text).map((f) => f.text) : []);
    expect(words(read)).not.toContain('referral');
    // A reader who asks about their selection is told about common words, and about what they ignore while writing.
    expect(words(explain)).toEqual(expect.arrayContaining(['SENCO', 'referral']));
  });

  test('refuses what is not a request', () => {
    expect(isAnalyseRequest({ type: ANALYSE, text: 'x', mode: 'read' })).toBe(true);
    expect(isAnalyseRequest({ type: ANALYSE, text: 'x', mode: 'shout' })).toBe(false);
    expect(isAnalyseRequest({ type: ANALYSE, text: 1, mode: 'write' })).toBe(false);
    expect(isAnalyseRequest(null)).toBe(false);
    const bad = analyseRequest(request('x'), { audience: 'nobody' as never, ignore: [] });
    expect(bad.ok).toBe(false);
  });

  test('the warm-up is real SEND writing that goes through every reading path, and leaves the answers as they were', async () => {
    const lines = await bundledWarmUpLines();
    expect(lines.join('\n').length).toBeGreaterThan(3_000);
    const text = lines.join('\n');
    const before = analyseRequest(request(text, 'read'), defaults);
    if (!before.ok) throw new Error(before.error);
    const kinds = new Set(unpack(before.spans, before.details, text).map((f) => `${f.category}/${f.rule}`));
    // Terms, short forms from the glossary, short forms and local names in no glossary: each rule read mode runs.
    expect([...kinds].sort()).toEqual([
      'acronym/glossary-term',
      'acronym/unknown-acronym',
      'jargon/glossary-term',
      'jargon/local-name',
    ]);
    const settings: EngineSettings = { audience: 'parent-carer', ignore: [] };
    await warmUp(settings, 'read', files);
    const page = 'Your child has an EHCP. The SENCO and the QRB panel will meet.';
    expect(analyseRequest(request(page, 'read'), settings)).toEqual({
      ...analyseRequest(request(page, 'read'), defaults),
      engineMs: expect.any(Number),
      answerMs: expect.any(Number),
    });
  });
});

describe('a council’s own website', () => {
  const text = 'The STLS teacher will visit next week.';
  const found = (settings: EngineSettings) => {
    const r = analyseRequest(request(text, 'read'), settings);
    if (!r.ok) throw new Error(r.error);
    return unpack(r.spans, r.details, text).find((f) => f.text === 'STLS');
  };

  test('finds its local glossary by host name, with or without www', () => {
    expect(localPackFor('www.kent.gov.uk')?.id).toBe('kent');
    expect(localPackFor('kent.gov.uk')?.id).toBe('kent');
    expect(localPackFor('www.example.org')).toBeUndefined();
    expect(localPackFor(undefined)).toBeUndefined();
  });

  test('reading there turns that glossary on, says so on the card, and keeps the analyser', () => {
    expect(found(defaults)?.definition).toBeUndefined(); // Kent's STLS is not known elsewhere
    const site = settingsForSite(defaults, 'www.kent.gov.uk');
    expect(settingsForSite(defaults, 'www.kent.gov.uk')).toBe(site);
    const f = found(site);
    expect(f?.definition).toBeTruthy();
    expect(f?.packName).toBe('Kent (on for this website)');
  });

  test('changes nothing elsewhere, or where the glossary is on already', () => {
    expect(settingsForSite(defaults, 'www.example.org')).toBe(defaults);
    const withKent = { ...defaults, packs: ['england', 'kent'] };
    expect(settingsForSite(withKent, 'www.kent.gov.uk')).toBe(withKent);
  });
});

describe('loading only the packs a check needs', () => {
  /** The service and engine afresh (no pack loaded yet), and the packs each check asked for. */
  async function fresh() {
    vi.resetModules();
    const service = await import('../../src/browser/messages/engine-service.js');
    const asked: string[] = [];
    const pack = (id: string) => {
      asked.push(id);
      return bundledPacks(id);
    };
    return { service, asked, pack };
  }

  test('a check loads the packs that are on, once; reading a council’s site adds its pack, and only there', async () => {
    const { service, asked, pack } = await fresh();
    const text = 'The STLS teacher will visit. The EHCP is due.';
    const read = async (host: string) => {
      const r = await service.answerRequest(request(text, 'read'), defaults, host, { pack });
      if (!r.ok) throw new Error(r.error);
      return unpack(r.spans, r.details, text).find((f) => f.text === 'STLS');
    };
    expect((await read('www.example.org'))?.definition).toBeUndefined();
    expect(asked.sort()).toEqual([...DEFAULT_PACKS].sort());
    await read('www.example.org');
    expect(asked).toHaveLength(DEFAULT_PACKS.length); // loaded once
    expect((await read('www.kent.gov.uk'))?.packName).toBe('Kent (on for this website)');
    expect(asked.filter((id) => !DEFAULT_PACKS.includes(id))).toEqual(['kent']);
    // Writing on the council's site uses the packs that are on, as anywhere.
    const write = await service.answerRequest(request(text), defaults, 'www.kent.gov.uk', { pack });
    if (!write.ok) throw new Error(write.error);
    expect(unpack(write.spans, write.details, text).find((f) => f.text === 'STLS')?.definition).toBeUndefined();
  });

  test('a pack that cannot be read is a clear answer, and a later check tries again', async () => {
    const { service } = await fresh();
    let broken = true;
    const pack = (id: string) => (broken ? Promise.reject(new Error('disk on fire')) : bundledPacks(id));
    const first = await service.answerRequest(request('The EHCP.'), defaults, undefined, { pack });
    expect(first).toEqual({ ok: false, error: 'the glossary could not be loaded: disk on fire' });
    broken = false;
    const second = await service.answerRequest(request('The EHCP.'), defaults, undefined, { pack });
    expect(second.ok && second.spans).toHaveLength(1);
  });
});
