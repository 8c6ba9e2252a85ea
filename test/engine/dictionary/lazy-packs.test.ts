/** The built-in packs: a small index always there, each pack's data loaded only when asked for. */
import { describe, expect, test, vi } from 'vitest';
import { bundledPacks } from '../../../src/engine/dictionary/bundled.js';
import { mergeFiles } from '../../../src/engine/dictionary/validate.js';
import { dictionaryPaths, loadDictionaryFile } from '../../../scripts/dictionary-files.js';

/** The engine afresh: no pack loaded yet. */
async function fresh() {
  vi.resetModules();
  const engine = await import('../../../src/engine/index.js');
  const asked: string[] = [];
  const source = (id: string) => {
    asked.push(id);
    return bundledPacks(id);
  };
  return { engine, asked, source };
}

describe('loading built-in packs', () => {
  test('nothing is loaded until asked; then each pack once, in built-in order', async () => {
    const { engine, asked, source } = await fresh();
    expect(engine.loadedPacks()).toEqual([]);
    expect(() => engine.createAnalyser()).toThrow(/The pack "wales" is not loaded yet/);
    const packs = await engine.loadPacks(['plain-words', 'kent', 'england'], source);
    expect(packs.map((p) => p.id)).toEqual(['england', 'plain-words', 'kent']);
    await engine.loadPacks(['kent', 'kent'], source);
    expect(asked).toEqual(['plain-words', 'kent', 'england']);
    expect(() => engine.createAnalyser()).toThrow(/not loaded/);
    const analyser = await engine.loadAnalyser({}, source);
    expect(analyser.analyse('The SENCO will utilise the EHCP.').findings.map((f) => f.text)).toEqual([
      'SENCO',
      'utilise',
      'EHCP',
    ]);
    expect(engine.createAnalyser({ packs: ['kent'] }).glossary.entries.every((e) => e.pack === 'kent')).toBe(true);
  });

  test('an unknown pack is refused, naming the packs there are; so is a damaged one', async () => {
    const { engine, source } = await fresh();
    await expect(engine.loadPacks(['nowhere'], source)).rejects.toThrow(/Unknown pack "nowhere". Packs: wales, /);
    expect(() => engine.createAnalyser({ packs: ['nowhere'] })).toThrow(/Unknown pack "nowhere". Packs: wales, /);
    await expect(engine.loadPacks(['kent'], async () => ({ id: 'devon', entries: [] }))).rejects.toThrow(
      'The built-in pack "kent" is damaged.',
    );
    expect((await engine.loadPacks(['kent'], source))[0].id).toBe('kent');
  });

  test('the index says what each pack holds, as its dictionary files do', async () => {
    const { engine, source } = await fresh();
    const files = dictionaryPaths().flatMap((path) => loadDictionaryFile(path).file ?? []);
    const fromYaml = mergeFiles(files);
    expect(new Set(engine.PACK_INDEX.map((p) => p.id))).toEqual(new Set(fromYaml.keys()));
    const loaded = await engine.loadPacks(
      engine.PACK_INDEX.map((p) => p.id),
      source,
    );
    for (const [i, info] of engine.PACK_INDEX.entries()) {
      const yaml = fromYaml.get(info.id)!;
      expect(loaded[i].id).toBe(info.id);
      expect(info).toEqual({
        id: yaml.id,
        name: yaml.name,
        ...(yaml.description === undefined ? {} : { description: yaml.description }),
        ...(yaml.hosts === undefined ? {} : { hosts: yaml.hosts }),
        entryCount: yaml.entries.length,
        knownCount: yaml.known.length,
      });
      expect(loaded[i].entries.map((e) => e.term)).toEqual(yaml.entries.map((e) => e.term));
    }
  });
});
