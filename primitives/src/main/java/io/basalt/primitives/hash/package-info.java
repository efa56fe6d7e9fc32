/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Hash functions used by Substrate: BLAKE2b at any digest length (block and trie hashes, API ids),
 * xxHash64-based {@code twox} (storage prefixes), Keccak-256/512 (Ethereum compatibility),
 * SHA2-256, and FRAME's {@link io.basalt.primitives.hash.StorageHasher}s.
 *
 * <p>Example: the key of {@code System.Number} is {@code twox128("System") ++ twox128("Number")}.
 * The Keccak-f[1600] permutation is public because STROBE/Merlin transcripts (sr25519) reuse it.
 */
package io.basalt.primitives.hash;
