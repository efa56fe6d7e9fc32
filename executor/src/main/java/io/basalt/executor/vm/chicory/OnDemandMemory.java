/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm.chicory;

import com.dylibso.chicory.runtime.ByteArrayMemory;
import com.dylibso.chicory.runtime.ConstantEvaluators;
import com.dylibso.chicory.runtime.Instance;
import com.dylibso.chicory.runtime.Memory;
import com.dylibso.chicory.wasm.types.ActiveDataSegment;
import com.dylibso.chicory.wasm.types.DataSegment;
import com.dylibso.chicory.wasm.types.MemoryLimits;

/**
 * A runtime's linear memory sized as Substrate sizes it, but backed only where it is touched.
 *
 * <p>Substrate's static heap strategy gives an instance {@code initial + heap pages} pages from the
 * start, with the same maximum, so {@code memory.size} reports the whole heap and {@code
 * memory.grow} fails (host-api.md §3). Allocating that (128 MiB for the default 2048 heap pages)
 * for every call would be wasteful: this memory reports the full size to the runtime and the host,
 * while pages are allocated only up to the highest address accessed so far (runtimes use memory
 * from the bottom: data, stack, then the host allocator's heap, bumped upwards). Pages not yet
 * allocated read as zero, as fresh Wasm memory does. {@code memory.grow} works within the maximum,
 * which for the static strategy equals the size, so it fails as in Substrate.
 */
final class OnDemandMemory implements Memory {
  private final ByteArrayMemory backing;
  private final int maximumPages;
  private int pages;
  private long backedBytes;

  /**
   * A memory of {@code pages} pages (at most {@code maximumPages}) of which the first {@code
   * backedPages} are allocated now.
   */
  OnDemandMemory(int backedPages, int pages, int maximumPages) {
    if (backedPages > pages || pages > maximumPages) {
      throw new IllegalArgumentException(
          "pages must satisfy backed <= size <= maximum, got "
              + backedPages
              + ", "
              + pages
              + ", "
              + maximumPages);
    }
    this.backing = new ByteArrayMemory(new MemoryLimits(backedPages, maximumPages));
    this.maximumPages = maximumPages;
    this.pages = pages;
    this.backedBytes = (long) backedPages * PAGE_SIZE;
  }

  /** Pages allocated so far (touched by the runtime or the host, or initially backed). */
  int backedPages() {
    return backing.pages();
  }

  private void ensure(int address, long length) {
    long end = Integer.toUnsignedLong(address) + length;
    if (end > backedBytes) {
      back(end);
    }
  }

  /**
   * Backs the pages up to {@code end} if they lie inside the memory; else leaves the trap. Growing
   * copies the backing array, so it at least doubles (within the memory's size): a runtime that
   * bumps its heap page by page costs a logarithmic number of copies, not one per page.
   */
  private void back(long end) {
    long limit = (long) pages * PAGE_SIZE;
    if (end > limit) {
      return; // out of bounds: the backing memory reports it
    }
    int needed = (int) ((end + PAGE_SIZE - 1) / PAGE_SIZE);
    int target = Math.min(pages, Math.max(needed, 2 * backing.pages()));
    backing.grow(target - backing.pages());
    backedBytes = (long) backing.pages() * PAGE_SIZE;
  }

  @Override
  public int pages() {
    return pages;
  }

  @Override
  public int grow(int size) {
    long target = (long) pages + Integer.toUnsignedLong(size);
    if (target > maximumPages) {
      return -1;
    }
    int previous = pages;
    pages = (int) target;
    return previous;
  }

  @Override
  public int initialPages() {
    return pages;
  }

  @Override
  public int maximumPages() {
    return maximumPages;
  }

  @Override
  public boolean shared() {
    return false;
  }

  @Override
  @SuppressWarnings("removal") // abstract in Chicory 1.7; threads are not a runtime feature
  public Object lock(int address) {
    return backing.lock(address);
  }

  @Override
  @SuppressWarnings("removal") // abstract in Chicory 1.7; threads are not a runtime feature
  public int waitOn(int address, int expected, long timeout) {
    return backing.waitOn(address, expected, timeout);
  }

  @Override
  @SuppressWarnings("removal") // abstract in Chicory 1.7; threads are not a runtime feature
  public int waitOn(int address, long expected, long timeout) {
    return backing.waitOn(address, expected, timeout);
  }

  @Override
  @SuppressWarnings("removal") // abstract in Chicory 1.7; threads are not a runtime feature
  public int notify(int address, int count) {
    return backing.notify(address, count);
  }

  @Override
  public void initialize(Instance instance, DataSegment[] segments) {
    if (segments != null) {
      for (DataSegment segment : segments) {
        if (segment instanceof ActiveDataSegment active) {
          long offset =
              ConstantEvaluators.computeConstantValue(instance, active.offsetInstructions())[0];
          ensure((int) offset, active.data().length);
        }
      }
    }
    backing.initialize(instance, segments);
  }

  @Override
  public void initPassiveSegment(int segmentId, int destination, int offset, int size) {
    ensure(destination, Integer.toUnsignedLong(size));
    backing.initPassiveSegment(segmentId, destination, offset, size);
  }

  @Override
  public void write(int address, byte[] data, int offset, int size) {
    ensure(address, Integer.toUnsignedLong(size));
    backing.write(address, data, offset, size);
  }

  @Override
  public byte read(int address) {
    ensure(address, 1);
    return backing.read(address);
  }

  @Override
  public byte[] readBytes(int address, int length) {
    ensure(address, Integer.toUnsignedLong(length));
    return backing.readBytes(address, length);
  }

  @Override
  public void writeI32(int address, int value) {
    ensure(address, 4);
    backing.writeI32(address, value);
  }

  @Override
  public int readInt(int address) {
    ensure(address, 4);
    return backing.readInt(address);
  }

  @Override
  public void writeLong(int address, long value) {
    ensure(address, 8);
    backing.writeLong(address, value);
  }

  @Override
  public long readLong(int address) {
    ensure(address, 8);
    return backing.readLong(address);
  }

  @Override
  public void writeShort(int address, short value) {
    ensure(address, 2);
    backing.writeShort(address, value);
  }

  @Override
  public short readShort(int address) {
    ensure(address, 2);
    return backing.readShort(address);
  }

  @Override
  public long readU16(int address) {
    ensure(address, 2);
    return backing.readU16(address);
  }

  @Override
  public void writeByte(int address, byte value) {
    ensure(address, 1);
    backing.writeByte(address, value);
  }

  @Override
  public void writeF32(int address, float value) {
    ensure(address, 4);
    backing.writeF32(address, value);
  }

  @Override
  public long readF32(int address) {
    ensure(address, 4);
    return backing.readF32(address);
  }

  @Override
  public float readFloat(int address) {
    ensure(address, 4);
    return backing.readFloat(address);
  }

  @Override
  public void writeF64(int address, double value) {
    ensure(address, 8);
    backing.writeF64(address, value);
  }

  @Override
  public double readDouble(int address) {
    ensure(address, 8);
    return backing.readDouble(address);
  }

  @Override
  public long readF64(int address) {
    ensure(address, 8);
    return backing.readF64(address);
  }

  @Override
  public void zero() {
    backing.zero();
  }

  @Override
  public void fill(byte value, int fromIndex, int toIndex) {
    ensure(fromIndex, Integer.toUnsignedLong(toIndex) - Integer.toUnsignedLong(fromIndex));
    backing.fill(value, fromIndex, toIndex);
  }

  @Override
  public void copy(int destination, int source, int size) {
    ensure(destination, Integer.toUnsignedLong(size));
    ensure(source, Integer.toUnsignedLong(size));
    backing.copy(destination, source, size);
  }

  @Override
  public void drop(int segment) {
    backing.drop(segment);
  }
}
