/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.dispatch;

/** {@code sp_runtime::TokenError} with its SCALE indices (runtime-spec §5.2). */
public enum TokenError {
  FUNDS_UNAVAILABLE(0),
  ONLY_PROVIDER(1),
  BELOW_MINIMUM(2),
  CANNOT_CREATE(3),
  UNKNOWN_ASSET(4),
  FROZEN(5),
  UNSUPPORTED(6),
  CANNOT_CREATE_HOLD(7),
  NOT_EXPENDABLE(8),
  BLOCKED(9);

  private final int index;

  TokenError(int index) {
    this.index = index;
  }

  public int index() {
    return index;
  }

  /**
   * The error with this variant index.
   *
   * @throws IllegalArgumentException for an unknown index
   */
  public static TokenError fromIndex(int index) {
    for (TokenError e : values()) {
      if (e.index == index) {
        return e;
      }
    }
    throw new IllegalArgumentException("no TokenError with index " + index);
  }
}
