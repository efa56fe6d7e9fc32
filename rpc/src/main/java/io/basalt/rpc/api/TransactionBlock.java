/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Hash256;

/**
 * Where a transaction was included.
 *
 * @param hash the block
 * @param index the 0-based position of the transaction in the block's body
 */
public record TransactionBlock(Hash256 hash, long index) {}
