/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Ed25519 as Substrate uses it: RFC 8032 keys and deterministic signatures (BouncyCastle), hard
 * derivation ({@code "Ed25519HDKD"}), and verification under ed25519-zebra's ZIP-215 rules on
 * Basalt's own edwards25519 arithmetic, so consensus-relevant edge cases (non-canonical or
 * small-order points) are decided as Substrate decides them.
 *
 * <pre>{@code
 * Ed25519KeyPair pair = Ed25519KeyPair.fromSeed(seed);
 * byte[] sig = pair.sign(message);
 * boolean ok = Ed25519.verify(sig, message, pair.publicKey().toArray());
 * }</pre>
 */
package io.basalt.primitives.crypto.ed25519;
