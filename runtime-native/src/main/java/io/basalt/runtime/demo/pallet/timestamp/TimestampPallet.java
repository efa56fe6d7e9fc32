/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.pallet.timestamp;

import io.basalt.executor.api.NativeRuntimePanic;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.runtime.demo.dispatch.Origin;
import io.basalt.runtime.demo.storage.RuntimeStorage;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.runtime.metadata.demo.TimestampPalletDescription;
import java.nio.charset.StandardCharsets;

/**
 * The Timestamp pallet (index 1, runtime-spec §6.2, §7.5): the {@code timstap0} inherent sets
 * {@code Now} once per block. Misuse panics (the block is invalid).
 */
public final class TimestampPallet {
  public static final int INDEX = 1;

  public static final Bytes NOW = StorageKeys.plain("Timestamp", "Now");
  public static final Bytes DID_UPDATE = StorageKeys.plain("Timestamp", "DidUpdate");

  /** The inherent identifier {@code timstap0}. */
  public static final Bytes INHERENT_IDENTIFIER =
      Bytes.wrap("timstap0".getBytes(StandardCharsets.US_ASCII));

  /** {@code MinimumPeriod}: 1 ms. */
  public static final long MINIMUM_PERIOD = TimestampPalletDescription.MINIMUM_PERIOD_MS;

  /** How far a block's timestamp may run ahead of the node's clock ({@code check_inherents}). */
  public static final long MAX_DRIFT_MS = 30_000;

  public static final String UPDATED_TWICE = "Timestamp must be updated only once in the block";
  public static final String TOO_EARLY =
      "Timestamp must increment by at least <MinimumPeriod> between sequential blocks";
  public static final String NOT_UPDATED = "Timestamp must be updated once in the block";
  public static final String DATA_MISSING = "Timestamp inherent data must be provided";
  public static final String DATA_MALFORMED = "Timestamp inherent data not correctly encoded";

  private final RuntimeStorage storage;

  public TimestampPallet(RuntimeStorage storage) {
    this.storage = storage;
  }

  /** {@code Timestamp.Now} (u64 ms, unsigned; 0 before the first block). */
  public long now() {
    return storage.readU64(NOW).orElse(0L);
  }

  /**
   * The earliest timestamp the next {@code set} accepts: {@code Now + MinimumPeriod} (saturating).
   */
  public long minimumNext() {
    return io.basalt.runtime.demo.dispatch.Weight.saturatingAdd(now(), MINIMUM_PERIOD);
  }

  /**
   * {@code set(now)}: origin None.
   *
   * @throws NativeRuntimePanic if already set in this block or not past {@code Now}
   */
  public void set(Origin origin, long newNow) {
    origin.ensureNone();
    if (storage.readBool(DID_UPDATE).orElse(false)) {
      throw new NativeRuntimePanic(UPDATED_TWICE);
    }
    long previous = now();
    if (previous != 0 && Long.compareUnsigned(newNow, minimumNext()) < 0) {
      throw new NativeRuntimePanic(TOO_EARLY);
    }
    storage.writeU64(NOW, newNow);
    storage.writeBool(DID_UPDATE, true);
  }

  /**
   * {@code on_finalize}: the inherent must have run; clears {@code DidUpdate}.
   *
   * @throws NativeRuntimePanic if it did not
   */
  public void onFinalize() {
    boolean updated = storage.readBool(DID_UPDATE).orElse(false);
    storage.clear(DID_UPDATE);
    if (!updated) {
      throw new NativeRuntimePanic(NOT_UPDATED);
    }
  }
}
