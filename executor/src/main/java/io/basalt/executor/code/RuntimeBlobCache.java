/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.code;

import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.cache.LruMap;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;

/**
 * Parsed runtime blobs, so that block after block with the same {@code :code} neither decompresses
 * nor rehashes it: a {@code :code} value seen recently costs one comparison of its bytes.
 * Thread-safe.
 */
public final class RuntimeBlobCache {
  /** Blobs kept (a runtime upgrade adds one; overrides and substitutes are held elsewhere). */
  private static final int SIZE = 4;

  private final Map<Hash256, RuntimeBlob> byHash = new LruMap<>(SIZE);

  private final Deque<Recent> recent = new ArrayDeque<>();

  private record Recent(Bytes code, RuntimeBlob blob) {}

  /**
   * The parsed runtime for a {@code :code} value.
   *
   * @throws io.basalt.executor.vm.InvalidRuntimeCodeException if the code is not usable (not Wasm,
   *     a compression bomb…)
   */
  public synchronized RuntimeBlob blob(Bytes code) {
    for (Recent r : recent) {
      if (r.code().equals(code)) {
        return r.blob();
      }
    }
    RuntimeBlob parsed = RuntimeBlob.parse(code);
    RuntimeBlob blob = byHash.computeIfAbsent(parsed.codeHash(), h -> parsed);
    recent.addFirst(new Recent(code, blob));
    while (recent.size() > SIZE) {
      recent.removeLast();
    }
    return blob;
  }
}
