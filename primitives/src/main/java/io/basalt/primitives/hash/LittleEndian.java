/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.hash;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/** Little-endian word access into byte arrays, shared by the hash implementations. */
final class LittleEndian {
  private static final VarHandle LONGS =
      MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final VarHandle INTS =
      MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);

  private LittleEndian() {}

  static long readLong(byte[] b, int offset) {
    return (long) LONGS.get(b, offset);
  }

  static void writeLong(byte[] b, int offset, long value) {
    LONGS.set(b, offset, value);
  }

  static int readInt(byte[] b, int offset) {
    return (int) INTS.get(b, offset);
  }
}
