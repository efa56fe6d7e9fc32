/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.pallet.template;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.account.AccountId;
import io.basalt.runtime.demo.dispatch.Origin;
import io.basalt.runtime.demo.event.RuntimeEvent;
import io.basalt.runtime.demo.pallet.system.SystemPallet;
import io.basalt.runtime.demo.storage.RuntimeStorage;
import io.basalt.runtime.demo.storage.StorageKeys;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Template pallet (index 5, runtime-spec §6.6, §8.2): one value whose layout changes in spec
 * 101 ({@code u32} → {@code ValueRecord{value, set_at}}), with the migration that translates it.
 */
public final class TemplatePallet {
  private static final Logger LOG = LoggerFactory.getLogger("runtime::basalt-demo");

  public static final int INDEX = 5;

  public static final Bytes VALUE = StorageKeys.plain("Template", "Value");
  public static final Bytes STORAGE_VERSION = StorageKeys.storageVersion("Template");

  /** The first spec version whose {@code Template.Value} is a {@code ValueRecord}. */
  public static final long RECORD_SPEC = 101;

  private final RuntimeStorage storage;
  private final SystemPallet system;
  private final long specVersion;

  public TemplatePallet(RuntimeStorage storage, SystemPallet system, long specVersion) {
    this.storage = storage;
    this.system = system;
    this.specVersion = specVersion;
  }

  /** The raw {@code Template.Value}. */
  public Optional<Bytes> rawValue() {
    return storage.get(VALUE);
  }

  /** Writes the value in this spec's layout ({@code set_at} is the given block). */
  public void putValue(long value, long setAt) {
    ScaleWriter w = new ScaleWriter(8).writeU32(value);
    if (specVersion >= RECORD_SPEC) {
      w.writeU32(setAt);
    }
    storage.set(VALUE, w.toBytes());
  }

  /** {@code set_value(value)}: Signed. */
  public void setValue(Origin origin, long value) {
    AccountId who = origin.ensureSigned();
    putValue(value, system.blockNumber());
    system.depositEvent(new RuntimeEvent.ValueSet(value, who));
  }

  /** Genesis (§10): the value (set at block 0) and, in spec 101, storage version 1. */
  public void buildGenesis(Optional<Long> value) {
    value.ifPresent(v -> putValue(v, 0));
    if (specVersion >= RECORD_SPEC) {
      writeStorageVersion(1);
    }
  }

  private void writeStorageVersion(int version) {
    storage.set(STORAGE_VERSION, new ScaleWriter(2).writeU16(version).toBytes());
  }

  /**
   * {@code on_runtime_upgrade} (§8.2): nothing in spec 100; in spec 101 the migration from storage
   * version 0 to 1.
   */
  public void onRuntimeUpgrade() {
    if (specVersion < RECORD_SPEC) {
      return;
    }
    int version = storage.read(STORAGE_VERSION, r -> r.readU16()).orElse(0);
    if (version >= 1) {
      return;
    }
    long translated = 0;
    Optional<Bytes> old = storage.get(VALUE);
    if (old.isPresent()) {
      Bytes raw = old.get();
      if (raw.length() == 4) {
        long value = new io.basalt.primitives.scale.ScaleReader(raw).readU32AsLong();
        putValue(value, system.blockNumber());
        translated = 1;
      } else {
        storage.clear(VALUE);
      }
    }
    writeStorageVersion(1);
    system.depositEvent(new RuntimeEvent.Migrated(0, 1, translated));
    LOG.info(
        "upgraded to basalt-demo/{}; template migration translated {} value(s)",
        specVersion,
        translated);
  }
}
