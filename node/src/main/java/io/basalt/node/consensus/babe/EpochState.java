/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

import io.basalt.primitives.scale.ScaleCodec;

/**
 * The epochs as seen from a block: the epoch it belongs to and the next one, already announced (by
 * the first block of {@code current}). Stored as an aux record beside each block that starts an
 * epoch, so that every fork keeps its own.
 *
 * @param current the epoch the block belongs to
 * @param next the epoch that follows it
 */
public record EpochState(Epoch current, Epoch next) {
  public static final ScaleCodec<EpochState> CODEC =
      ScaleCodec.of(
          "EpochState",
          (w, s) -> {
            Epoch.CODEC.encode(w, s.current);
            Epoch.CODEC.encode(w, s.next);
          },
          r -> new EpochState(Epoch.CODEC.decode(r), Epoch.CODEC.decode(r)));
}
