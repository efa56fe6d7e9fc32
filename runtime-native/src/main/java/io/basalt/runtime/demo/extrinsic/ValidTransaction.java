/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.extrinsic;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.List;

/**
 * {@code sp_runtime::transaction_validity::ValidTransaction}: {@code priority u64 ‖ requires
 * Vec<Vec<u8>> ‖ provides Vec<Vec<u8>> ‖ longevity u64 ‖ propagate bool}.
 *
 * @param priority the pool priority (unsigned)
 * @param requires tags that must be provided first
 * @param provides tags this transaction provides
 * @param longevity blocks for which the validity holds (unsigned)
 * @param propagate whether to gossip the transaction
 */
public record ValidTransaction(
    long priority, List<Bytes> requires, List<Bytes> provides, long longevity, boolean propagate) {
  public ValidTransaction {
    requires = List.copyOf(requires);
    provides = List.copyOf(provides);
  }

  public void encode(ScaleWriter w) {
    w.writeU64(priority);
    w.writeCompact(requires.size());
    for (Bytes tag : requires) {
      w.writeByteVec(tag);
    }
    w.writeCompact(provides.size());
    for (Bytes tag : provides) {
      w.writeByteVec(tag);
    }
    w.writeU64(longevity);
    w.writeBool(propagate);
  }
}
