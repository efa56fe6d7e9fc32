/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.node.importer.PreparedBlock;
import io.basalt.primitives.bytes.Hash256;
import java.util.List;

/**
 * A block built on top of a parent, ready to import.
 *
 * @param block the block and the state it produced
 * @param transactions the pool transactions it includes
 * @param invalid pool transactions found invalid while building (dropped from the pool)
 * @param nanos how long building took
 */
public record Proposal(
    PreparedBlock block, List<Hash256> transactions, List<Hash256> invalid, long nanos) {
  public Proposal {
    transactions = List.copyOf(transactions);
    invalid = List.copyOf(invalid);
  }
}
