/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.dispatch;

/** {@code frame_support::dispatch::DispatchClass}: {@code Normal=0, Operational=1, Mandatory=2}. */
public enum DispatchClass {
  NORMAL(0),
  OPERATIONAL(1),
  MANDATORY(2);

  private final int index;

  DispatchClass(int index) {
    this.index = index;
  }

  /** The SCALE variant index. */
  public int index() {
    return index;
  }

  /**
   * The class with this variant index.
   *
   * @throws IllegalArgumentException for an unknown index
   */
  public static DispatchClass fromIndex(int index) {
    for (DispatchClass c : values()) {
      if (c.index == index) {
        return c;
      }
    }
    throw new IllegalArgumentException("no DispatchClass with index " + index);
  }
}
