/** What every analysis of any text must satisfy; the fuzz and complexity suites check it on every result. */
import type { Analysis } from '../../src/engine/index.js';

const isHigh = (c: number) => c >= 0xd800 && c <= 0xdbff;
const isLow = (c: number) => c >= 0xdc00 && c <= 0xdfff;

/** True when `at` falls between the two halves of a surrogate pair. */
export function splitsPair(text: string, at: number): boolean {
  return at > 0 && at < text.length && isHigh(text.charCodeAt(at - 1)) && isLow(text.charCodeAt(at));
}

/** Throws (with the first problem) unless `result` is a sound analysis of `text`. */
export function checkAnalysis(text: string, result: Analysis): void {
  const fail = (why: string) => {
    throw new Error(`${why} (text of ${text.length} characters: ${JSON.stringify(text.slice(0, 60))}…)`);
  };
  for (const f of result.findings) {
    if (!Number.isInteger(f.start) || !Number.isInteger(f.end))
      fail(`offsets of ${JSON.stringify(f.text)} are not whole`);
    if (f.start < 0 || f.end > text.length || f.start >= f.end)
      fail(`finding ${JSON.stringify(f.text)} at ${f.start}–${f.end} is out of range`);
    if (text.slice(f.start, f.end) !== f.text) fail(`offsets of ${JSON.stringify(f.text)} at ${f.start} do not match`);
    if (splitsPair(text, f.start) || splitsPair(text, f.end))
      fail(`finding at ${f.start}–${f.end} splits a surrogate pair`);
    if (!f.message) fail(`finding ${JSON.stringify(f.text)} has no message`);
  }
  for (let i = 1; i < result.findings.length; i++) {
    if (result.findings[i].start < result.findings[i - 1].start) fail('findings are not in text order');
  }
  const all = [result.readability, ...result.paragraphs.map((p) => p.readability)];
  for (const r of all) {
    for (const [key, value] of Object.entries(r)) if (!Number.isFinite(value)) fail(`readability ${key} is ${value}`);
  }
  let previous = 0;
  for (const p of result.paragraphs) {
    if (p.start < previous || p.end > text.length || p.start >= p.end)
      fail(`paragraph ${p.start}–${p.end} is out of place`);
    previous = p.end;
  }
}
