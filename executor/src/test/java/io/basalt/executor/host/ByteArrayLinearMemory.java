/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import io.basalt.executor.vm.LinearMemory;
import java.util.Arrays;

/** Test-only growable linear memory. */
final class ByteArrayLinearMemory implements LinearMemory {
  private byte[] data;
  private final int maxPages;

  ByteArrayLinearMemory(int pages, int maxPages) {
    this.data = new byte[pages * PAGE_SIZE];
    this.maxPages = maxPages;
  }

  @Override
  public int pages() {
    return data.length / PAGE_SIZE;
  }

  @Override
  public int maxPages() {
    return maxPages;
  }

  @Override
  public boolean grow(int additionalPages) {
    if (pages() + additionalPages > maxPages) {
      return false;
    }
    data = Arrays.copyOf(data, (pages() + additionalPages) * PAGE_SIZE);
    return true;
  }

  @Override
  public byte[] read(int offset, int length) {
    return Arrays.copyOfRange(data, offset, offset + length);
  }

  @Override
  public void write(int offset, byte[] src, int srcOffset, int length) {
    System.arraycopy(src, srcOffset, data, offset, length);
  }

  @Override
  public long readLong(int offset) {
    long v = 0;
    for (int i = 7; i >= 0; i--) {
      v = (v << 8) | (data[offset + i] & 0xff);
    }
    return v;
  }

  @Override
  public void writeLong(int offset, long value) {
    for (int i = 0; i < 8; i++) {
      data[offset + i] = (byte) (value >>> (8 * i));
    }
  }
}
