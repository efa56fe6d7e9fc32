/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

/**
 * The state trie layout. V0 stores every value inline in its node; V1 stores values of 33 bytes or
 * more as a separate node referenced by their BLAKE2b-256 hash.
 */
public enum StateVersion {
  V0,
  V1;

  /** Values at least this long are hashed in V1. */
  public static final int V1_HASHED_VALUE_THRESHOLD = 33;

  /** Whether a value of this length is stored as a hash under this layout. */
  public boolean hashesValue(int valueLength) {
    return this == V1 && valueLength >= V1_HASHED_VALUE_THRESHOLD;
  }

  /** The host API's number for this version (0 or 1). */
  public int number() {
    return this == V0 ? 0 : 1;
  }

  /**
   * Maps the host API's version argument to a layout.
   *
   * @throws IllegalArgumentException for any number other than 0 or 1
   */
  public static StateVersion fromNumber(int number) {
    return switch (number) {
      case 0 -> V0;
      case 1 -> V1;
      default -> throw new IllegalArgumentException("unknown state version " + number);
    };
  }
}
