/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.sync;

import java.util.Optional;

/** The order of the blocks a block request asks for (protobuf enum values 0 and 1). */
public enum Direction {
  /** From the start block towards its descendants (higher numbers). */
  ASCENDING(0),
  /** From the start block towards its ancestors (lower numbers). */
  DESCENDING(1);

  private final int value;

  Direction(int value) {
    this.value = value;
  }

  /** The protobuf enum value. */
  public int value() {
    return value;
  }

  /** The direction with this protobuf value, if any. */
  public static Optional<Direction> ofValue(long value) {
    for (Direction d : values()) {
      if (d.value == value) {
        return Optional.of(d);
      }
    }
    return Optional.empty();
  }
}
