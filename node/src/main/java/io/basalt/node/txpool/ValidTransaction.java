/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import java.util.List;

/**
 * A valid transaction and how it relates to others ({@code sp_runtime::transaction_validity::
 * ValidTransaction}).
 *
 * @param priority higher goes first among transactions whose requirements are met (a {@code u64},
 *     compared unsigned)
 * @param requires tags that transactions before this one must provide
 * @param provides tags this transaction provides; two transactions providing one tag conflict
 * @param longevity for how many blocks the validity holds ({@code u64}, compared unsigned; {@code
 *     u64::MAX}, i.e. -1 here, is "forever")
 * @param propagate whether the transaction may be gossiped to peers
 */
public record ValidTransaction(
    long priority, List<Bytes> requires, List<Bytes> provides, long longevity, boolean propagate)
    implements TransactionValidity {

  private static final ScaleCodec<List<Bytes>> TAGS = ScaleCodec.vec(ScaleCodec.BYTES);

  /** {@code (u64, Vec<Vec<u8>>, Vec<Vec<u8>>, u64, bool)}. */
  public static final ScaleCodec<ValidTransaction> CODEC =
      ScaleCodec.of(
          "ValidTransaction",
          (w, v) -> {
            w.writeU64(v.priority);
            TAGS.encode(w, v.requires);
            TAGS.encode(w, v.provides);
            w.writeU64(v.longevity);
            w.writeBool(v.propagate);
          },
          r ->
              new ValidTransaction(
                  r.readI64(), TAGS.decode(r), TAGS.decode(r), r.readI64(), r.readBool()));

  public ValidTransaction {
    requires = List.copyOf(requires);
    provides = List.copyOf(provides);
  }
}
