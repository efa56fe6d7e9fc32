// SPDX-License-Identifier: Apache-2.0
// polkadot.js 16.5.6 against a running Basalt dev node over the legacy JSON-RPC API (WebSocket):
// connects and decodes the metadata, reads System.Account(//Alice), follows new and finalized
// heads until each has advanced twice, quotes the fee of balances.transferKeepAlive(//Bob, 1 UNIT)
// (paymentInfo and payment_queryInfo), signs and submits it with @polkadot/keyring and follows it to finality.
//
// node dev-chain.mjs ws://127.0.0.1:PORT
//
// Prints one line per step, "<step> <JSON>", for the Java test to check; exits non-zero (with the
// reason on stderr) if a step fails or takes longer than two minutes.
import { ApiPromise, WsProvider } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';

const url = process.argv[2];
const STEP_TIMEOUT_MS = 120_000;

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

/** The numbers of the first `count` headers a subscription delivers. */
async function heads(subscribe, count) {
  const numbers = [];
  let unsubscribe;
  await withTimeout(
    new Promise((resolve, reject) => {
      subscribe((header) => {
        numbers.push(header.number.toNumber());
        if (numbers.length === count) {
          resolve();
        }
      })
        .then((u) => {
          unsubscribe = u;
        })
        .catch(reject);
    }),
    'heads',
  );
  unsubscribe();
  return numbers;
}

/** The fee and outcome events of an extrinsic in a block. */
async function outcome(api, blockHash, extrinsicHash) {
  const block = await api.rpc.chain.getBlock(blockHash);
  const index = block.block.extrinsics.findIndex((x) => x.hash.toHex() === extrinsicHash);
  const events = (await api.query.system.events.at(blockHash)).filter(
    ({ phase }) => phase.isApplyExtrinsic && phase.asApplyExtrinsic.toNumber() === index,
  );
  const feePaid = events.find(({ event }) => api.events.transactionPayment.TransactionFeePaid.is(event));
  return {
    index,
    feePaid: feePaid ? feePaid.event.data.actualFee.toString() : null,
    success: events.some(({ event }) => api.events.system.ExtrinsicSuccess.is(event)),
  };
}

function signAndSend(api, tx, signer) {
  const statuses = [];
  return new Promise((resolve, reject) => {
    tx.signAndSend(signer, ({ status }) => {
      statuses.push(status.type);
      if (status.isFinalized) {
        const block = status.asFinalized.toHex();
        outcome(api, block, tx.hash.toHex())
          .then((o) => resolve({ statuses, finalized: block, ...o }))
          .catch(reject);
      }
      if (status.isInvalid || status.isDropped || status.isUsurped) {
        reject(new Error(`transfer ${status.type}`));
      }
    }).catch(reject);
  });
}

function watch(api, tx) {
  const statuses = [];
  return new Promise((resolve, reject) => {
    let inBlock;
    api.rpc.author
      .submitAndWatchExtrinsic(tx, (status) => {
        statuses.push(status.type);
        if (status.isInBlock) {
          inBlock = status.asInBlock.toHex();
        }
        if (status.isFinalized) {
          const finalized = status.asFinalized.toHex();
          outcome(api, finalized, tx.hash.toHex())
            .then((o) => resolve({ statuses, inBlock, finalized, ...o }))
            .catch(reject);
        }
      })
      .catch(reject);
  });
}

async function main() {
  await cryptoWaitReady();
  const provider = new WsProvider(url, 0);
  await withTimeout(provider.connect(), 'connect');
  const api = await withTimeout(ApiPromise.create({ provider, noInitWarn: true }), 'ApiPromise.create');
  report('metadata', {
    version: api.runtimeMetadata.version,
    pallets: api.runtimeMetadata.asLatest.pallets.map((p) => p.name.toString()),
    specName: api.runtimeVersion.specName.toString(),
    specVersion: api.runtimeVersion.specVersion.toNumber(),
    chain: (await api.rpc.system.chain()).toString(),
  });

  const keyring = new Keyring({ type: 'sr25519', ss58Format: 42 });
  const alice = keyring.addFromUri('//Alice');
  const bob = keyring.addFromUri('//Bob');
  const before = await api.query.system.account(alice.address);
  report('alice', { nonce: before.nonce.toNumber(), free: before.data.free.toString() });

  report('newHeads', await heads((cb) => api.rpc.chain.subscribeNewHeads(cb), 3));
  report('finalizedHeads', await heads((cb) => api.rpc.chain.subscribeFinalizedHeads(cb), 3));

  const amount = 10n ** 12n;
  const tx = api.tx.balances.transferKeepAlive(bob.address, amount);
  const info = await withTimeout(tx.paymentInfo(alice), 'paymentInfo');
  report('paymentInfo', {
    partialFee: info.partialFee.toString(),
    class: info.class.toString(),
    refTime: info.weight.refTime.toString(),
  });

  // The same quote through the payment_queryInfo RPC, for a signed copy of the transfer.
  const quoted = await api.tx.balances.transferKeepAlive(bob.address, amount).signAsync(alice);
  const queried = await withTimeout(api.rpc.payment.queryInfo(quoted.toHex()), 'payment_queryInfo');
  report('queryInfo', { partialFee: queried.partialFee.toString(), class: queried.class.toString() });

  // signAndSend, as wallets do. polkadot.js reports the statuses it had time to decorate with
  // the block's events: on a dev chain that finalizes each block at once, the finalized status
  // may supersede the in-block one.
  report('signAndSend', await withTimeout(signAndSend(api, tx, alice), 'signAndSend'));

  // The raw status stream of author_submitAndWatchExtrinsic, decoded by polkadot.js.
  const second = await api.tx.balances.transferKeepAlive(bob.address, amount).signAsync(alice);
  report('watch', await withTimeout(watch(api, second), 'submitAndWatchExtrinsic'));

  const after = await api.query.system.account(alice.address);
  report('after', { nonce: after.nonce.toNumber(), free: after.data.free.toString() });
  await api.disconnect();
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error.stack || String(error));
    process.exit(1);
  },
);
