/* SPDX-License-Identifier: Apache-2.0 */
/**
 * BIP39 English mnemonics and Substrate's mnemonic-to-seed rule ({@code substrate-bip39}: PBKDF2
 * over the entropy, not over the phrase), which every Substrate key scheme starts from.
 *
 * <pre>{@code
 * Mnemonic m = Mnemonic.parse("bottom drive obey lake curtain smoke basket hold race lonely fit walk");
 * byte[] miniSecret = m.miniSecret(""); // the sr25519 / ed25519 / ecdsa seed
 * }</pre>
 */
package io.basalt.primitives.crypto.bip39;
