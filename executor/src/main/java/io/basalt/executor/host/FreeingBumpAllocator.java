/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import io.basalt.executor.vm.LinearMemory;

/**
 * Substrate's freeing-bump allocator ({@code sc-allocator}), the allocator behind {@code
 * ext_allocator_malloc_version_1} and every buffer the host returns to the runtime.
 *
 * <p>Allocations are rounded up to a power of two between 8 bytes and 32 MiB (23 size classes,
 * "orders") and preceded by an 8-byte header: occupied = bit 32 set and the order in the low bits;
 * free = the address of the next free header of the same order (0xFFFFFFFF ends the list). Freed
 * blocks go to a LIFO list per order and are reused for the same order only; otherwise the bump
 * pointer advances, growing memory (doubling, capped at the maximum) when needed. Any error poisons
 * the allocator: every later call fails. Spec: host-api digest §4; Polkadot spec, "Allocator".
 */
public final class FreeingBumpAllocator {
  /** Alignment of every allocation, and size of the header. */
  static final int ALIGNMENT = 8;

  static final int HEADER_SIZE = 8;

  /** Number of size classes: 8 B (order 0) .. 32 MiB (order 22). */
  static final int ORDERS = 23;

  /** The largest allocation, 32 MiB. */
  public static final int MAX_POSSIBLE_ALLOCATION = 32 * 1024 * 1024;

  private static final int MIN_POSSIBLE_ALLOCATION = 8;
  private static final long OCCUPIED_BIT = 1L << 32;
  private static final int NIL = 0xFFFFFFFF;
  private static final int MAX_WASM_PAGES = 65536;

  private final LinearMemory memory;
  private final int[] freeLists = new int[ORDERS];
  private long bumper;
  private boolean poisoned;
  private long lastObservedSize;

  /**
   * An allocator for the heap above {@code heapBase}.
   *
   * @param heapBase the runtime's {@code __heap_base}: the first byte the allocator may use
   * @param memory the instance's memory
   */
  public FreeingBumpAllocator(int heapBase, LinearMemory memory) {
    this.memory = memory;
    this.bumper = alignUp(Integer.toUnsignedLong(heapBase));
    java.util.Arrays.fill(freeLists, NIL);
    this.lastObservedSize = memory.size();
  }

  private static long alignUp(long value) {
    return (value + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
  }

  /**
   * Allocates {@code size} bytes (0 allowed).
   *
   * @return the address of the payload
   * @throws HostFunctionException if the request is too large, memory is exhausted, the heap is
   *     corrupted, or the allocator was poisoned by an earlier error
   */
  public int allocate(int size) {
    checkUsable();
    try {
      int order = orderOf(Integer.toUnsignedLong(size));
      long blockSize = blockSize(order);
      long header;
      if (freeLists[order] != NIL) {
        header = Integer.toUnsignedLong(freeLists[order]);
        if (header + HEADER_SIZE + blockSize > memory.size()) {
          throw fail("invalid header pointer " + header + " in the free list of order " + order);
        }
        long raw = readHeader(header);
        if ((raw & OCCUPIED_BIT) != 0) {
          throw fail(
              "the free list of order " + order + " points to an occupied header at " + header);
        }
        freeLists[order] = (int) raw;
      } else {
        header = bump(HEADER_SIZE + blockSize);
      }
      memory.writeLong((int) header, OCCUPIED_BIT | order);
      lastObservedSize = memory.size();
      return (int) (header + HEADER_SIZE);
    } catch (HostFunctionException e) {
      poisoned = true;
      throw e;
    }
  }

  /**
   * Frees an allocation made by {@link #allocate}.
   *
   * @throws HostFunctionException on a pointer that is not a live allocation (double free, wild
   *     pointer) or if the allocator is poisoned
   */
  public void deallocate(int ptr) {
    checkUsable();
    try {
      long address = Integer.toUnsignedLong(ptr);
      if (address < HEADER_SIZE) {
        throw fail("invalid pointer " + address + " for deallocation");
      }
      long header = address - HEADER_SIZE;
      long raw = readHeader(header);
      if ((raw & OCCUPIED_BIT) == 0) {
        throw fail("deallocating " + address + ", which is not allocated (double free?)");
      }
      int order = (int) raw;
      if (order < 0 || order >= ORDERS) {
        throw fail(
            "the header at "
                + header
                + " holds an invalid order "
                + Integer.toUnsignedString(order));
      }
      memory.writeLong((int) header, Integer.toUnsignedLong(freeLists[order]));
      freeLists[order] = (int) header;
      lastObservedSize = memory.size();
    } catch (HostFunctionException e) {
      poisoned = true;
      throw e;
    }
  }

  /** Whether an earlier error disabled the allocator. */
  public boolean isPoisoned() {
    return poisoned;
  }

  private void checkUsable() {
    if (poisoned) {
      throw new HostFunctionException("allocator: poisoned by an earlier error");
    }
    if (memory.size() < lastObservedSize) {
      poisoned = true;
      throw new HostFunctionException(
          "allocator: memory shrank from " + lastObservedSize + " to " + memory.size() + " bytes");
    }
  }

  /** The order (size class) of a request; package-private for tests. */
  static int orderOf(long size) {
    if (size > MAX_POSSIBLE_ALLOCATION) {
      throw new HostFunctionException(
          "allocator: requested allocation of "
              + size
              + " bytes is larger than the maximum of "
              + MAX_POSSIBLE_ALLOCATION);
    }
    long amended = Math.max(size, MIN_POSSIBLE_ALLOCATION);
    int log2 = 64 - Long.numberOfLeadingZeros(amended - 1);
    return log2 - 3;
  }

  static long blockSize(int order) {
    return (long) MIN_POSSIBLE_ALLOCATION << order;
  }

  private long readHeader(long header) {
    if (header + HEADER_SIZE > memory.size()) {
      throw fail("header at " + header + " is outside memory (" + memory.size() + " bytes)");
    }
    return memory.readLong((int) header);
  }

  private long bump(long size) {
    long required = bumper + size;
    if (required > memory.size()) {
      long requiredPages = (required + LinearMemory.PAGE_SIZE - 1) / LinearMemory.PAGE_SIZE;
      int currentPages = memory.pages();
      int maxPages = Math.min(memory.maxPages(), MAX_WASM_PAGES);
      if (currentPages >= maxPages || requiredPages > maxPages) {
        throw fail(
            "out of space: allocating "
                + size
                + " bytes at "
                + bumper
                + " needs "
                + requiredPages
                + " pages, the maximum is "
                + maxPages);
      }
      long nextPages = Math.max(Math.min(currentPages * 2L, maxPages), requiredPages);
      if (!memory.grow((int) (nextPages - currentPages))) {
        throw fail("out of space: cannot grow memory to " + nextPages + " pages");
      }
    }
    long result = bumper;
    bumper += size;
    return result;
  }

  private static HostFunctionException fail(String message) {
    return new HostFunctionException("allocator: " + message);
  }
}
