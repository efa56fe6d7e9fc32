// smoldot (light client) following a Basalt node that is its only boot node.
// Usage: node follow-basalt.mjs <chain spec path> <bootnode multiaddr> <storage key hex> [min finalized]
// Prints "<step> <JSON>" lines: finalized (a finalized head smoldot verified), storage (a value
// smoldot read at that block through Basalt's /light/2 proofs). On failure, smoldot's log follows.
import { readFileSync } from 'node:fs';
import * as smoldot from 'smoldot';

const [specPath, bootnode, storageKey, minFinalizedArg] = process.argv.slice(2);
const minFinalized = Number(minFinalizedArg ?? '1');
const logs = [];
const verbose = process.env.SMOLDOT_VERBOSE === '1';

const spec = JSON.parse(readFileSync(specPath, 'utf8'));
spec.bootNodes = [bootnode];

const client = smoldot.start({
  maxLogLevel: 4,
  logCallback: (level, target, message) => {
    const line = `[${level}] ${target}: ${message}`;
    logs.push(line);
    if (verbose) console.error(line);
  },
});

let nextId = 1;
const pending = new Map();
const subscriptions = new Map();
const early = new Map();

async function pump(chain) {
  for (;;) {
    let text;
    try {
      text = await chain.nextJsonRpcResponse();
    } catch (e) {
      return;
    }
    const message = JSON.parse(text);
    if (message.id !== undefined && pending.has(message.id)) {
      const { resolve, reject } = pending.get(message.id);
      pending.delete(message.id);
      if (message.error) reject(new Error(`${JSON.stringify(message.error)}`));
      else resolve(message.result);
    } else if (message.params?.subscription !== undefined) {
      const sub = message.params.subscription;
      const handler = subscriptions.get(sub);
      if (handler) handler(message.params.result);
      else {
        if (!early.has(sub)) early.set(sub, []);
        early.get(sub).push(message.params.result);
      }
    }
  }
}

function call(chain, method, params) {
  const id = nextId++;
  return new Promise((resolve, reject) => {
    pending.set(id, { resolve, reject });
    chain.sendJsonRpc(JSON.stringify({ jsonrpc: '2.0', id, method, params }));
  });
}

function subscribe(id, handler) {
  subscriptions.set(id, handler);
  for (const result of early.get(id) ?? []) handler(result);
  early.delete(id);
}

async function main() {
  const chain = await client.addChain({ chainSpec: JSON.stringify(spec) });
  pump(chain);
  await new Promise(async (resolve, reject) => {
    try {
      const sub = await call(chain, 'chain_subscribeFinalizedHeads', []);
      subscribe(sub, (header) => {
        const number = parseInt(header.number, 16);
        console.error(`smoldot finalized #${number}`);
        if (number >= minFinalized) resolve(header);
      });
    } catch (e) {
      reject(e);
    }
  });
  const hash = await call(chain, 'chain_getFinalizedHead', []);
  const header = await call(chain, 'chain_getHeader', [hash]);
  const number = parseInt(header.number, 16);
  console.log(`finalized ${JSON.stringify({ number, hash })}`);
  const value = await call(chain, 'state_getStorage', [storageKey, hash]);
  console.log(`storage ${JSON.stringify({ hash, value })}`);
}

const timeout = setTimeout(() => {
  console.log('timed out');
  console.log(logs.slice(-400).join('\n'));
  process.exit(2);
}, Number(process.env.SMOLDOT_TIMEOUT_MS ?? '240000'));

main()
  .then(() => {
    clearTimeout(timeout);
    if (verbose) console.log(logs.slice(-400).join('\n'));
    client.terminate().finally(() => process.exit(0));
  })
  .catch((e) => {
    clearTimeout(timeout);
    console.log(`failed: ${e.stack ?? e}`);
    console.log(logs.slice(-400).join('\n'));
    process.exit(1);
  });
