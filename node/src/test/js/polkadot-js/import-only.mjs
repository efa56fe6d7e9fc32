// SPDX-License-Identifier: Apache-2.0
// polkadot.js 16.5.6 against a Basalt node that only imports (--consensus none) a fixture chain:
// connects, decodes the runtime's metadata, and reads storage items through the decoded metadata
// (System.Number, Balances.TotalIssuance, Sudo.Key and System.Account of the sudo key), and
// follows the new and finalized heads.
//
// node import-only.mjs ws://127.0.0.1:PORT
//
// Prints "<step> <JSON>" lines for the Java test; exits non-zero on failure or after five minutes.
import { ApiPromise, WsProvider } from '@polkadot/api';

const url = process.argv[2];
const TIMEOUT_MS = 300_000;

function report(step, value) {
  console.log(`${step} ${JSON.stringify(value)}`);
}

async function main() {
  const provider = new WsProvider(url, 0);
  await provider.connect();
  const api = await ApiPromise.create({ provider, noInitWarn: true });
  report('metadata', {
    version: api.runtimeMetadata.version,
    pallets: api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString()),
    specName: api.runtimeVersion.specName.toString(),
    specVersion: api.runtimeVersion.specVersion.toNumber(),
    genesisHash: api.genesisHash.toHex(),
  });
  // Sudo.Key is an Option in recent runtimes, a plain AccountId in older ones.
  const key = await api.query.sudo.key();
  const sudo = typeof key.unwrapOr === 'function' ? key.unwrapOr(null) : key;
  report('storage', {
    number: (await api.query.system.number()).toNumber(),
    totalIssuance: (await api.query.balances.totalIssuance()).toString(),
    sudo: sudo === null ? null : sudo.toString(),
    sudoFree: sudo === null ? null : (await api.query.system.account(sudo)).data.free.toString(),
  });
  // An import-only node has one block: both head subscriptions start with it.
  const first = (subscribe) =>
    new Promise((resolve, reject) => {
      subscribe((header) => resolve({ number: header.number.toNumber(), hash: header.hash.toHex() })).catch(reject);
    });
  report('heads', {
    best: await first((cb) => api.rpc.chain.subscribeNewHeads(cb)),
    finalized: await first((cb) => api.rpc.chain.subscribeFinalizedHeads(cb)),
  });
  await api.disconnect();
}

const timer = setTimeout(() => {
  console.error(`no result within ${TIMEOUT_MS} ms`);
  process.exit(1);
}, TIMEOUT_MS);
main().then(
  () => {
    clearTimeout(timer);
    process.exit(0);
  },
  (error) => {
    console.error(error.stack || String(error));
    process.exit(1);
  },
);
