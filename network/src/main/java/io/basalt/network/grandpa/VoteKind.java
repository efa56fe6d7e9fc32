/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.grandpa;

import java.util.Optional;

/** The kind of a GRANDPA vote: the variant index of {@code finality_grandpa::Message}. */
public enum VoteKind {
  PREVOTE(0),
  PRECOMMIT(1),
  PRIMARY_PROPOSE(2);

  private final int index;

  VoteKind(int index) {
    this.index = index;
  }

  /** The SCALE variant index. */
  public int index() {
    return index;
  }

  /** The kind with this index, if any. */
  public static Optional<VoteKind> ofIndex(int index) {
    for (VoteKind k : values()) {
      if (k.index == index) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
