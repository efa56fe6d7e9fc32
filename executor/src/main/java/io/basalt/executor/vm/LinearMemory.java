/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

/**
 * A Wasm instance's linear memory, as the host sees it. Offsets are unsigned 32-bit values held in
 * an int; callers check bounds against {@link #size()} first (out-of-bounds access is a runtime
 * error, reported as such by the caller).
 */
public interface LinearMemory {
  /** The Wasm page size, 64 KiB. */
  int PAGE_SIZE = 65536;

  /** Current size in pages. */
  int pages();

  /** The most pages this memory may grow to. */
  int maxPages();

  /** Current size in bytes. */
  default long size() {
    return (long) pages() * PAGE_SIZE;
  }

  /**
   * Grows the memory by {@code additionalPages}.
   *
   * @return false if the maximum would be exceeded (nothing changes then)
   */
  boolean grow(int additionalPages);

  /** Copies {@code length} bytes starting at {@code offset}. */
  byte[] read(int offset, int length);

  /** Writes {@code length} bytes of {@code data} from {@code dataOffset} at {@code offset}. */
  void write(int offset, byte[] data, int dataOffset, int length);

  /** Reads a little-endian u64. */
  long readLong(int offset);

  /** Writes a little-endian u64. */
  void writeLong(int offset, long value);
}
