#!/usr/bin/env node
// The plain-send command. The TypeScript source is in src/cli/; `npm ci` builds it into dist/.
import { existsSync } from 'node:fs';

const built = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(built)) {
  console.error('plain-send: the command line is not built yet. In the project folder run "npm ci" (or "npm run build:cli").');
  process.exit(2);
}
const { main } = await import(built.href);
await main();
