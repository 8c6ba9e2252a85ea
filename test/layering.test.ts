/**
 * Keeps the layers apart, by reading the import statements of every file in src: the engine
 * imports no surface, the browser surfaces meet only in the shared layer (src/browser), read
 * mode and writing never import each other, the Word and Outlook add-ins use only the engine and
 * the shared Office pane (src/office), and the command line only the engine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = resolve(dirname(new URL(import.meta.url).pathname), '../src');

/** Which folders of src each folder may import from (its own is always allowed). */
const ALLOWED: Record<string, readonly string[]> = {
  engine: ['generated'],
  browser: ['engine', 'generated'],
  writing: ['engine', 'browser'],
  read: ['engine', 'browser'],
  settings: ['engine', 'browser'],
  background: ['engine', 'browser'],
  entrypoints: ['engine', 'browser', 'writing', 'read', 'settings', 'background'],
  office: ['engine'],
  word: ['engine', 'office'],
  outlook: ['engine', 'office'],
  cli: ['engine'],
};

/** Packages only some layers may use: the browser's and Office's APIs stay out of the engine and each other. */
const PACKAGES: Record<string, RegExp> = {
  engine: /^(wxt|@wxt-dev|office|@microsoft|node:)/,
  browser: /^(office|@microsoft)/,
  writing: /^(office|@microsoft)/,
  read: /^(office|@microsoft)/,
  settings: /^(office|@microsoft)/,
  background: /^(office|@microsoft)/,
  office: /^(wxt|@wxt-dev)/,
  word: /^(wxt|@wxt-dev)/,
  outlook: /^(wxt|@wxt-dev)/,
  cli: /^(wxt|@wxt-dev|office|@microsoft)/,
};

/** Names a pure engine never touches (the DOM, the extension's and Office's APIs). */
const ENGINE_GLOBALS =
  /(?<![.\w])(document|window|navigator|localStorage|sessionStorage|browser|chrome|Office|Word)\.|\bnew (Range|DOMParser|MutationObserver|HTMLElement)\b/;

export type Sources = ReadonlyMap<string, string>;

/** Every .ts file under src, by its path from src. */
function readSources(): Sources {
  const out = new Map<string, string>();
  const walk = (dir: string) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      const p = join(dir, e.name);
      if (e.isDirectory()) walk(p);
      else if (e.name.endsWith('.ts')) out.set(relative(SRC, p), readFileSync(p, 'utf8'));
    }
  };
  walk(SRC);
  return out;
}

const layerOf = (path: string): string => path.split('/')[0];

/** The code without comments and strings' contents, for the globals check. */
function codeOnly(source: string): string {
  const scanner = ts.createScanner(ts.ScriptTarget.Latest, false, ts.LanguageVariant.Standard, source);
  let out = '';
  for (let k = scanner.scan(); k !== ts.SyntaxKind.EndOfFileToken; k = scanner.scan()) {
    if (k === ts.SyntaxKind.StringLiteral || k === ts.SyntaxKind.NoSubstitutionTemplateLiteral) out += '""';
    else out += scanner.getTokenText();
    out += ' ';
  }
  return out.replace(/ ?\. ?/g, '.');
}

/** Every import that breaks a rule, as "file -> import (why)". */
export function violations(sources: Sources): string[] {
  const out: string[] = [];
  for (const [path, source] of sources) {
    const from = layerOf(path);
    const allowed = ALLOWED[from];
    if (!allowed) continue; // src/generated, src/public: data
    for (const { fileName: spec } of ts.preProcessFile(source, true, true).importedFiles) {
      if (spec.startsWith('.')) {
        const target = relative(SRC, resolve(SRC, dirname(path), spec));
        const to = layerOf(target);
        if (target.startsWith('..')) out.push(`${path} -> ${spec} (outside src)`);
        else if (to !== from && !allowed.includes(to)) out.push(`${path} -> ${spec} (${from} may not import ${to})`);
      } else if (PACKAGES[from]?.test(spec)) out.push(`${path} -> ${spec} (${from} may not use this package)`);
    }
    if (from === 'engine') {
      const m = ENGINE_GLOBALS.exec(codeOnly(source));
      if (m) out.push(`${path} uses ${m[1] ?? m[2]} (the engine is pure)`);
    }
  }
  return out;
}

describe('layering', () => {
  const sources = readSources();

  it('reads the whole tree', () => {
    for (const layer of [
      'engine',
      'browser',
      'writing',
      'read',
      'settings',
      'background',
      'entrypoints',
      'office',
      'word',
      'outlook',
      'cli',
    ])
      expect(
        [...sources.keys()].some((p) => layerOf(p) === layer),
        layer,
      ).toBe(true);
  });

  it('has no import across the layers', () => {
    expect(violations(sources)).toEqual([]);
  });

  it('catches each kind of crossing', () => {
    const planted = new Map(sources);
    planted.set('read/x.ts', "import { startContent } from '../writing/content.js';");
    planted.set('writing/x.ts', "export { ReadController } from '../read/controller.js';");
    planted.set('engine/x.ts', "import type { Card } from '../browser/page/card.js';\nconst w = document.body;");
    planted.set('cli/x.ts', "const m = await import('../browser/store/settings.js');");
    planted.set('word/x.ts', "import { browser } from 'wxt/browser';");
    planted.set('browser/x.ts', "import '../settings/popup.js';");
    expect(violations(planted)).toEqual([
      'read/x.ts -> ../writing/content.js (read may not import writing)',
      'writing/x.ts -> ../read/controller.js (writing may not import read)',
      'engine/x.ts -> ../browser/page/card.js (engine may not import browser)',
      'engine/x.ts uses document (the engine is pure)',
      'cli/x.ts -> ../browser/store/settings.js (cli may not import browser)',
      'word/x.ts -> wxt/browser (word may not use this package)',
      'browser/x.ts -> ../settings/popup.js (browser may not import settings)',
    ]);
  });

  it('gives a finding one identity: no browser surface builds its own key', () => {
    const own = [...sources]
      .filter(([p]) => ['browser', 'writing', 'read', 'settings', 'background'].includes(layerOf(p)))
      .filter(([, s]) => /\bentryId\s*\?\?|\{\s*return (?:ignoreKey|meaningKey)\([^)]*\);?\s*\}/.test(s))
      .map(([p]) => p);
    expect(own).toEqual([]);
  });
});
