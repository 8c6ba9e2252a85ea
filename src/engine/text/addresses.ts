/** Email and web addresses: a word inside one ("senco@school.sch.uk", "www.send.org") is part of an address. */

/** Furthest we look either side of a word for the rest of its address; an address is shorter. */
const REACH = 120;

const isSpace = (c: number) => c === 32 || c === 9 || c === 10 || c === 13 || c === 160;

/**
 * `text[start, end)` sits in an email or web address: the run of characters without a space around
 * it holds "@", "://" or starts with "www.". Looks at most {@link REACH} characters each side.
 */
export function inAddress(text: string, start: number, end: number): boolean {
  const before = text.charCodeAt(start - 1);
  const after = text.charCodeAt(end);
  // A word between spaces or ordinary punctuation is never part of an address.
  const joined = (c: number) => c === 64 || c === 46 || c === 47 || c === 45 || c === 95;
  if (!joined(before) && !joined(after)) return false;
  let from = start;
  while (from > 0 && start - from < REACH && !isSpace(text.charCodeAt(from - 1))) from--;
  let to = end;
  while (to < text.length && to - end < REACH && !isSpace(text.charCodeAt(to))) to++;
  const run = text.slice(from, to);
  return run.includes('@') || run.includes('://') || /^[("'[<]?www\./i.test(run);
}
