/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;
import java.util.Optional;

/**
 * The outcome of removing many keys ({@code MultiRemovalResults} in sp-io): SCALE {@code
 * (Option<Vec<u8>>, u32, u32, u32)} in this field order.
 *
 * @param cursor where to continue if the limit stopped the removal; empty when all are removed
 * @param backend keys removed from the backend
 * @param unique distinct keys removed, counting the overlay and the backend
 * @param loops backend keys visited (each a storage seek)
 */
public record RemovalResult(Optional<Bytes> cursor, long backend, long unique, long loops) {
  /** Nothing removed, nothing left. */
  public static final RemovalResult NONE = new RemovalResult(Optional.empty(), 0, 0, 0);

  /** Whether every matching key is gone. */
  public boolean allRemoved() {
    return cursor.isEmpty();
  }
}
