/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.dispatch;

import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * {@code sp_weights::Weight}: two unsigned 64-bit numbers, both compact-encoded. basalt-demo keeps
 * {@code proofSize} at zero for everything it computes (runtime-spec §5.5).
 *
 * @param refTime execution time (u64, unsigned)
 * @param proofSize proof size (u64, unsigned)
 */
public record Weight(long refTime, long proofSize) {
  public static final Weight ZERO = new Weight(0, 0);

  /** A weight with only execution time. */
  public static Weight ofRefTime(long refTime) {
    return new Weight(refTime, 0);
  }

  /** Component-wise addition that stops at u64::MAX. */
  public Weight saturatingAdd(Weight other) {
    return new Weight(
        saturatingAdd(refTime, other.refTime), saturatingAdd(proofSize, other.proofSize));
  }

  /** Unsigned 64-bit addition that stops at u64::MAX. */
  public static long saturatingAdd(long a, long b) {
    long sum = a + b;
    return Long.compareUnsigned(sum, a) < 0 ? -1L : sum;
  }

  public static Weight decode(ScaleReader r) {
    return new Weight(r.readCompactLong(), r.readCompactLong());
  }

  public void encode(ScaleWriter w) {
    writeCompactU64(w, refTime);
    writeCompactU64(w, proofSize);
  }

  /** Writes an unsigned 64-bit value as a compact integer. */
  public static void writeCompactU64(ScaleWriter w, long value) {
    if (value >= 0) {
      w.writeCompact(value);
    } else {
      w.writeCompact(new java.math.BigInteger(Long.toUnsignedString(value)));
    }
  }

  @Override
  public String toString() {
    return "Weight{refTime="
        + Long.toUnsignedString(refTime)
        + ", proofSize="
        + Long.toUnsignedString(proofSize)
        + "}";
  }
}
