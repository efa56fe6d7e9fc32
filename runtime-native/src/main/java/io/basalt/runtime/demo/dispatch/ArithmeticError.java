/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.dispatch;

/** {@code sp_arithmetic::ArithmeticError} with its SCALE indices. */
public enum ArithmeticError {
  UNDERFLOW(0),
  OVERFLOW(1),
  DIVISION_BY_ZERO(2);

  private final int index;

  ArithmeticError(int index) {
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
  public static ArithmeticError fromIndex(int index) {
    for (ArithmeticError e : values()) {
      if (e.index == index) {
        return e;
      }
    }
    throw new IllegalArgumentException("no ArithmeticError with index " + index);
  }
}
