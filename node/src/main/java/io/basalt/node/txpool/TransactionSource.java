/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.scale.ScaleCodec;

/**
 * Where a transaction comes from ({@code sp_runtime::transaction_validity::TransactionSource}); the
 * runtime may validate differently by source, e.g. accept some unsigned transactions only from
 * {@link #LOCAL} offchain workers.
 */
public enum TransactionSource {
  /** Already included in a block: its origin is unknown. Encoded as 0. */
  IN_BLOCK(0),
  /** Produced by this node (offchain workers, local calls). Encoded as 1. */
  LOCAL(1),
  /** Received from outside (RPC, network): untrusted. Encoded as 2. */
  EXTERNAL(2);

  /** The one-byte SCALE encoding (the variant index). */
  public static final ScaleCodec<TransactionSource> CODEC =
      ScaleCodec.of(
          "TransactionSource",
          (w, s) -> w.writeU8(s.index),
          r -> fromIndex(r.readVariant("TransactionSource", values().length)));

  private final int index;

  TransactionSource(int index) {
    this.index = index;
  }

  /** The variant index: 0, 1 or 2. */
  public int index() {
    return index;
  }

  private static TransactionSource fromIndex(int index) {
    for (TransactionSource source : values()) {
      if (source.index == index) {
        return source;
      }
    }
    throw new IllegalArgumentException("no transaction source has index " + index);
  }
}
