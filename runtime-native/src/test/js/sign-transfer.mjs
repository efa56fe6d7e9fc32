// SPDX-License-Identifier: Apache-2.0
// Offline polkadot.js wallet for basalt-demo: decodes the runtime's metadata with @polkadot/api
// (ApiPromise over an in-process provider that answers the few RPCs the API asks at start-up),
// builds balances.transferKeepAlive(Bob, amount) for //Alice (sr25519), signs it and prints the
// extrinsic as hex (last line; the line before it is the runtime version the API decoded, as JSON
// after "runtime-version "). No network.
//
// The runtime's own answers come from --runtime FILE, a JSON object mapping "Method:0xinput" to
// the hex output the runtime under test returned: Core_version:0x, Metadata_metadata:0x,
// Metadata_metadata_versions:0x and Metadata_metadata_at_version:0x<u32le>. The RPCs
// state_getRuntimeVersion, state_getMetadata and state_call are answered from it, so a runtime
// whose version, API list or metadata drifted is what polkadot.js sees.
//
// node sign-transfer.mjs --runtime FILE --metadata-version 14|15 --genesis 0x.. --spec 100
//   --nonce 0 --amount 1000000000000 [--era immortal | --era PERIOD --block-hash 0x.. --block-number N]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApiPromise } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { TypeRegistry } from '@polkadot/types';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { hexToU8a, u8aToHex } from '@polkadot/util';

const { values: args } = parseArgs({
  options: {
    runtime: { type: 'string' },
    'metadata-version': { type: 'string', default: '15' },
    genesis: { type: 'string' },
    spec: { type: 'string' },
    nonce: { type: 'string', default: '0' },
    amount: { type: 'string' },
    era: { type: 'string', default: 'immortal' },
    'block-hash': { type: 'string' },
    'block-number': { type: 'string' },
  },
});
for (const required of ['runtime', 'genesis', 'spec', 'amount']) {
  if (!args[required]) {
    console.error(`missing --${required}`);
    process.exit(2);
  }
}

const answers = JSON.parse(readFileSync(args.runtime, 'utf8'));
/** The runtime's answer to a call; a call the file lacks is an error, never a guess. */
function runtimeCall(method, input) {
  const key = `${method}:${input}`;
  if (!(key in answers)) {
    throw new Error(`the runtime's answer to ${key} was not given`);
  }
  return answers[key];
}

const registry = new TypeRegistry();
const version = registry.createType('RuntimeVersion', hexToU8a(runtimeCall('Core_version', '0x')));
const rpcVersion = {
  specName: version.specName.toString(),
  implName: version.implName.toString(),
  authoringVersion: version.authoringVersion.toNumber(),
  specVersion: version.specVersion.toNumber(),
  implVersion: version.implVersion.toNumber(),
  apis: version.apis.map(([id, v]) => [id.toHex(), v.toNumber()]),
  transactionVersion: version.transactionVersion.toNumber(),
  stateVersion: version.stateVersion.toNumber(),
};
// OpaqueMetadata is a Vec<u8>: the RPC returns its content.
const metadataHex = u8aToHex(registry.createType('Bytes', hexToU8a(runtimeCall('Metadata_metadata', '0x'))));
const metadataVersion = Number(args['metadata-version']);

/**
 * state_call from the runtime's answers. To sign against V14, metadata_at_version answers None for
 * every other version, as a runtime without V15 would, so the API falls back to state_getMetadata.
 */
function stateCall(method, input) {
  if (method === 'Metadata_metadata_at_version' && metadataVersion !== 15) {
    const requested = parseInt(input.slice(2, 4), 16);
    return requested === metadataVersion ? runtimeCall(method, input) : '0x00';
  }
  return runtimeCall(method, input);
}

/** Answers the start-up RPCs of ApiPromise; anything else is an error. */
class OfflineProvider {
  get hasSubscriptions() { return false; }
  get isClonable() { return false; }
  get isConnected() { return true; }
  get stats() { return { active: { requests: 0, subscriptions: 0 }, total: {} }; }
  clone() { throw new Error('not clonable'); }
  async connect() {}
  async disconnect() {}
  on(type, cb) { if (type === 'connected') setTimeout(cb, 0); return () => {}; }
  async send(method, params) {
    switch (method) {
      case 'rpc_methods': return { methods: [] };
      case 'chain_getBlockHash': return args.genesis;
      case 'state_getMetadata': return metadataHex;
      case 'state_call': return stateCall(params[0], params[1]);
      case 'state_getRuntimeVersion': return rpcVersion;
      case 'system_chain': return 'Basalt Development';
      case 'system_properties': return { ss58Format: 42, tokenDecimals: 12, tokenSymbol: 'UNIT' };
      default: throw new Error(`offline provider cannot answer ${method}(${JSON.stringify(params)})`);
    }
  }
  async subscribe() { throw new Error('no subscriptions offline'); }
  async unsubscribe() { return true; }
}

await cryptoWaitReady();
const api = await ApiPromise.create({ provider: new OfflineProvider(), noInitWarn: true, throwOnConnect: true });
const expected = Number(args.spec);
if (api.runtimeVersion.specName.toString() !== 'basalt-demo'
    || api.runtimeVersion.specVersion.toNumber() !== expected) {
  throw new Error(`the runtime says ${api.runtimeVersion.specName}/${api.runtimeVersion.specVersion}, expected basalt-demo/${expected}`);
}
if (api.runtimeMetadata.version !== metadataVersion) {
  throw new Error(`the API decoded metadata V${api.runtimeMetadata.version}, expected V${metadataVersion}`);
}
if (!api.call.transactionPaymentApi || !api.call.accountNonceApi) {
  throw new Error('the runtime\'s API list lacks TransactionPaymentApi or AccountNonceApi');
}
const alice = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Alice');
const bob = new Keyring({ type: 'sr25519', ss58Format: 42 }).addFromUri('//Bob');
const tx = api.tx.balances.transferKeepAlive(bob.address, args.amount);
const options = { nonce: Number(args.nonce) };
if (args.era === 'immortal') {
  options.era = 0;
  options.blockHash = args.genesis;
} else {
  options.era = api.createType('ExtrinsicEra', {
    current: Number(args['block-number']), period: Number(args.era),
  });
  options.blockHash = args['block-hash'];
}
await tx.signAsync(alice, options);
// The runtime version as the API decoded it, then the result.
console.log(`runtime-version ${JSON.stringify(api.runtimeVersion.toJSON())}`);
console.log(tx.toHex());
await api.disconnect();
process.exit(0);
