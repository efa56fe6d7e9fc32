// Generates Basalt's crypto test vectors from independent implementations:
//   - @polkadot/wasm-crypto 7.x: Rust schnorrkel, substrate-bip39, ed25519-dalek and the `secp256k1` crate
//     (bindings to the C libsecp256k1) compiled to WebAssembly. Its secp256k1 recovery refuses high-S
//     signatures (it panics on non-normalised s), as k256 does and unlike sp-io: it is a second opinion
//     for low-S recoveries only.
//   - @scure/sr25519: a separate JavaScript sr25519 (schnorrkel) implementation, whose Merlin transcript
//     also computes the VRF output bytes (schnorrkel's make_bytes)
//   - @polkadot/util-crypto: Substrate secret URIs, HDKD, SS58
//   - @noble/curves: ed25519 (ZIP-215 and strict) and secp256k1
// Every value that two of them can compute is computed by both and must agree, or the script fails.
//
// Usage: npm ci && node generate.mjs <output dir>   (the committed files live in ../../resources/crypto)
import { writeFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import * as wasm from '@polkadot/wasm-crypto';
import * as scure from '@scure/sr25519';
import { ed25519, ristretto255_hasher } from '@noble/curves/ed25519.js';
import { secp256k1 } from '@noble/curves/secp256k1.js';
import { blake2b } from '@noble/hashes/blake2.js';
import { sha256 } from '@noble/hashes/sha2.js';
import {
  cryptoWaitReady,
  keyExtractSuri,
  keyExtractPath,
  keyFromPath,
  mnemonicToMiniSecret,
  mnemonicToEntropy,
  mnemonicValidate,
  sr25519PairFromSeed,
  ed25519PairFromSeed,
  secp256k1PairFromSeed,
  secp256k1Sign,
  ed25519Sign,
  encodeAddress,
  decodeAddress,
  base58Encode,
} from '@polkadot/util-crypto';
import { u8aToHex, hexToU8a, stringToU8a, u8aConcat, u8aEq } from '@polkadot/util';
import { bytesToNumberLE } from '@noble/curves/utils.js';
import { english as wordlist } from '@polkadot/util-crypto/mnemonic/wordlists';

const out = process.argv[2] ?? '../../resources/crypto';
const DEV_PHRASE = 'bottom drive obey lake curtain smoke basket hold race lonely fit walk';
const hex = (u8a) => u8aToHex(u8a);
const WORDS = typeof wordlist === 'string' ? wordlist.split('|') : wordlist;

function check(condition, message) {
  if (!condition) {
    throw new Error(`implementations disagree: ${message}`);
  }
}

// Deterministic pseudo-random bytes (the vectors must not change between runs).
function bytes(label, length) {
  const outBytes = new Uint8Array(length);
  let block = blake2b(stringToU8a(label), { dkLen: 64 });
  for (let i = 0; i < length; i++) {
    if (i > 0 && i % 64 === 0) block = blake2b(block, { dkLen: 64 });
    outBytes[i] = block[i % 64];
  }
  return outBytes;
}

// BIP39 entropy -> words (checked below against two independent decoders).
function entropyToMnemonic(entropy) {
  const bits = [...entropy].map((b) => b.toString(2).padStart(8, '0')).join('');
  const checksum = [...sha256(entropy)].map((b) => b.toString(2).padStart(8, '0')).join('');
  const all = bits + checksum.slice(0, entropy.length / 4);
  const words = [];
  for (let i = 0; i < all.length; i += 11) words.push(WORDS[parseInt(all.slice(i, i + 11), 2)]);
  return words.join(' ');
}

await cryptoWaitReady();
await wasm.waitReady();

// ---------------------------------------------------------------------------------------------
// Mnemonics
const mnemonics = [];
const PASSWORDS = ['', 'password', 'Basalt \u00e9t\u00e9 42'];
for (const length of [16, 20, 24, 28, 32]) {
  for (const source of ['zero', 'pattern']) {
    const entropy = source === 'zero' ? new Uint8Array(length) : bytes(`mnemonic-${length}`, length);
    const phrase = entropyToMnemonic(entropy);
    check(mnemonicValidate(phrase), `valid mnemonic ${phrase}`);
    check(u8aEq(mnemonicToEntropy(phrase), entropy), 'util-crypto entropy');
    check(u8aEq(wasm.bip39ToEntropy(phrase), entropy), 'wasm entropy');
    for (const password of PASSWORDS) {
      const js = mnemonicToMiniSecret(phrase, password, undefined, true);
      const rust = wasm.bip39ToMiniSecret(phrase, password);
      check(u8aEq(js, rust), `mini secret of ${phrase} / ${password}`);
      mnemonics.push({ phrase, entropy: hex(entropy), password, miniSecret: hex(rust) });
    }
  }
}
const invalidMnemonics = [
  { phrase: DEV_PHRASE.replace('walk', 'wall'), reason: 'checksum' },
  { phrase: DEV_PHRASE.replace('bottom', 'bottomx'), reason: 'unknown word' },
  { phrase: DEV_PHRASE.split(' ').slice(0, 11).join(' '), reason: 'word count' },
  { phrase: `${DEV_PHRASE} walk`, reason: 'word count' },
];
for (const m of invalidMnemonics) check(!mnemonicValidate(m.phrase), `invalid ${m.phrase}`);

// ---------------------------------------------------------------------------------------------
// Secret URIs -> keys, for all three schemes
const fromSeed = { sr25519: sr25519PairFromSeed, ed25519: ed25519PairFromSeed, ecdsa: secp256k1PairFromSeed };
const HEX_SEED = hex(bytes('hex-seed', 32));
const MNEMONIC_24 = entropyToMnemonic(bytes('suri-24-words', 32));
const MNEMONIC_12 = entropyToMnemonic(bytes('suri-12-words', 16));
const SURIS = [
  '//Alice', '//Bob', '//Charlie', '//Dave', '//Eve', '//Ferdie',
  '//Alice//stash', '//Alice/stash', '/Alice', '//Alice///password', '//Alice///',
  // Not '//18446744073709551616': above u64::MAX Substrate treats the junction as a string while
  // util-crypto still encodes it as a number, so the two disagree there (SecretUriTest covers it).
  '//0', '//1//2', '/1/2', '//18446744073709551615',
  '//a-very-long-junction-name-that-is-longer-than-thirty-two-bytes',
  '//polkadot//0//babe', '//Alice/soft//hard',
  DEV_PHRASE, `${DEV_PHRASE}///password`, `${DEV_PHRASE}//Alice`,
  MNEMONIC_12, `${MNEMONIC_12}//hard`, `${MNEMONIC_12}/soft`, `${MNEMONIC_12}///secret`,
  MNEMONIC_24, `${MNEMONIC_24}//1//2///pw`,
  HEX_SEED, `${HEX_SEED}//hard`, `${HEX_SEED}/soft`, `${HEX_SEED}//hard///ignored`,
];

function utilCryptoDerive(scheme, suri) {
  const full = suri.startsWith('/') ? `${DEV_PHRASE}${suri}` : suri;
  const { phrase, path, password } = keyExtractSuri(full);
  const seed = phrase.startsWith('0x') ? hexToU8a(phrase) : mnemonicToMiniSecret(phrase, password ?? '');
  return { pair: keyFromPath(fromSeed[scheme](seed), path, scheme), path, seed };
}

// A second opinion for each scheme: wasm (Rust) for sr25519, noble for the public keys of the others.
function secondOpinion(scheme, suri, derived) {
  if (scheme === 'sr25519') {
    let pair = wasm.sr25519KeypairFromSeed(derived.seed);
    for (const j of derived.path) {
      pair = j.isHard ? wasm.sr25519DeriveKeypairHard(pair, j.chainCode) : wasm.sr25519DeriveKeypairSoft(pair, j.chainCode);
    }
    return pair.slice(64, 96);
  }
  if (scheme === 'ed25519') return ed25519.getPublicKey(derived.pair.secretKey.slice(0, 32));
  return secp256k1.getPublicKey(derived.pair.secretKey, true);
}

const suris = [];
for (const scheme of ['sr25519', 'ed25519', 'ecdsa']) {
  for (const suri of SURIS) {
    let derived;
    try {
      derived = utilCryptoDerive(scheme, suri);
    } catch (e) {
      suris.push({ scheme, suri, error: String(e.message) });
      continue;
    }
    const publicKey = derived.pair.publicKey;
    check(u8aEq(publicKey, secondOpinion(scheme, suri, derived)), `${scheme} ${suri}`);
    const entry = { scheme, suri, publicKey: hex(publicKey) };
    if (scheme === 'ed25519') entry.seed = hex(derived.pair.secretKey.slice(0, 32));
    if (scheme === 'ecdsa') entry.seed = hex(derived.pair.secretKey);
    suris.push(entry);
  }
}

// ---------------------------------------------------------------------------------------------
// sr25519 signatures (randomised: Basalt must verify them) and VRFs (pre-outputs are deterministic)
const MESSAGES = ['', 'hello', '0x' + Buffer.from(bytes('long-message', 300)).toString('hex')];
const msgBytes = (m) => (m.startsWith('0x') ? hexToU8a(m) : stringToU8a(m));
const srKeys = ['//Alice', `${MNEMONIC_12}//hard`, HEX_SEED, '//Alice/stash'].map((suri) => ({
  suri,
  seeded: utilCryptoDerive('sr25519', suri),
}));
const sr25519Signatures = [];
for (const { suri, seeded } of srKeys) {
  let rustPair = wasm.sr25519KeypairFromSeed(seeded.seed);
  for (const j of seeded.path) {
    rustPair = j.isHard ? wasm.sr25519DeriveKeypairHard(rustPair, j.chainCode) : wasm.sr25519DeriveKeypairSoft(rustPair, j.chainCode);
  }
  const publicKey = rustPair.slice(64, 96);
  for (const message of MESSAGES) {
    const m = msgBytes(message);
    const bySchnorrkel = wasm.sr25519Sign(publicKey, rustPair.slice(0, 64), m);
    const byScure = scure.sign(seeded.pair.secretKey, m);
    check(wasm.sr25519Verify(byScure, m, publicKey) && scure.verify(m, bySchnorrkel, publicKey), `sr25519 sig ${suri}`);
    for (const [signer, signature] of [['schnorrkel-wasm', bySchnorrkel], ['scure', byScure]]) {
      sr25519Signatures.push({ signer, suri, publicKey: hex(publicKey), message, signature: hex(signature), valid: true });
    }
    const tampered = bySchnorrkel.slice();
    tampered[5] ^= 1;
    check(!wasm.sr25519Verify(tampered, m, publicKey), 'tampered sr25519');
    sr25519Signatures.push({ signer: 'tampered', suri, publicKey: hex(publicKey), message, signature: hex(tampered), valid: false });
    const unmarked = bySchnorrkel.slice();
    unmarked[63] &= 0x7f;
    check(!wasm.sr25519Verify(unmarked, m, publicKey), 'unmarked sr25519');
    sr25519Signatures.push({ signer: 'unmarked', suri, publicKey: hex(publicKey), message, signature: hex(unmarked), valid: false });
  }
}

// VRF output bytes: schnorrkel's VRFInOut::make_bytes(context) is the challenge of a Merlin transcript
// "VRFResult" over the context (label ""), the input point ("vrf-in") and the pre-output ("vrf-out").
// Neither wasm-crypto nor scure exports it, so it is computed here from its definition with scure's
// Merlin and noble's ristretto255. The input point is the hash of the signing transcript with the
// public key committed ("vrf-nm-pk", challenge "VRFHash"); it is checked against both libraries'
// pre-outputs ([secret key] input), so a wrong input cannot pass unnoticed.
const Merlin = scure.__tests.Merlin;
function vrfInputPoint(context, message, publicKey) {
  const t = new Merlin('SigningContext');
  t.appendMessage('', context);
  t.appendMessage('sign-bytes', message);
  t.appendMessage('vrf-nm-pk', publicKey);
  return ristretto255_hasher.deriveToCurve(t.challengeBytes('VRFHash', 64));
}
function vrfMakeBytes(context, input, preOutput, length) {
  const t = new Merlin('VRFResult');
  t.appendMessage('', context);
  t.appendMessage('vrf-in', input.toBytes());
  t.appendMessage('vrf-out', preOutput);
  return t.challengeBytes('', length);
}
// BABE's two uses: the primary-slot threshold score (16 bytes) and the per-slot randomness (32 bytes).
const MAKE_BYTES = [
  { context: 'substrate-babe-vrf', length: 16 },
  { context: 'BabeVRFInOutContext', length: 32 },
];

const vrfSignatures = [];
const VRF_INPUTS = [
  { context: '', message: '', extra: '' },
  { context: 'substrate-babe-vrf', message: 'slot 42', extra: '' },
  { context: 'ctx', message: 'msg', extra: 'extra data' },
];
for (const { suri, seeded } of srKeys) {
  let rustPair = wasm.sr25519KeypairFromSeed(seeded.seed);
  for (const j of seeded.path) {
    rustPair = j.isHard ? wasm.sr25519DeriveKeypairHard(rustPair, j.chainCode) : wasm.sr25519DeriveKeypairSoft(rustPair, j.chainCode);
  }
  const publicKey = rustPair.slice(64, 96);
  for (const input of VRF_INPUTS) {
    const [c, m, x] = [input.context, input.message, input.extra].map(stringToU8a);
    const bySchnorrkel = wasm.vrfSign(rustPair.slice(0, 64), c, m, x);
    const byScure = scure.vrf.sign(m, seeded.pair.secretKey, c, x);
    check(u8aEq(bySchnorrkel.slice(0, 32), byScure.slice(0, 32)), `vrf pre-output ${suri}`);
    check(wasm.vrfVerify(publicKey, c, m, x, byScure) && scure.vrf.verify(m, bySchnorrkel, publicKey, c, x), `vrf ${suri}`);
    const vrfInput = vrfInputPoint(c, m, publicKey);
    const secretScalar = bytesToNumberLE(seeded.pair.secretKey.slice(0, 32)) >> 3n; // ed25519-format key: 8 * scalar
    check(u8aEq(vrfInput.multiply(secretScalar).toBytes(), bySchnorrkel.slice(0, 32)), `vrf input point ${suri}`);
    const makeBytes = MAKE_BYTES.map(({ context, length }) => ({
      context, length, bytes: hex(vrfMakeBytes(stringToU8a(context), vrfInput, bySchnorrkel.slice(0, 32), length)),
    }));
    for (const [signer, signature] of [['schnorrkel-wasm', bySchnorrkel], ['scure', byScure]]) {
      vrfSignatures.push({ signer, suri, publicKey: hex(publicKey), ...input, preOutput: hex(signature.slice(0, 32)), signature: hex(signature), valid: true, input: hex(vrfInput.toBytes()), makeBytes });
    }
    const wrongExtra = stringToU8a('not the extra');
    check(!wasm.vrfVerify(publicKey, c, m, wrongExtra, bySchnorrkel), 'vrf with wrong extra');
    vrfSignatures.push({ signer: 'wrong-extra', suri, publicKey: hex(publicKey), ...input, extra: 'not the extra', preOutput: hex(bySchnorrkel.slice(0, 32)), signature: hex(bySchnorrkel), valid: false });
  }
}

// ---------------------------------------------------------------------------------------------
// ed25519: deterministic signatures, and ZIP-215 edge cases
const ed25519Signatures = [];
for (const suri of ['//Alice', HEX_SEED, `${MNEMONIC_24}//1//2///pw`]) {
  const { pair } = utilCryptoDerive('ed25519', suri);
  for (const message of MESSAGES) {
    const m = msgBytes(message);
    const signature = ed25519Sign(m, pair);
    check(u8aEq(signature, ed25519.sign(m, pair.secretKey.slice(0, 32))), `ed25519 ${suri}`);
    check(u8aEq(signature, wasm.ed25519Sign(pair.publicKey, pair.secretKey.subarray(0, 32), m)), `ed25519 wasm ${suri}`);
    ed25519Signatures.push({ suri, seed: hex(pair.secretKey.slice(0, 32)), publicKey: hex(pair.publicKey), message, signature: hex(signature) });
  }
}

// Negative controls: a signature that is not over this message by this key must fail, under noble's
// ZIP-215 and strict rules and in the Rust ed25519 (wasm). Each is well-formed (32-byte key, 64 bytes
// with a canonical S), so only the verification equation can reject it.
const flipBit = (u8a, index) => {
  const copy = u8a.slice();
  copy[index] ^= 1;
  return copy;
};
const ed25519Invalid = [];
{
  const alice = utilCryptoDerive('ed25519', '//Alice').pair;
  const bob = utilCryptoDerive('ed25519', '//Bob').pair;
  const m = stringToU8a('hello');
  const sig = ed25519Sign(m, alice);
  const cases = [
    ['tampered R', alice.publicKey, 'hello', flipBit(sig, 1)],
    ['tampered S', alice.publicKey, 'hello', flipBit(sig, 33)],
    ['wrong message', alice.publicKey, 'hellp', sig],
    ['empty message', alice.publicKey, '', sig],
    ['wrong key', bob.publicKey, 'hello', sig],
  ];
  for (const [name, publicKey, message, signature] of cases) {
    const mb = msgBytes(message);
    const rejected = (zip215) => {
      try { return !ed25519.verify(signature, mb, publicKey, { zip215 }); } catch { return true; }
    };
    const L = 2n ** 252n + 27742317777372353535851937790883648493n;
    check(bytesToNumberLE(signature.slice(32)) < L, `ed25519 ${name}: S stays canonical`);
    check(rejected(true) && rejected(false) && !wasm.ed25519Verify(signature, mb, publicKey), `ed25519 ${name}`);
    ed25519Invalid.push({ case: name, publicKey: hex(publicKey), message, signature: hex(signature), valid: false });
  }
}

// Encodings of the eight small-order points, canonical and not (y + p, or a sign bit on x = 0).
const Point = ed25519.Point;
const order8 = Point.fromHex('c7176a703d4dd84fba3c0b760d10670f2a2053fa2c39ccc64ec7fd7792ac037a');
const encodings = new Set();
for (let k = 0n; k < 8n; k++) {
  const canonical = (k === 0n ? Point.ZERO : order8.multiply(k)).toBytes();
  encodings.add(hex(canonical));
  const y = BigInt(hex(Uint8Array.from(canonical).reverse())) & ((1n << 255n) - 1n);
  const sign = canonical[31] & 0x80;
  const P = 2n ** 255n - 19n;
  const encode = (value, bit) => {
    const le = hexToU8a('0x' + value.toString(16).padStart(64, '0')).reverse();
    le[31] |= bit;
    return hex(le);
  };
  if (y + P < 2n ** 255n) encodings.add(encode(y + P, sign));
  if (y === 1n || y === P - 1n) encodings.add(encode(y, sign ^ 0x80));
}
const ZCASH = stringToU8a('Zcash');
const zip215 = [];
for (const a of encodings) {
  for (const r of encodings) {
    const signature = u8aConcat(hexToU8a(r), new Uint8Array(32));
    let lenient;
    let strict;
    try { lenient = ed25519.verify(signature, ZCASH, hexToU8a(a), { zip215: true }); } catch { lenient = false; }
    try { strict = ed25519.verify(signature, ZCASH, hexToU8a(a), { zip215: false }); } catch { strict = false; }
    zip215.push({ publicKey: a, signature: hex(signature), message: 'Zcash', zip215: lenient, rfc8032Strict: strict });
  }
}
// A non-canonical S (S + l) on an otherwise valid signature is rejected by both rule sets.
{
  const { pair } = utilCryptoDerive('ed25519', '//Alice');
  const m = stringToU8a('hello');
  const sig = ed25519Sign(m, pair);
  const L = 2n ** 252n + 27742317777372353535851937790883648493n;
  const s = BigInt(hex(sig.slice(32).reverse())) + L;
  const sBytes = hexToU8a('0x' + s.toString(16).padStart(64, '0')).reverse();
  const bad = u8aConcat(sig.slice(0, 32), sBytes);
  check(!ed25519.verify(bad, m, pair.publicKey, { zip215: true }), 'non-canonical S');
  zip215.push({ publicKey: hex(pair.publicKey), signature: hex(bad), message: 'hello', zip215: false, rfc8032Strict: false });
}

// ---------------------------------------------------------------------------------------------
// ecdsa: deterministic recoverable signatures over blake2-256, recovery and its edge cases
const N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;
const big32 = (value) => hexToU8a('0x' + value.toString(16).padStart(64, '0'));
const ecdsaSignatures = [];
for (const suri of ['//Alice', HEX_SEED, `${MNEMONIC_24}//1//2///pw`]) {
  const { pair } = utilCryptoDerive('ecdsa', suri);
  for (const message of MESSAGES) {
    const m = msgBytes(message);
    const hash = blake2b(m, { dkLen: 32 });
    const signature = secp256k1Sign(m, pair, 'blake2');
    const noble = secp256k1.sign(hash, pair.secretKey, { prehash: false, lowS: true, format: 'recovered' });
    // noble's 'recovered' format puts the recovery id first.
    check(u8aEq(signature, u8aConcat(noble.slice(1), noble.slice(0, 1))), `ecdsa ${suri}`);
    const uncompressed = secp256k1.recoverPublicKey(noble, hash, { prehash: false });
    const full = secp256k1.Point.fromBytes(uncompressed).toBytes(false);
    ecdsaSignatures.push({
      suri, seed: hex(pair.secretKey), publicKey: hex(pair.publicKey), message, hash: hex(hash),
      signature: hex(signature), recovered: hex(full.slice(1)),
    });
  }
}
// sp-io's secp256k1_ecdsa_recover, version 1 and 2, as polkadot-sdk implements them (spec-derived: the
// steps below restate its source; only the curve arithmetic is delegated):
//   1. v = sig[64], minus 27 if above 26; it must then be a recovery id 0..3, else BadV (both versions).
//   2. r and s: version 1 parses them with libsecp256k1's parse_overflowing (reduced modulo n, never
//      fails); version 2 with the secp256k1 crate's from_compact (r or s at least n: BadRS).
//   3. Recovery (libsecp256k1 in both): r = 0 or s = 0, or no curve point for the recovery id, is
//      BadSignature; a high s is accepted as is (recovery does not normalise).
// Step 3 is @noble/curves: its Signature takes r, s in 1..n-1 (after step 2 only zero can be outside)
// and its recoverPublicKey does not normalise s. wasm-crypto (the `secp256k1` crate) must agree on
// every low-S case with v in 0..3; it refuses high S, so it is not consulted there.
const EcdsaError = { BAD_RS: 'BAD_RS', BAD_V: 'BAD_V', BAD_SIGNATURE: 'BAD_SIGNATURE' };
const toBig = (u8a) => BigInt(hex(u8a));
function spIoRecover(version, hash, sig) {
  const v = sig[64] > 26 ? sig[64] - 27 : sig[64];
  if (v > 3) return { err: EcdsaError.BAD_V };
  let r = toBig(sig.slice(0, 32));
  let s = toBig(sig.slice(32, 64));
  if (version === 1) {
    r %= N;
    s %= N;
  } else if (r >= N || s >= N) {
    return { err: EcdsaError.BAD_RS };
  }
  let key;
  try {
    key = new secp256k1.Signature(r, s).addRecoveryBit(v).recoverPublicKey(hash).toBytes(false);
  } catch {
    return { err: EcdsaError.BAD_SIGNATURE };
  }
  return { ok: hex(key.slice(1)) };
}
// The second opinion: wasm-crypto's recovery, for low-S signatures with a recovery id 0..3.
function wasmAgrees(hash, sig, expected) {
  const s = toBig(sig.slice(32, 64));
  if (sig[64] > 3 || s > N / 2n) return true;
  let key = null;
  try {
    key = hex(wasm.secp256k1Expand(wasm.secp256k1Recover(hash, sig.slice(0, 64), sig[64])).slice(1));
  } catch { /* wasm panics on any failure */ }
  return expected.ok === undefined ? key === null : key === expected.ok;
}
const recoverCases = [];
{
  const base = ecdsaSignatures[0];
  const sig = hexToU8a(base.signature);
  const hash = hexToU8a(base.hash);
  const r = toBig(sig.slice(0, 32));
  const s = toBig(sig.slice(32, 64));
  const v = sig[64];
  const mk = (rr, ss, vv) => u8aConcat(big32(rr), big32(ss), new Uint8Array([vv]));
  // Crafted signatures with small r and s (r the x of a curve point), so that r + n and s + n still
  // fit in 32 bytes: the two versions then differ.
  let smallX = 1n;
  for (;; smallX++) {
    try { secp256k1.Point.fromHex('02' + smallX.toString(16).padStart(64, '0')); break; } catch { /* not on the curve */ }
  }
  const P = 2n ** 256n - 2n ** 32n - 977n;
  check(r + N >= P, 'the base signature has r + n >= p (recovery ids 2 and 3 have no point)');
  const cases = [
    ['as signed', mk(r, s, v)],
    ['v + 27', mk(r, s, v + 27)],
    ['high s (malleated)', mk(r, N - s, v ^ 1)],
    ['v = 4', mk(r, s, 4)],
    ['v = 26', mk(r, s, 26)],
    ['v = 29 (recovery id 2: x = r + n is not below p)', mk(r, s, 29)],
    ['r = 0', mk(0n, s, v)],
    ['s = 0', mk(r, 0n, v)],
    ['s = n', mk(r, N, v)],
    ['r = n', mk(N, s, v)],
    ['small r and s', mk(smallX, 5n, 0)],
    ['s + n overflows', mk(smallX, 5n + N, 0)],
    ['r + n overflows', mk(smallX + N, 5n, 0)],
    ['r + n overflows, recovery id 2', mk(smallX + N, 5n, 2)],
  ];
  for (const [name, signature] of cases) {
    const v1 = spIoRecover(1, hash, signature);
    const v2 = spIoRecover(2, hash, signature);
    check(wasmAgrees(hash, signature, v2), `ecdsa recovery ${name}: wasm-crypto`);
    recoverCases.push({ name, hash: base.hash, signature: hex(signature), v1, v2 });
  }
  // The cases above must exercise every outcome, or they test less than they claim.
  const outcomes = new Set(recoverCases.flatMap((c) => [c.v1, c.v2]).map((o) => o.err ?? 'ok'));
  check(outcomes.size === 4, `recovery cases cover ok and all three errors, got ${[...outcomes]}`);
  check(recoverCases.some((c) => c.v1.ok && c.v2.err === EcdsaError.BAD_RS), 'a case where only version 1 recovers');
}

// Negative controls for verification (recover the key, compare it with the claimed one, as sp-core's
// ecdsa::Pair::verify does): each must be rejected by noble's and wasm-crypto's recovery.
const ecdsaInvalid = [];
{
  const alice = utilCryptoDerive('ecdsa', '//Alice').pair;
  const bob = utilCryptoDerive('ecdsa', '//Bob').pair;
  const sig = secp256k1Sign(stringToU8a('hello'), alice, 'blake2');
  const cases = [
    ['wrong key', bob.publicKey, 'hello', sig],
    ['wrong message', alice.publicKey, 'hellp', sig],
    ['tampered r', alice.publicKey, 'hello', flipBit(sig, 3)],
    ['tampered s', alice.publicKey, 'hello', flipBit(sig, 40)],
    ['other recovery id', alice.publicKey, 'hello', flipBit(sig, 64)],
  ];
  for (const [name, publicKey, message, signature] of cases) {
    const hash = blake2b(msgBytes(message), { dkLen: 32 });
    const recovered = spIoRecover(2, hash, signature);
    const nobleKey = recovered.ok ? hex(secp256k1.Point.fromBytes(hexToU8a('0x04' + recovered.ok.slice(2))).toBytes(true)) : null;
    let wasmKey = null;
    try {
      wasmKey = hex(wasm.secp256k1Recover(hash, signature.slice(0, 64), signature[64]));
    } catch { /* no key */ }
    check(nobleKey !== hex(publicKey) && wasmKey !== hex(publicKey), `ecdsa ${name}`);
    ecdsaInvalid.push({ case: name, publicKey: hex(publicKey), message, hash: hex(hash), signature: hex(signature), valid: false });
  }
}

// ---------------------------------------------------------------------------------------------
// SS58
const ss58 = [];
const alice = hexToU8a(suris.find((x) => x.scheme === 'sr25519' && x.suri === '//Alice').publicKey);
const aliceEcdsa = hexToU8a(suris.find((x) => x.scheme === 'ecdsa' && x.suri === '//Alice').publicKey);
const payloads = [alice, aliceEcdsa, blake2b(aliceEcdsa, { dkLen: 32 }), bytes('ss58-1', 1), bytes('ss58-2', 2), bytes('ss58-4', 4), bytes('ss58-8', 8)];
for (const payload of payloads) {
  for (const prefix of [0, 1, 2, 5, 42, 63, 64, 255, 1284, 7391, 16383]) {
    const address = encodeAddress(payload, prefix);
    let decoded;
    try {
      decoded = decodeAddress(address);
    } catch {
      continue; // util-crypto cannot decode some short payloads with two-byte prefixes: skip them
    }
    check(u8aEq(decoded, payload), `ss58 roundtrip ${address}`);
    ss58.push({ payload: hex(payload), prefix, address });
  }
}
function rawAddress(prefixBytes, payload, checksumLength = 2) {
  const body = u8aConcat(prefixBytes, payload);
  const checksum = blake2b(u8aConcat(stringToU8a('SS58PRE'), body), { dkLen: 64 }).slice(0, checksumLength);
  return base58Encode(u8aConcat(body, checksum));
}
const good = encodeAddress(alice, 42);
const invalidSs58 = [
  { address: good.slice(0, -1) + (good.endsWith('Y') ? 'Z' : 'Y'), reason: 'checksum' },
  { address: good.replace(/^5/, '0'), reason: 'base58' },
  { address: good.slice(0, 20), reason: 'length' },
  { address: rawAddress(new Uint8Array([46]), alice), reason: 'reserved prefix' },
  { address: rawAddress(new Uint8Array([47]), alice), reason: 'reserved prefix' },
  { address: rawAddress(new Uint8Array([200]), alice), reason: 'prefix byte' },
  { address: rawAddress(new Uint8Array([42]), alice.slice(0, 31)), reason: 'length' },
];
for (const x of invalidSs58) {
  let threw = false;
  try { decodeAddress(x.address); } catch { threw = true; }
  if (x.reason !== 'reserved prefix') check(threw, `invalid ss58 ${x.address}`);
}

mkdirSync(out, { recursive: true });
const write = (name, data) => writeFileSync(join(out, name), JSON.stringify(data, null, 1) + '\n');
const source = 'Generated by primitives/src/test/vectors/generate/generate.mjs; see its header for the implementations used.';
write('mnemonics.json', { source, valid: mnemonics, invalid: invalidMnemonics });
write('suris.json', { source, devPhrase: DEV_PHRASE, vectors: suris });
write('sr25519.json', { source, signatures: sr25519Signatures, vrf: vrfSignatures });
write('ed25519.json', { source, signatures: ed25519Signatures, invalid: ed25519Invalid, zip215 });
write('ecdsa.json', { source, signatures: ecdsaSignatures, invalid: ecdsaInvalid, recover: recoverCases });
write('ss58.json', { source, valid: ss58, invalid: invalidSs58 });
console.log(`wrote vectors to ${out}: ${suris.length} suris, ${mnemonics.length} mnemonics, ${sr25519Signatures.length} sr25519, ${vrfSignatures.length} vrf, ${ed25519Signatures.length + zip215.length} ed25519, ${ecdsaSignatures.length + recoverCases.length} ecdsa, ${ss58.length} ss58`);
