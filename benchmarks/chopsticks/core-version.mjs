// Chopsticks' executor on the CoreVersionBenchmark fixture runtimes: the time its
// get_runtime_version (smoldot, wasmi) takes on a runtime it has never seen.
//
//   node core-version.mjs [--json FILE] FIXTURES_DIR [RUNTIME...]   (RUNTIME as in CoreVersionBenchmark)
//
// One process per call of this script; each runtime is measured `BASALT_CHOPSTICKS_RUNS` times
// (default 5). The executor keeps nothing between calls, so every call is a cold one; the first
// call of the process also pays V8's first compilation of the executor itself. Prints one line per
// runtime: `chopsticks RUNTIME first=… min=… median=… ms`; with --json, also writes
// [{runtime, specName, specVersion, ms: [...]}] to FILE.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';

const DEFAULT_RUNTIMES = [
  'spec:kusama.json',
  'spec:westend.json',
  'spec:node-template-local.json',
  'spec:westend-dev.json',
  'spec:rococo-dev.json',
  'wasm/sub2dev.wasm',
  'wasm/polkadot-runtime-v9160.wasm.zstd',
  'wasm/westend-runtime-v9300.wasm',
];

const argv = process.argv.slice(2);
let jsonFile;
if (argv[0] === '--json') {
  jsonFile = argv[1];
  argv.splice(0, 2);
}
const [fixtures, ...requested] = argv;
if (!fixtures) {
  console.error('usage: node core-version.mjs [--json FILE] FIXTURES_DIR [RUNTIME...]');
  process.exit(2);
}
const runs = Number(process.env.BASALT_CHOPSTICKS_RUNS ?? 5);

function codeHex(runtime) {
  if (runtime.startsWith('spec:')) {
    const spec = JSON.parse(readFileSync(join(fixtures, 'chainspecs', runtime.slice(5)), 'utf8'));
    const code = spec.genesis.raw.top['0x3a636f6465'];
    if (!code) throw new Error(`${runtime} has no :code`);
    return code;
  }
  return '0x' + readFileSync(join(fixtures, runtime)).toString('hex');
}

/** smoldot reports the spec name as hex of its UTF-8 bytes. */
function text(hex) {
  return /^0x([0-9a-f]{2})*$/i.test(hex) ? Buffer.from(hex.slice(2), 'hex').toString('utf8') : hex;
}

const loadStart = performance.now();
const { get_runtime_version } = await import('@acala-network/chopsticks-executor');
console.log(`chopsticks executor loaded in ${(performance.now() - loadStart).toFixed(1)} ms`);

const results = [];
for (const runtime of requested.length > 0 ? requested : DEFAULT_RUNTIMES) {
  const code = codeHex(runtime);
  const times = [];
  let version;
  for (let i = 0; i < runs; i++) {
    const start = performance.now();
    version = await get_runtime_version(code);
    times.push(performance.now() - start);
  }
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  console.log(
    `chopsticks ${runtime} ${text(version.specName)}/${version.specVersion}` +
      ` first=${times[0].toFixed(1)} min=${sorted[0].toFixed(1)} median=${median.toFixed(1)} ms`,
  );
  results.push({
    runtime,
    specName: text(version.specName),
    specVersion: version.specVersion,
    ms: times,
  });
}
if (jsonFile) {
  writeFileSync(jsonFile, JSON.stringify(results, null, 2));
}
