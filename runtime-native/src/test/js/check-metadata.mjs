// Decodes Basalt's generated runtime metadata with polkadot.js, offline, and checks it against
// docs/runtime-spec.md. Usage: node check-metadata.mjs <folder with v<spec>-v<md>.scale files>
// Prints one line per check and exits non-zero on the first failure.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { TypeRegistry, Metadata, expandMetadata } from '@polkadot/types';
import { Keyring } from '@polkadot/keyring';
import { cryptoWaitReady, blake2AsU8a, ed25519Verify } from '@polkadot/util-crypto';
import { u8aToHex, hexToU8a, u8aConcat, bnToU8a, compactToU8a, compactStripLength } from '@polkadot/util';

const folder = process.argv[2];
if (!folder) {
  console.error('usage: node check-metadata.mjs <metadata folder>');
  process.exit(2);
}
await cryptoWaitReady();

const ALICE = '0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d';
const BOB = '0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48';
const UNIT = 1_000_000_000_000n;
const GENESIS = '0x' + '11'.repeat(32); // any 32 bytes: the example does not need a real chain
const EXTENSIONS = ['CheckNonZeroSender', 'CheckSpecVersion', 'CheckTxVersion', 'CheckGenesis',
  'CheckMortality', 'CheckNonce', 'CheckWeight', 'ChargeTransactionPayment'];
const APIS = ['Core', 'Metadata', 'BlockBuilder', 'TaggedTransactionQueue', 'OffchainWorkerApi',
  'AccountNonceApi', 'TransactionPaymentApi', 'GenesisBuilder', 'SessionKeys'];

const u32 = (n) => bnToU8a(n, { bitLength: 32 });
const u128 = (n) => bnToU8a(n, { bitLength: 128 });
const strip = (hex) => hex.replace(/^0x/, '');
// Storage functions return the key with a compact length prefix.
const storageKey = (prefixed) => u8aToHex(compactStripLength(prefixed)[1]);
let checks = 0;
function ok(name) {
  checks++;
  console.log(`ok ${checks} - ${name}`);
}

function load(spec, mdVersion) {
  const bytes = readFileSync(join(folder, `v${spec}-v${mdVersion}.scale`));
  const registry = new TypeRegistry();
  const metadata = new Metadata(registry, bytes);
  registry.setMetadata(metadata);
  return { registry, metadata, decorated: expandMetadata(registry, metadata) };
}

for (const spec of [100, 101]) {
  for (const mdVersion of [14, 15]) {
    const tag = `spec ${spec} V${mdVersion}`;
    const { registry, metadata, decorated } = load(spec, mdVersion);
    assert.equal(metadata.version, mdVersion);
    const latest = metadata.asLatest; // polkadot.js converts to its newest version
    const raw = mdVersion === 14 ? metadata.asV14 : metadata.asV15;

    // Pallets and indices.
    const pallets = latest.pallets.map((p) => [p.name.toString(), p.index.toNumber()]);
    assert.deepEqual(pallets, [['System', 0], ['Timestamp', 1], ['Balances', 2],
      ['TransactionPayment', 3], ['Sudo', 4], ['Template', 5]]);
    ok(`${tag}: pallets and indices`);

    // balances.transferKeepAlive(Bob, 1 unit) encodes as the spec says.
    const call = decorated.tx.balances.transferKeepAlive({ Id: BOB }, UNIT);
    assert.equal(call.toHex(), '0x020300' + strip(BOB) + '070010a5d4e8');
    ok(`${tag}: balances.transferKeepAlive call bytes`);
    const sudoSetCode = decorated.tx.sudo.sudo(decorated.tx.system.setCode('0x0102'));
    assert.equal(sudoSetCode.toHex(), '0x0400' + '0002' + '080102');
    ok(`${tag}: sudo(system.setCode) call bytes`);

    // System.Account key and AccountInfo layout.
    const accountKey = decorated.query.system.account(ALICE);
    assert.equal(storageKey(accountKey),
      '0x26aa394eea5630e07c48ae0c9558cef7b99d880ec681799c0cf30e8886371da9' +
      'de1e86a9a8c739864cf3cc5ec2bea59f' + strip(ALICE));
    const info = u8aConcat(u32(7), u32(0), u32(1), u32(0), u128(1n << 60n), u128(0n), u128(0n),
      u128(1n << 127n));
    const accountType = decorated.query.system.account.meta.type.asMap.value;
    const decodedInfo = registry.createType(registry.createLookupType(accountType), info);
    assert.equal(decodedInfo.nonce.toNumber(), 7);
    assert.equal(decodedInfo.providers.toNumber(), 1);
    assert.equal(decodedInfo.data.free.toBigInt(), 1n << 60n);
    assert.equal(decodedInfo.data.flags.toBigInt(), 1n << 127n);
    assert.equal(decodedInfo.toU8a().length, 80);
    ok(`${tag}: System.Account key and AccountInfo decoding`);
    assert.equal(storageKey(decorated.query.system.number()),
      '0x26aa394eea5630e07c48ae0c9558cef702a5c1b19ab7a04f536c519aca4983ac');
    assert.equal(storageKey(decorated.query.sudo.key()),
      '0x5c0d1176a568c1f92944340dbfed9e9c530ebca703c85910e7164cb7d1c9e47b');
    ok(`${tag}: System.Number and Sudo.Key keys`);

    // System.Events: a list of EventRecords encoded by hand per the spec.
    const transfer = u8aConcat([0x00], u32(1), [0x02, 0x02], hexToU8a(ALICE), hexToU8a(BOB),
      u128(UNIT), [0x00]);
    const success = u8aConcat([0x00], u32(1), [0x00, 0x00],
      compactToU8a(300_000_000), compactToU8a(0), [0x00, 0x00], [0x00]);
    const failed = u8aConcat([0x00], u32(2), [0x00, 0x01], [0x03, 0x04, 0x00, 0x00, 0x00, 0x00],
      compactToU8a(110_000_000), compactToU8a(0), [0x00, 0x00], [0x00]);
    const records = [transfer, success, failed];
    if (spec === 101) {
      records.push(u8aConcat([0x02], [0x05, 0x01], [0x00, 0x00], [0x01, 0x00], u32(1), [0x00]));
    }
    const eventsBytes = u8aConcat(compactToU8a(records.length), ...records);
    const eventsType = decorated.query.system.events.meta.type.asPlain;
    const events = registry.createType(registry.createLookupType(eventsType), eventsBytes);
    assert.equal(events.length, records.length);
    assert.equal(events[0].event.section, 'balances');
    assert.equal(events[0].event.method, 'Transfer');
    assert.equal(events[0].event.data[2].toBigInt(), UNIT);
    assert.equal(events[0].phase.asApplyExtrinsic.toNumber(), 1);
    assert.equal(events[1].event.method, 'ExtrinsicSuccess');
    assert.equal(events[1].event.data[0].weight.refTime.toNumber(), 300_000_000);
    assert.equal(events[2].event.method, 'ExtrinsicFailed');
    const dispatchError = events[2].event.data[0];
    assert.ok(dispatchError.isModule);
    const meta = registry.findMetaError(dispatchError.asModule);
    assert.equal(`${meta.section}.${meta.name}`, 'sudo.RequireSudo');
    if (spec === 101) {
      assert.ok(events[3].phase.isInitialization);
      assert.equal(`${events[3].event.section}.${events[3].event.method}`, 'template.Migrated');
      assert.equal(events[3].event.data[1].toNumber(), 1);
    }
    ok(`${tag}: System.Events decoding (Transfer, ExtrinsicSuccess, ExtrinsicFailed${spec === 101 ? ', Migrated' : ''})`);

    // Signed extensions.
    assert.deepEqual(raw.extrinsic.signedExtensions.map((e) => e.identifier.toString()), EXTENSIONS);
    assert.deepEqual(registry.signedExtensions, EXTENSIONS);
    ok(`${tag}: signed extensions`);

    // Runtime APIs (V15 only).
    if (mdVersion === 15) {
      const apis = raw.apis.map((a) => a.name.toString());
      assert.deepEqual(apis, APIS);
      const core = raw.apis[0].methods.map((m) => m.name.toString());
      assert.deepEqual(core, ['version', 'execute_block', 'initialize_block']);
      const genesis = raw.apis.find((a) => a.name.eq('GenesisBuilder')).methods.map((m) => m.name.toString());
      assert.deepEqual(genesis, ['build_state', 'get_preset', 'preset_names']);
      ok(`${tag}: runtime APIs`);
    }

    // A signed balances.transferKeepAlive from ed25519 //Alice (ed25519 signatures are deterministic).
    const keyring = new Keyring({ type: 'ed25519', ss58Format: 42 });
    const alice = keyring.addFromUri('//Alice');
    const xt = registry.createType('Extrinsic', call);
    xt.sign(alice, {
      blockHash: GENESIS, genesisHash: GENESIS, era: registry.createType('ExtrinsicEra', '0x00'),
      nonce: 0, tip: 0, specVersion: spec, transactionVersion: 1,
      runtimeVersion: { specVersion: spec, transactionVersion: 1, apis: [] },
      signedExtensions: EXTENSIONS,
    });
    const hex = xt.toHex();
    // Independent check of the spec's signing payload: call ++ extra ++ additional_signed.
    const extra = u8aConcat([0x00], compactToU8a(0), compactToU8a(0));
    const additional = u8aConcat(u32(spec), u32(1), hexToU8a(GENESIS), hexToU8a(GENESIS));
    const payload = u8aConcat(call.toU8a(), extra, additional);
    const signed = payload.length > 256 ? blake2AsU8a(payload, 256) : payload;
    const sig = xt.signature.toU8a(); // the 64 raw bytes; MultiSignature adds the 0x00 variant
    assert.equal(sig.length, 64);
    const body = u8aConcat([0x84, 0x00], alice.publicKey, [0x00], sig,
      extra, call.toU8a());
    assert.equal(hex, u8aToHex(u8aConcat(compactToU8a(body.length), body)));
    assert.ok(ed25519Verify(signed, sig, alice.publicKey));
    const decodedXt = registry.createType('Extrinsic', hex);
    assert.equal(decodedXt.method.section, 'balances');
    assert.equal(decodedXt.method.method, 'transferKeepAlive');
    assert.equal(u8aToHex(decodedXt.signer.toU8a()), '0x00' + strip(u8aToHex(alice.publicKey)));
    ok(`${tag}: signed ed25519 transferKeepAlive ${hex}`);
  }
}
console.log(`${checks} passed, 0 failed`);
