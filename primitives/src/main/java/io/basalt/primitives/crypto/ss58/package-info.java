/* SPDX-License-Identifier: Apache-2.0 */
/**
 * SS58 addresses (base58check with a network prefix and a BLAKE2b checksum) and the network prefix
 * registry, as Substrate encodes and decodes account ids and public keys.
 *
 * <pre>{@code
 * Ss58.encode(publicKey, Ss58AddressFormat.parse("polkadot")); // 1... address
 * Ss58.decode("5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY", 32).payload();
 * }</pre>
 */
package io.basalt.primitives.crypto.ss58;
