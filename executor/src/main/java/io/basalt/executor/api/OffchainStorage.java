/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import io.basalt.primitives.bytes.Bytes;
import java.util.Optional;

/**
 * The offchain worker database behind {@code ext_offchain_local_storage_*}. Present only where the
 * node grants it (offchain workers); elsewhere those functions trap.
 */
public interface OffchainStorage {
  /** sp-core's {@code StorageKind}, passed as a u32. */
  enum Kind {
    /** Not fork-aware; survives reorgs. Number 1. */
    PERSISTENT,
    /** Fork-aware. Number 2. */
    LOCAL;

    /** The kind with the host API's storage-kind number (1 or 2), if there is one. */
    public static Optional<Kind> fromNumber(int number) {
      return switch (number) {
        case 1 -> Optional.of(PERSISTENT);
        case 2 -> Optional.of(LOCAL);
        default -> Optional.empty();
      };
    }
  }

  void set(Kind kind, Bytes key, Bytes value);

  void clear(Kind kind, Bytes key);

  Optional<Bytes> get(Kind kind, Bytes key);

  /** Sets {@code newValue} iff the current value equals {@code expected} (empty: absent). */
  boolean compareAndSet(Kind kind, Bytes key, Optional<Bytes> expected, Bytes newValue);
}
