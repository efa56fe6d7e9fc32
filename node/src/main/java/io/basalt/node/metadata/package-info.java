/* SPDX-License-Identifier: Apache-2.0 */
/**
 * A runtime's metadata as the node reads it (frame-metadata V14 and V15): the type registry and the
 * pallets' storage items, enough to name storage by pallet and item and to encode values given as
 * JSON the way polkadot.js does. Used by Chopsticks' {@code dev_setStorage} object form.
 *
 * <pre>{@code
 * RuntimeMetadata metadata = RuntimeMetadata.decode(prefixedBytes);
 * RuntimeMetadata.StorageItem account = metadata.storageItem("System", "Account").orElseThrow();
 * Bytes key = account.key(metadata.encoder(), json("[\"5GrwvaEF...\"]"));
 * Bytes value = metadata.encoder().encode(account.valueType(), json("{\"data\":{\"free\":1}}"));
 * }</pre>
 */
package io.basalt.node.metadata;
