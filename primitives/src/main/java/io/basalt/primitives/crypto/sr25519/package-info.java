/* SPDX-License-Identifier: Apache-2.0 */
/**
 * sr25519 in pure Java: schnorrkel's Schnorr signatures, hierarchical derivation (hard {@code //x}
 * and soft {@code /x} junctions) and VRF over ristretto255 and Merlin transcripts, bit-for-bit
 * compatible with Substrate ({@code sp_core::sr25519}, schnorrkel 0.11, signing context {@code
 * "substrate"}).
 *
 * <p>{@link io.basalt.primitives.crypto.sr25519.Sr25519} holds the never-throwing verification
 * functions the host API calls ({@code sr25519_verify} v1 accepts legacy schnorrkel 0.1 signatures,
 * v2 does not); {@link io.basalt.primitives.crypto.sr25519.Sr25519KeyPair} signs and derives;
 * {@link io.basalt.primitives.crypto.sr25519.Sr25519Vrf} is the VRF BABE needs.
 *
 * <pre>{@code
 * Sr25519KeyPair pair = Sr25519KeyPair.fromMiniSecret(seed);
 * byte[] signature = pair.sign(message);               // randomised
 * Sr25519.verify(signature, message, pair.publicKey().toArray());
 * }</pre>
 */
package io.basalt.primitives.crypto.sr25519;
