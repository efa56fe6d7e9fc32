// Verifies signatures and VRF proofs made by Basalt with independent implementations.
// Input: a JSON file { sr25519: [...], vrf: [...], ed25519: [...], ecdsa: [...] } whose entries hold
// 0x-hex fields publicKey, message, signature (and context, extra for VRFs).
// Prints a JSON summary; exits 1 if anything fails to verify, 2 on bad input.
//
// Usage: node verify.mjs <file.json>   (after `npm ci` in this directory)
import { readFileSync } from 'node:fs';
import * as wasm from '@polkadot/wasm-crypto';
import * as scure from '@scure/sr25519';
import { ed25519 } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { hexToU8a, u8aEq } from '@polkadot/util';

const file = process.argv[2];
if (!file) {
  console.error('usage: node verify.mjs <signatures.json>');
  process.exit(2);
}
const input = JSON.parse(readFileSync(file, 'utf8'));
await wasm.waitReady();

const failures = [];
let checked = 0;
function expect(ok, kind, index, verifier) {
  checked++;
  if (!ok) failures.push({ kind, index, verifier });
}
const b = (x) => hexToU8a(x);

(input.sr25519 ?? []).forEach((s, i) => {
  expect(wasm.sr25519Verify(b(s.signature), b(s.message), b(s.publicKey)), 'sr25519', i, 'schnorrkel-wasm');
  expect(scure.verify(b(s.message), b(s.signature), b(s.publicKey)), 'sr25519', i, 'scure');
});

(input.vrf ?? []).forEach((v, i) => {
  const [pk, ctx, msg, extra, sig] = [v.publicKey, v.context, v.message, v.extra, v.signature].map(b);
  expect(wasm.vrfVerify(pk, ctx, msg, extra, sig), 'vrf', i, 'schnorrkel-wasm');
  expect(scure.vrf.verify(msg, sig, pk, ctx, extra), 'vrf', i, 'scure');
});

(input.ed25519 ?? []).forEach((s, i) => {
  expect(ed25519.verify(b(s.signature), b(s.message), b(s.publicKey)), 'ed25519', i, 'noble');
  expect(wasm.ed25519Verify(b(s.signature), b(s.message), b(s.publicKey)), 'ed25519', i, 'ed25519-wasm');
});

(input.ecdsa ?? []).forEach((s, i) => {
  const sig = b(s.signature);
  const hash = blake2b(b(s.message), { dkLen: 32 });
  let nobleOk = false;
  try {
    // noble's "recovered" format puts the recovery id first.
    const recovered = secp256k1.recoverPublicKey(new Uint8Array([sig[64], ...sig.slice(0, 64)]), hash, { prehash: false });
    nobleOk = u8aEq(secp256k1.Point.fromBytes(recovered).toBytes(true), b(s.publicKey));
  } catch {
    nobleOk = false;
  }
  expect(nobleOk, 'ecdsa', i, 'noble');
  expect(u8aEq(wasm.secp256k1Compress(wasm.secp256k1Recover(hash, sig.slice(0, 64), sig[64])), b(s.publicKey)), 'ecdsa', i, 'libsecp256k1-wasm');
});

console.log(JSON.stringify({ checked, failures }));
process.exit(failures.length === 0 && checked > 0 ? 0 : 1);
