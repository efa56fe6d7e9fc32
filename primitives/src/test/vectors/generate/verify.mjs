// Verifies signatures and VRF proofs made by Basalt with independent implementations.
// Input: a JSON file { sr25519: [...], vrf: [...], ed25519: [...], ecdsa: [...] } whose entries hold
// 0x-hex fields publicKey, message, signature (and context, extra for VRFs).
//
// Negative control: each signature is also checked with one bit flipped, which every verifier must
// reject; a verifier that accepted anything would otherwise pass. Prints a JSON summary
// { checked, rejected, failures } (checked: genuine signatures accepted, rejected: tampered ones
// refused); exits 1 if a genuine signature fails or a tampered one verifies, 2 on bad input.
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

const b = (x) => hexToU8a(x);

// Two verifiers per kind; each takes an entry and the signature bytes to check. A verifier that
// throws has rejected the signature.
const ecdsaRecovered = (s, sig) => {
  const hash = blake2b(b(s.message), { dkLen: 32 });
  // noble's "recovered" format puts the recovery id first.
  const key = secp256k1.recoverPublicKey(new Uint8Array([sig[64], ...sig.slice(0, 64)]), hash, { prehash: false });
  return u8aEq(secp256k1.Point.fromBytes(key).toBytes(true), b(s.publicKey));
};
const VERIFIERS = {
  sr25519: [
    ['schnorrkel-wasm', (s, sig) => wasm.sr25519Verify(sig, b(s.message), b(s.publicKey))],
    ['scure', (s, sig) => scure.verify(b(s.message), sig, b(s.publicKey))],
  ],
  vrf: [
    ['schnorrkel-wasm', (v, sig) => wasm.vrfVerify(b(v.publicKey), b(v.context), b(v.message), b(v.extra), sig)],
    ['scure', (v, sig) => scure.vrf.verify(b(v.message), sig, b(v.publicKey), b(v.context), b(v.extra))],
  ],
  ed25519: [
    ['noble', (s, sig) => ed25519.verify(sig, b(s.message), b(s.publicKey))],
    ['ed25519-wasm', (s, sig) => wasm.ed25519Verify(sig, b(s.message), b(s.publicKey))],
  ],
  ecdsa: [
    ['noble', ecdsaRecovered],
    ['secp256k1-wasm', (s, sig) => {
      const hash = blake2b(b(s.message), { dkLen: 32 });
      return u8aEq(wasm.secp256k1Recover(hash, sig.slice(0, 64), sig[64]), b(s.publicKey));
    }],
  ],
};
// The byte flipped in the negative control: in R (sr25519, ed25519), in the proof's c (VRF), in r
// (ecdsa).
const TAMPERED_BYTE = { sr25519: 5, vrf: 40, ed25519: 5, ecdsa: 5 };

function accepts(verify, entry, signature) {
  try {
    return verify(entry, signature) === true;
  } catch {
    return false;
  }
}

const failures = [];
let checked = 0;
let rejected = 0;
for (const [kind, verifiers] of Object.entries(VERIFIERS)) {
  (input[kind] ?? []).forEach((entry, index) => {
    const signature = b(entry.signature);
    const tampered = signature.slice();
    tampered[TAMPERED_BYTE[kind]] ^= 1;
    for (const [verifier, verify] of verifiers) {
      if (accepts(verify, entry, signature)) {
        checked++;
      } else {
        failures.push({ kind, index, verifier, problem: 'genuine signature rejected' });
      }
      if (accepts(verify, entry, tampered)) {
        failures.push({ kind, index, verifier, problem: 'tampered signature accepted' });
      } else {
        rejected++;
      }
    }
  });
}

console.log(JSON.stringify({ checked, rejected, failures }));
process.exit(failures.length === 0 && checked > 0 ? 0 : 1);
