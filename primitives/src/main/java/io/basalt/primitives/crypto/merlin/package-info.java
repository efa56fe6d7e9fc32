/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Merlin transcripts (merlin.cool): STROBE-128 over the Keccak-f[1600] permutation of {@link
 * io.basalt.primitives.hash.KeccakSponge}, used by schnorrkel for every Fiat–Shamir challenge and
 * for nonce ("witness") generation.
 *
 * <pre>{@code
 * Transcript t = new Transcript("SigningContext");
 * t.appendMessage("", "substrate".getBytes(UTF_8));
 * t.appendMessage("sign-bytes", message);
 * byte[] c = t.challengeBytes("sign:c", 64);
 * }</pre>
 */
package io.basalt.primitives.crypto.merlin;
