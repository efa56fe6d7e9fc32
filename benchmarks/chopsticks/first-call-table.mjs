// Prints one table from a JMH JSON result of CoreVersionBenchmark.firstCall/firstVersion and the
// JSON of core-version.mjs (bin/bench-first-call runs all three):
//   node first-call-table.mjs JMH_JSON CHOPSTICKS_JSON
// Each cell is the median and the range (min–max) of the single-shot times, in milliseconds.
import { readFileSync } from 'node:fs';

const [jmhFile, chopsticksFile] = process.argv.slice(2);
const jmh = JSON.parse(readFileSync(jmhFile, 'utf8'));
const chopsticks = JSON.parse(readFileSync(chopsticksFile, 'utf8'));

function cell(times) {
  if (!times || times.length === 0) return '–';
  const s = [...times].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)];
  return `${median.toFixed(0)} (${s[0].toFixed(0)}–${s[s.length - 1].toFixed(0)})`;
}

const columns = [
  ['chopsticks', 'Chopsticks get_runtime_version'],
  ['firstVersion/tiered', 'Basalt version(), tiered'],
  ['firstCall/tiered', 'Basalt Core_version, tiered'],
  ['firstCall/interpreted', 'Basalt Core_version, interpreted'],
  ['firstCall/compiled', 'Basalt Core_version, compiled-only'],
];
const rows = new Map();
function row(runtime) {
  if (!rows.has(runtime)) rows.set(runtime, {});
  return rows.get(runtime);
}
for (const c of chopsticks) {
  row(c.runtime).chopsticks = c.ms;
}
for (const r of jmh) {
  const method = r.benchmark.replace(/.*\./, '');
  const times = r.primaryMetric.rawData.flat();
  row(r.params.runtime)[`${method}/${r.params.start}`] = times;
}

console.log(`| runtime | ${columns.map(([, title]) => title).join(' | ')} |`);
console.log(`|---|${columns.map(() => '---').join('|')}|`);
for (const [runtime, values] of rows) {
  console.log(`| ${runtime} | ${columns.map(([key]) => cell(values[key])).join(' | ')} |`);
}
console.log('\nms: median (min–max) of the single-shot runs.');
