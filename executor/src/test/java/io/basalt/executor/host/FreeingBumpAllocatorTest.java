/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.testsupport.RandomCases;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FreeingBumpAllocatorTest {
  static FreeingBumpAllocator allocator(int heapBase, int pages, int maxPages) {
    return new FreeingBumpAllocator(heapBase, new ByteArrayLinearMemory(pages, maxPages));
  }

  @Test
  void digestExamplesWithHeapBaseZero() {
    FreeingBumpAllocator a = allocator(0, 1, 16);
    assertThat(a.allocate(1)).isEqualTo(8);
    assertThat(a.allocate(9)).isEqualTo(24);
    assertThat(a.allocate(1)).isEqualTo(48);
  }

  @Test
  void heapBaseIsAlignedUp() {
    assertThat(allocator(13, 1, 16).allocate(1)).isEqualTo(24);
  }

  @Test
  void ordersRoundUpToPowersOfTwoFromEightBytes() {
    assertThat(FreeingBumpAllocator.orderOf(0)).isZero();
    assertThat(FreeingBumpAllocator.orderOf(8)).isZero();
    assertThat(FreeingBumpAllocator.orderOf(9)).isEqualTo(1);
    assertThat(FreeingBumpAllocator.orderOf(32L << 20)).isEqualTo(22);
  }

  @Test
  void exactly32MibSucceedsAndOneMoreByteFails() {
    FreeingBumpAllocator a = allocator(0, 1, 2048);
    assertThat(a.allocate(32 << 20)).isEqualTo(8);
    FreeingBumpAllocator b = allocator(0, 1, 2048);
    assertThatThrownBy(() -> b.allocate((32 << 20) + 1))
        .isInstanceOf(HostFunctionException.class)
        .hasMessageContaining("larger than the maximum");
    assertThat(b.isPoisoned()).isTrue();
  }

  @Test
  void freedBlocksAreReusedLastInFirstOutPerOrder() {
    FreeingBumpAllocator a = allocator(0, 1, 16);
    int p1 = a.allocate(8);
    int p2 = a.allocate(8);
    int big = a.allocate(16);
    a.deallocate(p1);
    a.deallocate(p2);
    assertThat(a.allocate(3)).isEqualTo(p2);
    assertThat(a.allocate(7)).isEqualTo(p1);
    a.deallocate(big);
    assertThat(a.allocate(8)).isNotEqualTo(big);
  }

  @Test
  void growsMemoryByDoublingUpToTheMaximum() {
    ByteArrayLinearMemory memory = new ByteArrayLinearMemory(1, 5);
    FreeingBumpAllocator a = new FreeingBumpAllocator(0, memory);
    a.allocate(65536);
    assertThat(memory.pages()).isEqualTo(2);
    a.allocate(65536);
    assertThat(memory.pages()).isEqualTo(4);
    a.allocate(65536);
    assertThat(memory.pages()).isEqualTo(4);
    a.allocate(65536);
    assertThat(memory.pages()).isEqualTo(5);
    assertThatThrownBy(() -> a.allocate(65536))
        .isInstanceOf(HostFunctionException.class)
        .hasMessageContaining("out of space");
  }

  @Test
  void doubleFreeAndWildPointersPoisonTheAllocator() {
    FreeingBumpAllocator a = allocator(0, 1, 1);
    int p = a.allocate(10);
    a.deallocate(p);
    assertThatThrownBy(() -> a.deallocate(p)).hasMessageContaining("double free");
    assertThatThrownBy(() -> a.allocate(1)).hasMessageContaining("poisoned");

    FreeingBumpAllocator b = allocator(0, 1, 1);
    assertThatThrownBy(() -> b.deallocate(4)).hasMessageContaining("invalid pointer");
  }

  record AllocationCase(List<Integer> sizes, List<Boolean> frees) {}

  @Test
  void liveAllocationsNeverOverlap() {
    RandomCases.forAll(
        200,
        r -> {
          List<Integer> sizes = new ArrayList<>();
          List<Boolean> frees = new ArrayList<>();
          int n = r.nextInt(61);
          for (int i = 0; i < n; i++) {
            sizes.add(r.nextInt(5001));
            frees.add(r.nextBoolean());
          }
          return new AllocationCase(sizes, frees);
        },
        c -> liveAllocationsNeverOverlapFor(c.sizes(), c.frees()));
  }

  private static void liveAllocationsNeverOverlapFor(List<Integer> sizes, List<Boolean> frees) {
    FreeingBumpAllocator a = allocator(100, 1, 64);
    List<int[]> live = new ArrayList<>();
    for (int i = 0; i < sizes.size(); i++) {
      int size = sizes.get(i);
      int p = a.allocate(size);
      assertThat(p % 8).isZero();
      for (int[] other : live) {
        boolean disjoint = p + Math.max(size, 1) <= other[0] || other[0] + other[1] <= p;
        assertThat(disjoint).isTrue();
      }
      live.add(new int[] {p, Math.max(size, 1)});
      if (i < frees.size() && frees.get(i) && !live.isEmpty()) {
        int[] victim = live.remove(live.size() / 2);
        a.deallocate(victim[0]);
      }
    }
    Set<Integer> pointers = new HashSet<>();
    live.forEach(l -> assertThat(pointers.add(l[0])).isTrue());
  }
}
