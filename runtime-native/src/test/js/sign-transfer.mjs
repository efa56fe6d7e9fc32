// SPDX-License-Identifier: Apache-2.0
// Offline polkadot.js wallet for basalt-demo: decodes the runtime's metadata with @polkadot/api
// (ApiPromise over an in-process provider that answers the few RPCs the API asks at start-up),
// builds balances.transferKeepAlive(Bob, amount) for //Alice (sr25519), signs it and prints the
// extrinsic as hex. No network.
//
// node sign-transfer.mjs --metadata FILE --genesis 0x.. --spec 100 --tx-version 1 --nonce 0
//   --amount 1000000000000 [--era immortal | --era PERIOD --block-hash 0x.. --block-number N]
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ApiPromise } from '@polkadot/api';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady } from '@polkadot/util-crypto';
import { compactAddLength, u8aConcat, u8aToHex } from '@polkadot/util';

const { values: args } = parseArgs({
  options: {
    metadata: { type: 'string' },
    genesis: { type: 'string' },
    spec: { type: 'string' },
    'tx-version': { type: 'string', default: '1' },
    nonce: { type: 'string', default: '0' },
    amount: { type: 'string' },
    era: { type: 'string', default: 'immortal' },
    'block-hash': { type: 'string' },
    'block-number': { type: 'string' },
  },
});
for (const required of ['metadata', 'genesis', 'spec', 'amount']) {
  if (!args[required]) {
    console.error(`missing --${required}`);
    process.exit(2);
  }
}

const metadataBytes = readFileSync(args.metadata);
const metadataHex = u8aToHex(metadataBytes);
const metadataVersion = metadataBytes[4]; // RuntimeMetadataPrefixed: "meta" ++ version byte
const specVersion = Number(args.spec);
const APIS = [
  ['0xdf6acb689907609b', 4], ['0x37e397fc7c91f5e4', 2], ['0x40fe3ad401f8959a', 6],
  ['0xd2bc9897eed08f15', 3], ['0xf78b278be53f454c', 2], ['0xbc9d89904f5b923f', 1],
  ['0x37c8bb1350a9a2a8', 4], ['0xfbc577b9d747efd6', 1], ['0xab3c0572291feb8b', 1],
];

/** The Metadata runtime API, answered from the given blob (its version only). */
function stateCall(method, input) {
  if (method === 'Metadata_metadata_versions') {
    return '0x080e0000000f000000';
  }
  if (method === 'Metadata_metadata_at_version') {
    const requested = parseInt(input.slice(2, 4), 16);
    return requested === metadataVersion
      ? u8aToHex(u8aConcat([1], compactAddLength(metadataBytes)))
      : '0x00';
  }
  throw new Error(`offline provider cannot call ${method}`);
}

/** Answers the start-up RPCs of ApiPromise from the command line; anything else is an error. */
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
      case 'state_getRuntimeVersion': return {
        specName: 'basalt-demo', implName: 'basalt-demo', authoringVersion: 1, specVersion,
        implVersion: 0, apis: APIS, transactionVersion: Number(args['tx-version']), stateVersion: 1,
      };
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
if (api.runtimeVersion.specVersion.toNumber() !== specVersion) {
  throw new Error(`API runtime version ${api.runtimeVersion.specVersion} != ${specVersion}`);
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
console.log(tx.toHex());
await api.disconnect();
process.exit(0);
