// SPDX-License-Identifier: Apache-2.0
// polkadot.js 16.5.6 against a Basalt node authoring a real chain (Aura or BABE, finalized by
// GRANDPA): reads the runtime version, waits until the finalized head has advanced, transfers
// 1,000,000,000 planck from //Alice to //Bob with balances.transferKeepAlive and follows it to
// finality, then reads //Bob's free balance before and after at the finalized blocks.
//
// node real-chain-transfer.mjs ws://127.0.0.1:PORT
//
// Prints one line per step, "<step> <JSON>", for the Java test to check; exits non-zero (with the
// reason on stderr) if a step fails or takes longer than three minutes.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const url = process.argv[2];
const STEP_TIMEOUT_MS = 180_000;
const AMOUNT = 1_000_000_000n;

function report(step, value) {
  console.log(`${step} ${JSON.stringify(value)}`);
}

function withTimeout(promise, what) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer within ${STEP_TIMEOUT_MS} ms`)), STEP_TIMEOUT_MS);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** Resolves with the number of the first finalized head above `above`. */
function finalizedAbove(api, above) {
  let unsubscribe;
  return withTimeout(
    new Promise((resolve, reject) => {
      api.rpc.chain
        .subscribeFinalizedHeads((header) => {
          const n = header.number.toNumber();
          if (n > above) {
            resolve(n);
          }
        })
        .then((u) => {
          unsubscribe = u;
        })
        .catch(reject);
    }),
    'finalized heads',
  ).finally(() => unsubscribe && unsubscribe());
}

function sendToFinality(api, tx, signer) {
  const statuses = [];
  return withTimeout(
    new Promise((resolve, reject) => {
      tx.signAndSend(signer, ({ status, events }) => {
        statuses.push(status.type);
        if (status.isFinalized) {
          resolve({
            statuses,
            finalized: status.asFinalized.toHex(),
            success: events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)),
          });
        }
        if (status.isInvalid || status.isDropped || status.isUsurped) {
          reject(new Error(`transfer ${status.type}`));
        }
      }).catch(reject);
    }),
    'transfer',
  );
}

async function main() {
  await cryptoWaitReady();
  const provider = new WsProvider(url, 0);
  await withTimeout(provider.connect(), 'connect');
  const api = await withTimeout(ApiPromise.create({ provider, noInitWarn: true }), 'ApiPromise.create');
  report('runtime', {
    specName: api.runtimeVersion.specName.toString(),
    specVersion: api.runtimeVersion.specVersion.toNumber(),
  });
  const first = await finalizedAbove(api, 0);
  report('finalizedAdvanced', { number: first });

  const keyring = new Keyring({ type: 'sr25519' });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const before = (await api.query.system.account(bob.address)).data.free.toBigInt();
  const sent = await sendToFinality(api, api.tx.balances.transferKeepAlive(bob.address, AMOUNT), alice);
  const after = (await api.query.system.account.at(sent.finalized, bob.address)).data.free.toBigInt();
  report('transfer', { ...sent, bobBefore: before.toString(), bobAfter: after.toString() });
  await api.disconnect();
}

main().then(
  () => process.exit(0),
  (e) => {
    console.error(e.stack || String(e));
    process.exit(1);
  },
);
