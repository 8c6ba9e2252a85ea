/**
 * A fixed amount of keystroke work, for counting instructions (valgrind's callgrind does not mind
 * the machine's load): `node --single-threaded` over the bundle of this file, then a run less the
 * same run with fewer rounds is the cost of those rounds. Bundle first, so tsx is not counted:
 *   npx esbuild bench/keystroke-count.ts --bundle --platform=node --format=esm --packages=external --outfile=.output/kc.mjs
 *   valgrind --tool=callgrind --callgrind-out-file=/dev/null node --single-threaded .output/kc.mjs keys 10
 * Modes: `keys N` types the benchmark email's ~200 characters N times (a fresh analyser each round,
 * the email before the typing analysed first, untimed in the difference with `setup N`); `corpus N`
 * analyses the seed corpus N times with a fresh analyser. Three warm-up rounds come first (of the corpus
 * too with WARM_CORPUS=1). Compiling is most of what varies from run to run: read the counts with
 * `--predictable --hash-seed=1 --random-seed=1` and compare the code's own instructions, not V8's compiler's.
 */
import './lib/packs.js';
import { createAnalyser } from '../src/engine/index.js';
import { keystrokeTexts } from './lib/email.js';
import { loadCorpus } from './lib/corpus.js';

const [mode = 'keys', n = '0'] = process.argv.slice(2);
const rounds = Number(n);
const { before, states } = keystrokeTexts();
const { text: corpus } = loadCorpus();

let sink = 0;
function typing(keys: boolean) {
  const a = createAnalyser();
  sink += a.analyse(before).findings.length;
  if (keys) for (const s of states) sink += a.analyse(s).findings.length;
}
for (let w = 0; w < 3; w++) {
  typing(true);
  if (mode === 'corpus' || process.env.WARM_CORPUS === '1') sink += createAnalyser().analyse(corpus).findings.length;
}
for (let r = 0; r < rounds; r++) {
  if (mode === 'keys') typing(true);
  else if (mode === 'setup') typing(false);
  else if (mode === 'corpus') sink += createAnalyser().analyse(corpus).findings.length;
}
process.stdout.write(`${mode} ${rounds}: ${sink} (${states.length} keystrokes a round)\n`);
