/**
 * The check at Send's time (npm run bench:outlook): from the OnMessageSend event to
 * event.completed, for a short email and a 5,000-word one (HTML, with a signature and a quoted
 * reply), cold each time as in Outlook (each send activates the handler afresh: a new analyser).
 * Also what classic Outlook on Windows does first: load launchevent.js (its size, and the time
 * to run it in a fresh context with no DOM). Budget: SEND_BUDGET_MS (3 s), far under the 5 s after
 * which Outlook tells the writer an add-in is slow.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { MemorySettings } from '../src/office/settings.js';
import { checkBeforeSend, SEND_BUDGET_MS, type SendCompletedOptions } from '../src/outlook/send/on-send.js';
import { buildLaunchEvent } from '../vite.outlook.config.js';
import { EMAIL_PARAGRAPHS } from './lib/email.js';

const RUNS = 9;
const ms = (x: number) => `${x.toFixed(1)} ms`;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const max = (xs: number[]) => Math.max(...xs);

const SIGNATURE_AND_REPLY =
  '<div id="Signature"><p>Ms Lewis, SENCO</p></div><div id="appendonsend"></div><hr>' +
  '<div id="divRplyFwdMsg"><b>From:</b> Mrs Okafor<br><b>Sent:</b> Monday</div>' +
  `<div>${EMAIL_PARAGRAPHS.map((p) => `<p>${p}</p>`).join('')}</div>`;

function html(paragraphs: readonly string[]): string {
  return `<html><body><div class="elementToProof">${paragraphs.map((p) => `<p>${p}</p>`).join('')}</div>${SIGNATURE_AND_REPLY}</body></html>`;
}

const words = (ps: readonly string[]) => ps.join(' ').split(/\s+/).filter(Boolean).length;
const SHORT = [EMAIL_PARAGRAPHS[0], EMAIL_PARAGRAPHS[11]];
const LONG: string[] = [];
while (words(LONG) < 5_000) LONG.push(...EMAIL_PARAGRAPHS);
while (words(LONG) > 5_000) LONG.pop();

async function once(content: string): Promise<{ ms: number; options: SendCompletedOptions }> {
  let options: SendCompletedOptions | undefined;
  const t = performance.now();
  await checkBeforeSend(
    { completed: (o) => (options = o) },
    {
      readBody: async () => ({ type: 'html', content }),
      settings: new MemorySettings(),
      supports: () => true,
      promptUser: 'promptUser',
    },
  );
  return { ms: performance.now() - t, options: options! };
}

console.log(`Check at Send, cold each run, median and worst of ${RUNS} (budget ${SEND_BUDGET_MS} ms):`);
for (const [name, paragraphs] of [
  ['short email', SHORT],
  ['5,000-word email', LONG],
] as const) {
  const content = html(paragraphs);
  const times: number[] = [];
  let last: SendCompletedOptions | undefined;
  for (let i = 0; i < RUNS; i++) {
    const r = await once(content);
    times.push(r.ms);
    last = r.options;
  }
  console.log(
    `  ${name} (${words(paragraphs).toLocaleString('en-GB')} words, ${(content.length / 1024).toFixed(0)} KB of HTML): median ${ms(median(times))}, worst ${ms(max(times))}; ${last!.allowEvent ? 'sent' : 'held'}`,
  );
  if (max(times) > SEND_BUDGET_MS / 3) console.log(`  ! over a third of the budget`);
}

// What classic Outlook on Windows loads before the first check: the bundle, in a context with no DOM.
const out = join(mkdtempSync(join(tmpdir(), 'plain-send-bench-')), 'launchevent.js');
await buildLaunchEvent(out);
const code = readFileSync(out, 'utf8');
const loads: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t = performance.now();
  runInNewContext(code, { Office: { actions: { associate: () => {} } }, setTimeout, clearTimeout });
  loads.push(performance.now() - t);
}
console.log(
  `launchevent.js: ${(code.length / 1024).toFixed(0)} KB minified; loads in a fresh context in median ${ms(median(loads))}, worst ${ms(max(loads))}`,
);
