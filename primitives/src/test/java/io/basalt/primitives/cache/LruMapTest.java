/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class LruMapTest {
  @Test
  void dropsTheLeastRecentlyUsedEntryBeyondItsCapacity() {
    LruMap<String, Integer> map = new LruMap<>(2);
    map.put("a", 1);
    map.put("b", 2);
    assertThat(map.get("a")).isEqualTo(1); // "a" is now more recent than "b"
    map.put("c", 3);
    assertThat(map).containsOnlyKeys("a", "c");
    map.computeIfAbsent("d", k -> 4);
    assertThat(map).containsOnlyKeys("c", "d");
  }

  @Test
  void refusesAZeroCapacity() {
    assertThatThrownBy(() -> new LruMap<>(0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("at least one");
  }
}
