// Lint: typescript-eslint's recommended rules, regular expressions that cannot backtrack
// super-linearly (eslint-plugin-regexp), and no import cycles. `npm test` runs it.
import tseslint from 'typescript-eslint';
import regexp from 'eslint-plugin-regexp';
import { importX } from 'eslint-plugin-import-x';
import { createTypeScriptImportResolver } from 'eslint-import-resolver-typescript';

export default tseslint.config(
  {
    ignores: ['node_modules/', 'src/generated/', 'dist/', '.output/', '.wxt/', 'coverage/', 'test/e2e/pages/**'],
  },
  ...tseslint.configs.recommended,
  regexp.configs['flat/recommended'],
  {
    files: ['**/*.ts', '**/*.mjs', '**/*.js'],
    plugins: { 'import-x': importX },
    settings: { 'import-x/resolver-next': [createTypeScriptImportResolver()] },
    rules: {
      'import-x/no-cycle': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    // What ships reads any text a page or a file holds: no expression may backtrack super-linearly.
    files: ['src/**/*.ts'],
    rules: {
      'regexp/no-super-linear-backtracking': 'error',
      'regexp/no-super-linear-move': 'error',
    },
  },
  {
    // Test doubles stand in for Office.js objects, whose methods return proxies of `this`.
    files: ['test/**/*.ts'],
    rules: { '@typescript-eslint/no-this-alias': 'off' },
  },
);
