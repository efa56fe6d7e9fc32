/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

/**
 * BABE's {@code c}, the probability that a slot has a primary claim, as {@code (u64, u64)}.
 *
 * @param numerator the numerator (an unsigned u64)
 * @param denominator the denominator (an unsigned u64)
 */
public record Ratio(long numerator, long denominator) {
  /** The value as a double, each part converted as Rust's {@code u64 as f64} does. */
  public double value() {
    return unsignedToDouble(numerator) / unsignedToDouble(denominator);
  }

  static double unsignedToDouble(long v) {
    if (v >= 0) {
      return v;
    }
    // round-to-nearest of the unsigned value: halve (keeping the sticky bit), convert, double
    return ((double) ((v >>> 1) | (v & 1))) * 2.0;
  }

  @Override
  public String toString() {
    return Long.toUnsignedString(numerator) + "/" + Long.toUnsignedString(denominator);
  }
}
