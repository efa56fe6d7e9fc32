/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.primitives.bytes.Hash256;

/**
 * A block made on request (manual seal's {@code CreatedBlock}).
 *
 * @param hash the new block's hash
 * @param number its number
 * @param isNewBest whether it became the best block
 * @param finalized whether it was finalized at once
 */
public record CreatedBlock(Hash256 hash, long number, boolean isNewBest, boolean finalized) {}
