/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

/**
 * Which slot claims an epoch accepts besides primary ones (sp-consensus-babe's {@code
 * AllowedSlots}).
 */
public enum AllowedSlots {
  /** Only primary (VRF below the threshold) claims. */
  PRIMARY_SLOTS,
  /** Primary claims, and secondary claims without a VRF. */
  PRIMARY_AND_SECONDARY_PLAIN_SLOTS,
  /** Primary claims, and secondary claims with a VRF. */
  PRIMARY_AND_SECONDARY_VRF_SLOTS;

  /** Whether a secondary claim is allowed at all. */
  public boolean secondary() {
    return this != PRIMARY_SLOTS;
  }

  /** The SCALE variant index. */
  public int index() {
    return switch (this) {
      case PRIMARY_SLOTS -> 0;
      case PRIMARY_AND_SECONDARY_PLAIN_SLOTS -> 1;
      case PRIMARY_AND_SECONDARY_VRF_SLOTS -> 2;
    };
  }

  static AllowedSlots fromIndex(int index) {
    return switch (index) {
      case 0 -> PRIMARY_SLOTS;
      case 1 -> PRIMARY_AND_SECONDARY_PLAIN_SLOTS;
      case 2 -> PRIMARY_AND_SECONDARY_VRF_SLOTS;
      default -> throw new IllegalArgumentException("no AllowedSlots variant " + index);
    };
  }
}
