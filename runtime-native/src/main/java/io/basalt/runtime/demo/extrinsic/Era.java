/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.extrinsic;

import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * {@code sp_runtime::generic::Era}: the lifetime of a transaction (runtime-spec §2). Immortal is
 * {@code period == 0}. Arithmetic is on unsigned 64-bit block numbers.
 *
 * <pre>{@code
 * Era era = Era.mortal(64, 42); // encodes as a502
 * era.birth(50);                // 42
 * era.death(50);                // 106
 * }</pre>
 *
 * @param period the period (a power of two in [4, 65536]), or 0 for immortal
 * @param phase the phase within the period
 */
public record Era(long period, long phase) {
  public static final Era IMMORTAL = new Era(0, 0);

  public Era {
    if (period != 0 && (period < 4 || phase < 0 || phase >= period)) {
      throw new IllegalArgumentException(
          "invalid mortal era: period " + period + ", phase " + phase);
    }
  }

  public boolean isImmortal() {
    return period == 0;
  }

  /** A mortal era of at least {@code period} blocks starting at {@code current}. */
  public static Era mortal(long period, long current) {
    long p = Math.min(Math.max(nextPowerOfTwo(period), 4), 1 << 16);
    long phase = current % p;
    long quantize = Math.max(p >> 12, 1);
    long quantizedPhase = phase / quantize * quantize;
    return new Era(p, quantizedPhase);
  }

  private static long nextPowerOfTwo(long v) {
    if (v <= 1) {
      return 1;
    }
    return Long.highestOneBit(v - 1) << 1;
  }

  /** The first block of the era that contains {@code current}. */
  public long birth(long current) {
    if (isImmortal()) {
      return 0;
    }
    long max = Long.compareUnsigned(current, phase) > 0 ? current : phase;
    return Long.divideUnsigned(max - phase, period) * period + phase;
  }

  /** The first block at which the transaction is dead ({@code u64::MAX} when immortal). */
  public long death(long current) {
    return isImmortal() ? -1L : birth(current) + period;
  }

  public static Era decode(ScaleReader r) {
    int at = r.position();
    int first = r.readU8();
    if (first == 0) {
      return IMMORTAL;
    }
    int encoded = first | (r.readU8() << 8);
    long period = 2L << (encoded % 16);
    long quantize = Math.max(period >> 12, 1);
    long phase = (long) (encoded >> 4) * quantize;
    if (period >= 4 && phase < period) {
      return new Era(period, phase);
    }
    throw new ScaleDecodingException(at, "Era", "invalid period " + period + " and phase " + phase);
  }

  public void encode(ScaleWriter w) {
    if (isImmortal()) {
      w.writeU8(0);
      return;
    }
    long quantize = Math.max(period >> 12, 1);
    int trailingZeros = Long.numberOfTrailingZeros(period);
    long encoded = Math.min(15, Math.max(1, trailingZeros - 1)) | ((phase / quantize) << 4);
    w.writeU16((int) encoded);
  }
}
