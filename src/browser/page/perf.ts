/** The attribute a benchmark sets on <html> to ask for timing marks (performance.measure); never set otherwise. */
export const PERF_ATTRIBUTE = 'data-plain-send-perf';
