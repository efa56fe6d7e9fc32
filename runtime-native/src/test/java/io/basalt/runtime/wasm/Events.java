/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import java.math.BigInteger;
import java.util.List;

/**
 * Expected {@code EventRecord}s and events, encoded from spec §4 and §6 independently of
 * runtime-native's {@code RuntimeEvent} (see {@link Tx}).
 */
final class Events {
  private Events() {}

  static final int NORMAL = 0;
  static final int OPERATIONAL = 1;
  static final int MANDATORY = 2;

  static byte[] applyExtrinsic(long index) {
    return new ScaleWriter().writeU8(0).writeU32(index).toByteArray();
  }

  static byte[] initialization() {
    return new byte[] {2};
  }

  static byte[] record(byte[] phase, byte[] event) {
    return new ScaleWriter().writeRaw(phase).writeRaw(event).writeU8(0).toByteArray();
  }

  /** The {@code System.Events} value: {@code Vec<EventRecord>}. */
  static byte[] all(List<byte[]> records) {
    ScaleWriter w = new ScaleWriter().writeCompact(records.size());
    records.forEach(w::writeRaw);
    return w.toByteArray();
  }

  private static ScaleWriter event(int pallet, int variant) {
    return new ScaleWriter().writeU8(pallet).writeU8(variant);
  }

  static byte[] extrinsicSuccess(long weight, int dispatchClass) {
    return event(0, 0)
        .writeCompact(weight)
        .writeCompact(0)
        .writeU8(dispatchClass)
        .writeU8(0)
        .toByteArray();
  }

  static byte[] extrinsicFailed(byte[] error, long weight, int dispatchClass) {
    return event(0, 1)
        .writeRaw(error)
        .writeCompact(weight)
        .writeCompact(0)
        .writeU8(dispatchClass)
        .writeU8(0)
        .toByteArray();
  }

  static byte[] codeUpdated() {
    return event(0, 2).toByteArray();
  }

  static byte[] newAccount(Bytes who) {
    return event(0, 3).writeRaw(who).toByteArray();
  }

  static byte[] killedAccount(Bytes who) {
    return event(0, 4).writeRaw(who).toByteArray();
  }

  static byte[] endowed(Bytes who, BigInteger amount) {
    return event(2, 0).writeRaw(who).writeU128(amount).toByteArray();
  }

  static byte[] dustLost(Bytes who, BigInteger amount) {
    return event(2, 1).writeRaw(who).writeU128(amount).toByteArray();
  }

  static byte[] transfer(Bytes from, Bytes to, BigInteger amount) {
    return event(2, 2).writeRaw(from).writeRaw(to).writeU128(amount).toByteArray();
  }

  static byte[] withdraw(Bytes who, BigInteger amount) {
    return event(2, 8).writeRaw(who).writeU128(amount).toByteArray();
  }

  static byte[] feePaid(Bytes who, BigInteger fee, BigInteger tip) {
    return event(3, 0).writeRaw(who).writeU128(fee).writeU128(tip).toByteArray();
  }

  /** {@code Sudo.Sudid{sudo_result}} with {@code 00} (Ok) or {@code 01 ‖ DispatchError}. */
  static byte[] sudid(byte[] result) {
    return event(4, 0).writeRaw(result).toByteArray();
  }

  static byte[] valueSet(long value, Bytes who) {
    return event(5, 0).writeU32(value).writeRaw(who).toByteArray();
  }

  static byte[] migrated(long translated) {
    return event(5, 1).writeU16(0).writeU16(1).writeU32(translated).toByteArray();
  }
}
