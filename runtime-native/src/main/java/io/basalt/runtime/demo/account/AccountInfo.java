/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.account;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.math.BigInteger;

/**
 * {@code frame_system::AccountInfo<u32, AccountData<u128>>}, 80 bytes (runtime-spec §4).
 * basalt-demo keeps {@code consumers}, {@code sufficients}, {@code reserved} and {@code frozen} at
 * zero and {@code providers} at one for every account it creates, but carries whatever is stored.
 *
 * @param nonce the number of transactions sent
 * @param consumers FRAME's consumer reference count
 * @param providers FRAME's provider reference count
 * @param sufficients FRAME's sufficient reference count
 * @param free the free balance (u128)
 * @param reserved the reserved balance (u128)
 * @param frozen the frozen balance (u128)
 * @param flags FRAME's extra flags (u128)
 */
public record AccountInfo(
    long nonce,
    long consumers,
    long providers,
    long sufficients,
    BigInteger free,
    BigInteger reserved,
    BigInteger frozen,
    BigInteger flags) {
  public static final int ENCODED_LENGTH = 80;

  /** FRAME's "new logic" flag bit, set on every account basalt-demo creates. */
  public static final BigInteger NEW_LOGIC_FLAG = BigInteger.ONE.shiftLeft(127);

  /** What an absent account reads as: all zero. */
  public static final AccountInfo EMPTY =
      new AccountInfo(
          0, 0, 0, 0, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO, BigInteger.ZERO);

  /** A new account holding {@code free}: nonce 0, one provider, the new-logic flag. */
  public static AccountInfo created(BigInteger free) {
    return new AccountInfo(0, 0, 1, 0, free, BigInteger.ZERO, BigInteger.ZERO, NEW_LOGIC_FLAG);
  }

  public AccountInfo withFree(BigInteger newFree) {
    return new AccountInfo(
        nonce, consumers, providers, sufficients, newFree, reserved, frozen, flags);
  }

  public AccountInfo withNonce(long newNonce) {
    return new AccountInfo(
        newNonce, consumers, providers, sufficients, free, reserved, frozen, flags);
  }

  public static AccountInfo decode(ScaleReader r) {
    return new AccountInfo(
        r.readU32AsLong(),
        r.readU32AsLong(),
        r.readU32AsLong(),
        r.readU32AsLong(),
        r.readU128(),
        r.readU128(),
        r.readU128(),
        r.readU128());
  }

  public Bytes encode() {
    return new ScaleWriter(ENCODED_LENGTH)
        .writeU32(nonce)
        .writeU32(consumers)
        .writeU32(providers)
        .writeU32(sufficients)
        .writeU128(free)
        .writeU128(reserved)
        .writeU128(frozen)
        .writeU128(flags)
        .toBytes();
  }
}
