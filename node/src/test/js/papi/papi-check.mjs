// Drives a Basalt dev node with polkadot-api 2.2.2 over the new JSON-RPC spec only:
//   node papi-check.mjs ws://127.0.0.1:<port>
// Prints one "key value" line per check; exits non-zero on the first failure.
import { createClient } from "polkadot-api";
import { getWsProvider, getWsRawProvider } from "polkadot-api/ws";
import { getPolkadotSigner } from "polkadot-api/signer";
import { toHex } from "polkadot-api/utils";
import { sr25519CreateDerive } from "@polkadot-labs/hdkd";
import {
  DEV_PHRASE,
  entropyToMiniSecret,
  mnemonicToEntropy,
  ss58Address,
} from "@polkadot-labs/hdkd-helpers";
import WebSocketClass from "ws";

const url = process.argv[2];
if (!url) {
  console.error("usage: node papi-check.mjs ws://127.0.0.1:<port>");
  process.exit(2);
}
const WebSocket = globalThis.WebSocket ?? WebSocketClass;
const UNIT = 10n ** 12n;
const seen = new Set();

/** Remembers the JSON-RPC methods the client sends, to prove which API it used. */
const recording = (provider) => (onMessage) => {
  const connection = provider(onMessage);
  return {
    send(message) {
      seen.add(message.method);
      connection.send(message);
    },
    disconnect: () => connection.disconnect(),
  };
};

const withTimeout = (promise, what, ms = 90_000) =>
  Promise.race([
    promise,
    new Promise((_, reject) => setTimeout(() => reject(new Error(`timed out: ${what}`)), ms)),
  ]);

/** The first value of an observable that passes a test. */
const first = (observable, test, what) =>
  withTimeout(
    new Promise((resolve, reject) => {
      const sub = observable.subscribe({
        next(value) {
          if (test(value)) {
            queueMicrotask(() => sub.unsubscribe());
            resolve(value);
          }
        },
        error: reject,
      });
    }),
    what,
  );

/** Submits a signed transaction with transactionWatch_v1 and collects its events to the last. */
function watch(transaction) {
  return withTimeout(
    new Promise((resolve, reject) => {
      const events = [];
      let subscription;
      const connection = getWsRawProvider(url, { websocketClass: WebSocket })((message) => {
        if (message.id === 1) {
          if (message.error) reject(new Error(JSON.stringify(message.error)));
          subscription = message.result;
          return;
        }
        if (message.method !== "transactionWatch_v1_watchEvent") return;
        if (message.params.subscription !== subscription) return;
        const event = message.params.result;
        events.push(event);
        if (["finalized", "invalid", "dropped", "error"].includes(event.event)) {
          connection.disconnect();
          resolve(events);
        }
      });
      connection.send({
        jsonrpc: "2.0",
        id: 1,
        method: "transactionWatch_v1_submitAndWatch",
        params: [transaction],
      });
    }),
    "transactionWatch_v1 to finality",
  );
}

const client = createClient(recording(getWsProvider(url, { websocketClass: WebSocket })));
try {
  const spec = await withTimeout(client.getChainSpecData(), "chainSpec_v1");
  console.log(`chain ${spec.name}`);
  console.log(`genesis ${spec.genesisHash}`);
  console.log(`tokenSymbol ${spec.properties.tokenSymbol}`);

  const start = await first(client.finalizedBlock$, () => true, "a finalized block");
  const later = await first(
    client.finalizedBlock$,
    (block) => block.number > start.number,
    "finality advancing",
  );
  console.log(`finalized ${start.number} ${later.number}`);

  const api = client.getUnsafeApi();
  const derive = sr25519CreateDerive(entropyToMiniSecret(mnemonicToEntropy(DEV_PHRASE)));
  const alice = derive("//Alice");
  const bob = derive("//Bob");
  const ALICE = ss58Address(alice.publicKey);
  const BOB = ss58Address(bob.publicKey);
  const aliceAccount = await api.query.System.Account.getValue(ALICE);
  console.log(`alice ${ALICE} free ${aliceAccount.data.free}`);

  const signer = getPolkadotSigner(alice.publicKey, "Sr25519", alice.sign);
  const before = (await api.query.System.Account.getValue(BOB)).data.free;
  // sign() gives the extrinsic's bytes; the raw JSON-RPC call wants them as hex.
  const signed = toHex(await api.tx.Balances.transfer_keep_alive({
    dest: { type: "Id", value: BOB },
    value: UNIT,
  }).sign(signer));
  const events = await watch(signed);
  console.log(`watch ${events.map((e) => e.event).join(",")}`);
  const final = events[events.length - 1];
  if (final.event !== "finalized") throw new Error(`the transfer ended ${JSON.stringify(final)}`);
  console.log(`finalizedIn ${final.block.hash} index ${final.block.index}`);
  await first(
    client.finalizedBlock$,
    (block) => block.hash === final.block.hash || block.number > later.number + 50,
    "the transfer's block finalized for the client",
  );
  const after = (await api.query.System.Account.getValue(BOB, { at: final.block.hash })).data.free;
  console.log(`bobReceived ${after - before}`);

  const submitted = await withTimeout(
    api.tx.Balances.transfer_keep_alive({ dest: { type: "Id", value: BOB }, value: 2n * UNIT })
      .signAndSubmit(signer),
    "signAndSubmit to finality",
  );
  console.log(`papiSubmit ok ${submitted.ok} block ${submitted.block.number}`);
  const legacy = [...seen].filter((m) => !/^(chainHead|chainSpec|transaction|archive)_v1_|^rpc_methods$/.test(m));
  console.log(`methods ${[...seen].sort().join(",")}`);
  if (legacy.length) throw new Error(`used methods outside the new spec: ${legacy.join(",")}`);
} catch (e) {
  console.error(`FAILED ${e.stack ?? e}`);
  process.exitCode = 1;
} finally {
  client.destroy();
}
process.exit(process.exitCode ?? 0);
