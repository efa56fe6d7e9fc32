/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv;

import io.basalt.primitives.bytes.Bytes;

/**
 * One stored pair, as returned by iteration.
 *
 * @param key the key
 * @param value the value
 */
public record KeyValue(Bytes key, Bytes value) {}
