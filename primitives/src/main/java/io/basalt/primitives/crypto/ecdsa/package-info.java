/* SPDX-License-Identifier: Apache-2.0 */
/**
 * ECDSA over secp256k1 the Substrate way (BouncyCastle curve arithmetic): compressed 33-byte keys,
 * 65-byte recoverable signatures over blake2-256, public-key recovery with the v1 (lenient,
 * overflowing r/s) and v2 (strict) rules of sp-io, and {@code "Secp256k1HDKD"} hard derivation.
 *
 * <pre>{@code
 * EcdsaKeyPair pair = EcdsaKeyPair.fromSeed(seed);
 * byte[] sig = pair.sign(message);                    // deterministic, low s
 * Ecdsa.verify(sig, message, pair.publicKey().toArray());
 * Ecdsa.recover(sig, Hashing.blake2b256(message), Ecdsa.Parsing.STRICT); // Ok(64-byte key)
 * }</pre>
 */
package io.basalt.primitives.crypto.ecdsa;
