/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.announce;

import java.util.Optional;

/** Whether an announced block is the announcer's new best block (SCALE index 0 or 1). */
public enum BlockState {
  /** Not (yet) on the announcer's best chain. */
  NORMAL(0),
  /** The announcer's new best block. */
  BEST(1);

  private final int index;

  BlockState(int index) {
    this.index = index;
  }

  /** The SCALE variant index. */
  public int index() {
    return index;
  }

  /** The state with this SCALE index, if any. */
  public static Optional<BlockState> ofIndex(int index) {
    for (BlockState s : values()) {
      if (s.index == index) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }
}
