/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Substrate's secret URIs: {@code [phrase][/soft | //hard]*[///password]}, parsed exactly like
 * {@code sp_core::crypto::AddressUri} into a phrase (BIP39 mnemonic or {@code 0x} hex seed, the
 * public dev phrase when absent), {@link io.basalt.primitives.crypto.suri.DeriveJunction}s and an
 * optional password.
 *
 * <pre>{@code
 * SecretUri uri = SecretUri.parse("//Alice///secret");
 * uri.phrase();    // the dev phrase
 * uri.junctions(); // [hard "Alice"]
 * }</pre>
 */
package io.basalt.primitives.crypto.suri;
