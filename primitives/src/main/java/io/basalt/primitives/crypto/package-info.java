/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Substrate's cryptography in one place: {@link io.basalt.primitives.crypto.KeyScheme} (sr25519,
 * ed25519, ecdsa) with key pairs from seeds, mnemonics and secret URIs, and scheme-independent
 * {@link io.basalt.primitives.crypto.KeyPair}s. The sub-packages hold each piece: the curve layer
 * ({@code curve25519}), Merlin transcripts ({@code merlin}), the three schemes, BIP39 ({@code
 * bip39}), secret URIs ({@code suri}), SS58 addresses ({@code ss58}) and key stores ({@code
 * keystore}).
 *
 * <p>Host functions call the static, never-throwing verifiers directly ({@code Sr25519.verify},
 * {@code Ed25519.verify}, {@code Ecdsa.verify}/{@code recover}). Nothing in these packages logs,
 * and no {@code toString} reveals a secret.
 *
 * <pre>{@code
 * KeyPair alice = KeyScheme.SR25519.fromSuri("//Alice", Optional.empty()).pair();
 * String address = Ss58.encode(alice.accountId(), Ss58AddressFormat.SUBSTRATE);
 * }</pre>
 */
package io.basalt.primitives.crypto;
