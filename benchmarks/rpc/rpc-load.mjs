// JSON-RPC load over WebSocket against one or more servers, printed as one table (bin/bench-rpc).
//   node rpc-load.mjs [--seconds S] [--warmup S] [--prime S] [--depth N] [--fraction F] [--connections 1,16]
//                     [--methods state_getStorage,chain_getHeader] [--json FILE] NAME=ws://HOST:PORT ...
// For every server, method and number of connections:
//  - peak: a closed loop, N requests in flight on each connection (pipelined; a response sends the
//    next request), for S seconds after a warm-up: requests per second, p50/p99 latency, and the
//    load generator's own CPU (near 100 %: the client, one Node.js thread, set the peak);
//  - half: an open loop at half that peak rate (--fraction of it), spread over the same connections, sent in ticks of
//    about 1 ms; latency counts from when each request was due (so a stalled server is not hidden by
//    a stalled client, and a late tick counts against the server); its p99 from the actual send is
//    shown too.
// Before measuring, each server gets --prime seconds of untimed load per method (the JIT's warm-up).
// The first response of each method is checked: state_getStorage must return a value, the same on
// every server.
import { writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import WebSocket from 'ws';

// System.Account(//Alice): twox128("System") ++ twox128("Account") ++ blake2_128(id) ++ id.
const ALICE_ACCOUNT =
  '0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9' +
  'de1e86a9a8c739864cf3cc5ec2bea59fd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
const PARAMS = { state_getStorage: [ALICE_ACCOUNT], chain_getHeader: [] };

function parseArgs(argv) {
  const o = {
    seconds: 5,
    warmup: 2,
    prime: 5,
    fraction: 0.5,
    depth: 32,
    connections: [1, 16],
    methods: ['state_getStorage', 'chain_getHeader'],
    json: null,
    servers: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const next = () => {
      if (i + 1 >= argv.length) throw new Error(`${a} needs a value`);
      return argv[++i];
    };
    if (a === '--seconds') o.seconds = Number(next());
    else if (a === '--warmup') o.warmup = Number(next());
    else if (a === '--prime') o.prime = Number(next());
    else if (a === '--fraction') o.fraction = Number(next());
    else if (a === '--depth') o.depth = Number(next());
    else if (a === '--connections') o.connections = next().split(',').map(Number);
    else if (a === '--methods') o.methods = next().split(',');
    else if (a === '--json') o.json = next();
    else if (/^[^=]+=wss?:\/\//.test(a)) {
      const eq = a.indexOf('=');
      o.servers.push({ name: a.slice(0, eq), url: a.slice(eq + 1) });
    } else throw new Error(`unknown argument ${a}`);
  }
  for (const m of o.methods) if (!(m in PARAMS)) throw new Error(`unsupported method ${m}`);
  if (o.servers.length === 0) throw new Error('no server given (NAME=ws://HOST:PORT)');
  return o;
}

function open(url) {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, maxPayload: 64 << 20 });
    ws.once('open', () => resolve(ws));
    ws.once('error', reject);
  });
}

/** One connection: sends requests, matches responses by id, reports each latency. */
class Conn {
  constructor(ws, method) {
    this.ws = ws;
    this.prefix = `{"jsonrpc":"2.0","method":"${method}","params":${JSON.stringify(PARAMS[method])},"id":`;
    this.nextId = 1;
    this.sentAt = new Map();
    this.onReply = () => {};
    this.errors = 0;
    this.firstReply = null;
    ws.on('message', (data) => {
      const s = data.toString();
      const at = s.indexOf('"id":');
      const id = parseInt(s.slice(at + 5), 10);
      const t0 = this.sentAt.get(id);
      if (t0 === undefined) return;
      this.sentAt.delete(id);
      if (s.includes('"error"')) this.errors++;
      if (this.firstReply === null) this.firstReply = s;
      const now = performance.now();
      this.onReply(now - t0.due, now - t0.sent);
    });
  }

  /** Sends one request; {@code due} is when it counts from (now unless it is late). */
  send(due = performance.now()) {
    const id = this.nextId++;
    this.sentAt.set(id, { due, sent: performance.now() });
    this.ws.send(this.prefix + id + '}');
  }

  inFlight() {
    return this.sentAt.size;
  }
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

function summary(latencies, seconds, errors) {
  const sorted = Float64Array.from(latencies).sort();
  return {
    requests: latencies.length,
    perSecond: latencies.length / seconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    errors,
  };
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function drain(conns) {
  for (let i = 0; i < 500 && conns.some((c) => c.inFlight() > 0); i++) await sleep(10);
}

/** Closed loop: depth requests in flight per connection; measures after the warm-up. */
async function peak(conns, depth, warmup, seconds) {
  let recording = false;
  let stopping = false;
  const latencies = [];
  for (const c of conns) {
    c.onReply = (ms) => {
      if (recording) latencies.push(ms);
      if (!stopping) c.send();
    };
  }
  for (const c of conns) for (let i = 0; i < depth; i++) c.send();
  await sleep(warmup * 1000);
  const errorsBefore = conns.reduce((n, c) => n + c.errors, 0);
  recording = true;
  const t0 = performance.now();
  const cpu0 = process.cpuUsage();
  await sleep(seconds * 1000);
  recording = false;
  const elapsed = (performance.now() - t0) / 1000;
  const cpu = process.cpuUsage(cpu0);
  stopping = true;
  await drain(conns);
  const result = summary(latencies, elapsed, conns.reduce((n, c) => n + c.errors, 0) - errorsBefore);
  // The load generator's own CPU (one thread): near 100 % means it, not the server, set the peak.
  result.clientCpu = (cpu.user + cpu.system) / 1e4 / elapsed;
  return result;
}

/** Open loop at {@code rate} requests per second, round-robin over the connections. */
async function paced(conns, rate, seconds) {
  const latencies = [];
  const fromSend = [];
  for (const c of conns) {
    c.onReply = (ms, sentMs) => {
      latencies.push(ms);
      fromSend.push(sentMs);
    };
  }
  const errorsBefore = conns.reduce((n, c) => n + c.errors, 0);
  const t0 = performance.now();
  const total = Math.floor(rate * seconds);
  let sent = 0;
  while (sent < total) {
    const now = performance.now();
    const due = Math.min(total, Math.floor(((now - t0) / 1000) * rate));
    while (sent < due) {
      conns[sent % conns.length].send(t0 + (sent * 1000) / rate);
      sent++;
    }
    await sleep(1); // ticks of about 1 ms: a busy loop would take a core from the server
  }
  await drain(conns);
  const elapsed = (performance.now() - t0) / 1000;
  const result = summary(latencies, Math.max(elapsed, seconds), conns.reduce((n, c) => n + c.errors, 0) - errorsBefore);
  // From the actual send: without the client's own lateness (a late tick), for comparison.
  result.p99FromSend = summary(fromSend, 1, 0).p99;
  return result;
}

async function measure(server, method, connections, o) {
  const sockets = await Promise.all(Array.from({ length: connections }, () => open(server.url)));
  const conns = sockets.map((ws) => new Conn(ws, method));
  try {
    const top = await peak(conns, o.depth, o.warmup, o.seconds);
    const half = await paced(conns, top.perSecond * o.fraction, o.seconds);
    const first = conns.find((c) => c.firstReply !== null)?.firstReply ?? null;
    return { server: server.name, method, connections, peak: top, half, first };
  } finally {
    for (const ws of sockets) ws.terminate();
  }
}

function check(results) {
  const problems = [];
  const storage = new Map();
  for (const r of results) {
    const reply = r.first === null ? null : JSON.parse(r.first);
    if (reply === null || reply.error || reply.result === null || reply.result === undefined) {
      problems.push(`${r.server} ${r.method}: no result (${r.first})`);
    } else if (r.method === 'state_getStorage') {
      storage.set(r.server, reply.result);
    }
    if (r.peak.errors + r.half.errors > 0) {
      problems.push(`${r.server} ${r.method} x${r.connections}: ${r.peak.errors + r.half.errors} error replies`);
    }
  }
  if (new Set(storage.values()).size > 1) {
    problems.push(`state_getStorage differs between servers: ${JSON.stringify(Object.fromEntries(storage))}`);
  }
  return problems;
}

function table(results, servers, fraction) {
  const at = fraction === 0.5 ? 'half' : `${fraction}×peak`;
  const f = (x, d = 0) => (Number.isFinite(x) ? x.toFixed(d) : '-');
  const lines = [
    `| method | connections | server | peak req/s | p50 ms | p99 ms | client CPU | ${at} req/s | ${at} p50 ms | ` +
      `${at} p99 ms | ${at} p99 from send | vs ${servers[servers.length - 1].name} |`,
    '|---|---|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const r of results) {
    const base = results.find(
      (x) => x.method === r.method && x.connections === r.connections && x.server === servers[servers.length - 1].name,
    );
    lines.push(
      `| ${r.method} | ${r.connections} | ${r.server} | ${f(r.peak.perSecond)} | ${f(r.peak.p50, 2)} | ${f(r.peak.p99, 2)} | ${f(r.peak.clientCpu)} % | ` +
        `${f(r.half.perSecond)} | ${f(r.half.p50, 2)} | ${f(r.half.p99, 2)} | ${f(r.half.p99FromSend, 2)} | ${f(r.peak.perSecond / base.peak.perSecond, 1)}x |`,
    );
  }
  return lines.join('\n');
}

const o = parseArgs(process.argv.slice(2));
for (const server of o.servers) {
  for (const method of o.methods) {
    process.stderr.write(`rpc-load: priming ${server.name} with ${method} for ${o.prime} s\n`);
    const sockets = await Promise.all(Array.from({ length: 4 }, () => open(server.url)));
    await peak(sockets.map((ws) => new Conn(ws, method)), o.depth, o.prime, 0);
    for (const ws of sockets) ws.terminate();
  }
}
const results = [];
for (const method of o.methods) {
  for (const connections of o.connections) {
    for (const server of o.servers) {
      process.stderr.write(`rpc-load: ${server.name} ${method} over ${connections} connection(s)\n`);
      results.push(await measure(server, method, connections, o));
    }
  }
}
console.log(table(results, o.servers, o.fraction));
const problems = check(results);
for (const p of problems) console.error(`rpc-load: ${p}`);
if (o.json) writeFileSync(o.json, JSON.stringify({ options: o, results }, null, 2));
process.exit(problems.length === 0 ? 0 : 1);
