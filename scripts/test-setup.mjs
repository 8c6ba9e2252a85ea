#!/usr/bin/env node
// Runs before `npm test` (as `pretest`), so that README's test command works on a fresh Debian
// machine with nothing done first: it installs the system packages the browser and Word tests
// need (Debian's Chromium and Firefox ESR, xmllint) and the npm packages, or stops at once and
// says exactly what to run. Plain Node only: no package is installed yet when it starts.
import { execFileSync } from 'node:child_process';
import { existsSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/** What the tests need from Debian: the package, and the file that shows it is there. */
const SYSTEM = [
  { pkg: 'chromium', file: '/usr/bin/chromium', why: 'the extension and Word pane tests (Playwright)' },
  { pkg: 'firefox-esr', file: '/usr/bin/firefox-esr', why: 'the extension tests in Firefox (puppeteer-core)' },
  { pkg: 'libxml2-utils', file: '/usr/bin/xmllint', why: 'the Office manifest schema check' },
];

function say(line) {
  process.stderr.write(`test setup: ${line}\n`);
}

function run(cmd, args) {
  execFileSync(cmd, args, { stdio: 'inherit', cwd: root, env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
}

function canRun(cmd, args) {
  try {
    execFileSync(cmd, args, { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

const missing = SYSTEM.filter((s) => !existsSync(s.file));
if (missing.length > 0) {
  const pkgs = missing.map((s) => s.pkg);
  const command = `apt-get update && apt-get install -y ${pkgs.join(' ')}`;
  for (const s of missing) say(`${s.file} is missing; ${s.why} need it.`);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const sudo = !isRoot && canRun('sudo', ['-n', 'true']);
  if (!existsSync('/usr/bin/apt-get') || (!isRoot && !sudo)) {
    say(`cannot install them here. Run this as root, then run the tests again:\n\n    ${command}\n`);
    process.exit(1);
  }
  say(`installing ${pkgs.join(', ')} with apt-get`);
  try {
    const apt = (args) => (sudo ? run('sudo', ['-n', 'apt-get', ...args]) : run('apt-get', args));
    apt(['update', '-qq']);
    apt(['install', '-y', '-qq', ...pkgs]);
  } catch {
    say(`apt-get failed. Run this as root, then run the tests again:\n\n    ${command}\n`);
    process.exit(1);
  }
  const still = SYSTEM.filter((s) => !existsSync(s.file));
  if (still.length > 0) {
    say(`still missing after apt-get: ${still.map((s) => s.file).join(', ')}`);
    process.exit(1);
  }
}

// npm packages: install from the lockfile when there are none, or when the lockfile is newer
// than the last install (npm writes node_modules/.package-lock.json on every install).
const installed = join(root, 'node_modules', '.package-lock.json');
const lock = join(root, 'package-lock.json');
const stale = !existsSync(installed) || statSync(lock).mtimeMs > statSync(installed).mtimeMs + 1000;
if (stale) {
  say('installing the npm packages (npm ci)');
  run('npm', ['ci', '--no-audit', '--no-fund']);
}
