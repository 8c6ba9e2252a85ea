/**
 * Jobs run one after another, each to its end before the next starts. Checks that wait on one
 * promise (the settings, read once as the worker starts) would otherwise all go on at once: the
 * engine would work out every one before the first answer was sent.
 */
export function inTurn(): (job: () => Promise<void>) => Promise<void> {
  let last: Promise<void> = Promise.resolve();
  return (job) => (last = last.then(job, job));
}
