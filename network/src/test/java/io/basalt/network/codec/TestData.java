/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.codec;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import java.util.List;

/** Small values the codec tests share. */
public final class TestData {
  private TestData() {}

  /** A hash whose bytes are {@code fill, fill+1, …}. */
  public static Hash256 hash(int fill) {
    byte[] bytes = new byte[32];
    for (int i = 0; i < 32; i++) {
      bytes[i] = (byte) (fill + i);
    }
    return Hash256.wrap(bytes);
  }

  /** A header with a pre-runtime digest item and a seal. */
  public static Header header(long number) {
    return new Header(
        hash(1),
        number,
        hash(2),
        hash(3),
        List.of(
            new DigestItem.PreRuntime(
                io.basalt.primitives.types.EngineId.AURA, Bytes.fromHex("0x01020304")),
            new DigestItem.Seal(
                io.basalt.primitives.types.EngineId.AURA, Bytes.wrap(new byte[64]))));
  }
}
