/** Every rule is registered, described, documented, tested, and its inline examples behave. */
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyse } from '../../../src/engine/index.js';
import { DOCUMENT_RULES, PARAGRAPH_RULES } from '../../../src/engine/rules/index.js';

const ruleDir = new URL('../../../src/engine/rules/', import.meta.url);
const ruleFiles = readdirSync(ruleDir).filter((f) => f.endsWith('.ts') && f !== 'index.ts' && f !== 'rule.ts');
const all = [...PARAGRAPH_RULES, ...DOCUMENT_RULES];
const readme = readFileSync(new URL('../../../README.md', import.meta.url), 'utf8');

describe('rule registry', () => {
  it('registers one rule per file, named after its id', () => {
    expect(all.map((r) => `${r.id}.ts`).sort()).toEqual(ruleFiles.sort());
  });

  for (const rule of all) {
    describe(rule.id, () => {
      it('has a one-line description and examples both ways', () => {
        expect(rule.description).toMatch(/^[A-Z][^\n]{10,150}\.$/);
        expect(rule.examples.flag.length).toBeGreaterThan(0);
        expect(rule.examples.pass.length).toBeGreaterThan(0);
      });

      it('has its own test file and a line in the README', () => {
        expect(existsSync(new URL(`${rule.id}.test.ts`, import.meta.url))).toBe(true);
        expect(readme).toContain(`\`${rule.id}\``);
      });
    });
  }

  for (const rule of PARAGRAPH_RULES) {
    it.each(rule.examples.flag)(`${rule.id} flags: %s`, (text) => {
      expect(analyse(text).findings.some((f) => f.rule === rule.id)).toBe(true);
    });
    it.each(rule.examples.pass)(`${rule.id} passes: %s`, (text) => {
      expect(analyse(text).findings.filter((f) => f.rule === rule.id)).toEqual([]);
    });
  }
});
