/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import io.basalt.executor.vm.LinearMemory;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.Optional;

/**
 * The runtime's memory as host functions see it: bounds-checked reads and writes, pointer-size
 * ("fat pointer") packing, and allocation through the {@link FreeingBumpAllocator}. Every misuse
 * (out-of-bounds range, undecodable argument) is a {@link HostFunctionException}, never an engine
 * error, so handlers never see the Wasm engine.
 *
 * <p>A pointer-size value is an i64: pointer in the low 32 bits, length in the high 32 bits.
 */
public final class HostMemory {
  private final LinearMemory memory;
  private final FreeingBumpAllocator allocator;

  public HostMemory(LinearMemory memory, FreeingBumpAllocator allocator) {
    this.memory = memory;
    this.allocator = allocator;
  }

  /** Packs a pointer and a length into a pointer-size value. */
  public static long pack(int ptr, int len) {
    return (Integer.toUnsignedLong(len) << 32) | Integer.toUnsignedLong(ptr);
  }

  /** The pointer (low 32 bits) of a pointer-size value. */
  public static int pointerOf(long pointerSize) {
    return (int) pointerSize;
  }

  /** The length (high 32 bits) of a pointer-size value. */
  public static int lengthOf(long pointerSize) {
    return (int) (pointerSize >>> 32);
  }

  /** The allocator of this instance. */
  public FreeingBumpAllocator allocator() {
    return allocator;
  }

  /** Current memory size in bytes. */
  public long size() {
    return memory.size();
  }

  /** Copies {@code len} bytes at {@code ptr}; both unsigned. */
  public byte[] read(int ptr, int len) {
    checkRange(ptr, len);
    return memory.read(ptr, len);
  }

  /** Copies the bytes a pointer-size value designates. */
  public byte[] read(long pointerSize) {
    return read(pointerOf(pointerSize), lengthOf(pointerSize));
  }

  /** The bytes a pointer-size value designates, as {@link Bytes}. */
  public Bytes readBytes(long pointerSize) {
    return Bytes.wrap(read(pointerSize));
  }

  /** Reads exactly {@code n} bytes at a bare pointer (fixed-size arguments: keys, hashes). */
  public Bytes readFixed(int ptr, int n) {
    return Bytes.wrap(read(ptr, n));
  }

  /** Decodes a SCALE value that must fill exactly the range a pointer-size value designates. */
  public <T> T readScale(long pointerSize, ScaleCodec<T> codec) {
    byte[] data = read(pointerSize);
    try {
      return codec.decode(data);
    } catch (ScaleDecodingException e) {
      throw new HostFunctionException(
          "malformed SCALE argument, expected " + codec + ": " + e.getMessage(), e);
    }
  }

  /** Reads a UTF-8 string argument; invalid UTF-8 is replaced (log targets and messages). */
  public String readUtf8Lossy(long pointerSize) {
    return new String(read(pointerSize), java.nio.charset.StandardCharsets.UTF_8);
  }

  /**
   * Checks that the whole range a pointer-size value designates lies in memory, as Substrate does
   * for {@code &mut [u8]} arguments (it copies the whole buffer in and out).
   *
   * @throws HostFunctionException if any of it is out of bounds
   */
  public void requireInBounds(long pointerSize) {
    checkRange(pointerOf(pointerSize), lengthOf(pointerSize));
  }

  /** Writes bytes at {@code ptr}. */
  public void write(int ptr, byte[] data) {
    checkRange(ptr, data.length);
    memory.write(ptr, data, 0, data.length);
  }

  /** Writes up to {@code len} bytes of {@code data} at {@code ptr}. */
  public void write(int ptr, byte[] data, int len) {
    checkRange(ptr, len);
    memory.write(ptr, data, 0, len);
  }

  /** Allocates {@code size} bytes with the host allocator. */
  public int allocate(int size) {
    return allocator.allocate(size);
  }

  /** Allocates a buffer, copies {@code data} into it and returns its address (fixed outputs). */
  public int allocateAndWrite(byte[] data) {
    int ptr = allocator.allocate(data.length);
    write(ptr, data);
    return ptr;
  }

  /** Allocates a buffer, copies {@code data} into it and returns it as a pointer-size value. */
  public long allocateAndWritePointerSize(byte[] data) {
    return pack(allocateAndWrite(data), data.length);
  }

  /** Returns a SCALE-encoded value to the runtime as a pointer-size value. */
  public <T> long returnScale(T value, ScaleCodec<T> codec) {
    return allocateAndWritePointerSize(codec.encode(value));
  }

  /** Returns {@code Option<Vec<u8>>}. */
  public long returnOptionBytes(Optional<Bytes> value) {
    ScaleWriter w = new ScaleWriter(value.map(Bytes::length).orElse(0) + 6);
    w.writeOption(value, ScaleCodec.BYTES);
    return allocateAndWritePointerSize(w.toByteArray());
  }

  private void checkRange(int ptr, int len) {
    long start = Integer.toUnsignedLong(ptr);
    long end = start + Integer.toUnsignedLong(len);
    if (end > memory.size()) {
      throw new HostFunctionException(
          "out-of-bounds memory access: ["
              + start
              + ", "
              + end
              + ") exceeds the memory size of "
              + memory.size()
              + " bytes");
    }
  }
}
