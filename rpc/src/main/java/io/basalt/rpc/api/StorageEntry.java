/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Bytes;

/** One key and its value in a block's storage. */
public record StorageEntry(Bytes key, Bytes value) {}
