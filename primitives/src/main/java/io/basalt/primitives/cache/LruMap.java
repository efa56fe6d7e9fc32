/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.cache;

import java.io.Serial;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A map that keeps at most {@code capacity} entries and drops the least recently used one (read or
 * written) when it grows past that. Not thread-safe: guard it, or wrap it with {@link
 * java.util.Collections#synchronizedMap}.
 *
 * <pre>{@code
 * Map<Hash256, RuntimeBlob> blobs = new LruMap<>(4);
 * blobs.computeIfAbsent(hash, h -> parse(code));
 * }</pre>
 *
 * @param <K> keys
 * @param <V> values
 */
public final class LruMap<K, V> extends LinkedHashMap<K, V> {
  @Serial private static final long serialVersionUID = 1L;

  private final int capacity;

  /**
   * @param capacity the most entries kept, at least 1
   */
  public LruMap(int capacity) {
    super(16, 0.75f, true);
    if (capacity < 1) {
      throw new IllegalArgumentException("an LRU map keeps at least one entry, not " + capacity);
    }
    this.capacity = capacity;
  }

  /** The most entries kept. */
  public int capacity() {
    return capacity;
  }

  @Override
  protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
    return size() > capacity;
  }
}
