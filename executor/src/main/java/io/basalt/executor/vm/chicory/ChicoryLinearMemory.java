/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm.chicory;

import com.dylibso.chicory.runtime.Memory;
import io.basalt.executor.vm.LinearMemory;

/** {@link LinearMemory} over a Chicory memory. */
final class ChicoryLinearMemory implements LinearMemory {
  private final Memory memory;

  ChicoryLinearMemory(Memory memory) {
    this.memory = memory;
  }

  @Override
  public int pages() {
    return memory.pages();
  }

  @Override
  public int maxPages() {
    return memory.maximumPages();
  }

  @Override
  public boolean grow(int additionalPages) {
    return memory.grow(additionalPages) >= 0;
  }

  @Override
  public byte[] read(int offset, int length) {
    return memory.readBytes(offset, length);
  }

  @Override
  public void write(int offset, byte[] data, int dataOffset, int length) {
    memory.write(offset, data, dataOffset, length);
  }

  @Override
  public long readLong(int offset) {
    return memory.readLong(offset);
  }

  @Override
  public void writeLong(int offset, long value) {
    memory.writeLong(offset, value);
  }
}
