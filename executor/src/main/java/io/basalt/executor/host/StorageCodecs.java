/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import java.util.Optional;

/** SCALE shapes shared by the storage namespaces. */
final class StorageCodecs {
  static final ScaleCodec<Optional<Long>> OPTION_U32 = ScaleCodec.option(ScaleCodec.U32);
  static final ScaleCodec<Optional<Bytes>> OPTION_BYTES = ScaleCodec.option(ScaleCodec.BYTES);

  private StorageCodecs() {}

  /**
   * {@code Option<u32>}: the remaining length after {@code offset}, copying what fits. The whole
   * {@code value_out} buffer must lie in memory, whether or not the value exists (Substrate copies
   * the buffer in before the call and out after it).
   */
  static long read(HostMemory memory, Optional<Bytes> value, long outPointerSize, int offset) {
    memory.requireInBounds(outPointerSize);
    if (value.isEmpty()) {
      return memory.returnScale(Optional.empty(), OPTION_U32);
    }
    byte[] data = value.get().unsafeArray();
    int start = (int) Math.min(Integer.toUnsignedLong(offset), data.length);
    int remaining = data.length - start;
    int outLength = HostMemory.lengthOf(outPointerSize);
    int written = (int) Math.min(remaining, Integer.toUnsignedLong(outLength));
    byte[] slice = java.util.Arrays.copyOfRange(data, start, start + written);
    memory.write(HostMemory.pointerOf(outPointerSize), slice);
    return memory.returnScale(Optional.of((long) remaining), OPTION_U32);
  }
}
