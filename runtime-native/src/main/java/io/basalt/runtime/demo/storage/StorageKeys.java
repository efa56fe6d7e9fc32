/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.storage;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.metadata.RuntimeDescription;
import io.basalt.runtime.metadata.StorageEntrySpec;
import io.basalt.runtime.metadata.demo.DemoRuntimeDescription;
import java.nio.charset.StandardCharsets;

/**
 * Storage keys of basalt-demo, computed from the one metadata description ({@link
 * DemoRuntimeDescription}) so that the runtime writes where clients read (runtime-spec §4).
 *
 * <pre>{@code
 * Bytes number = StorageKeys.plain("System", "Number");
 * Bytes alice = StorageKeys.mapEntry("System", "Account", aliceId.bytes());
 * }</pre>
 */
public final class StorageKeys {
  private static final RuntimeDescription DESCRIPTION = DemoRuntimeDescription.description(100);

  /** {@code twox128(":__STORAGE_VERSION__:")}: the suffix of a pallet's storage-version key. */
  public static final String STORAGE_VERSION_SUFFIX = ":__STORAGE_VERSION__:";

  private StorageKeys() {}

  /** The key of a plain item, or the prefix of a map: {@code twox128(pallet) ‖ twox128(item)}. */
  public static Bytes plain(String pallet, String item) {
    return entry(pallet, item).keyPrefix(pallet);
  }

  /** The key of a map entry, given the SCALE encoding of its key. */
  public static Bytes mapEntry(String pallet, String item, Bytes encodedKey) {
    return entry(pallet, item).mapKey(pallet, encodedKey);
  }

  /** The key of a map entry with a {@code u32} key. */
  public static Bytes mapEntry(String pallet, String item, long u32Key) {
    return mapEntry(pallet, item, new ScaleWriter(4).writeU32(u32Key).toBytes());
  }

  /**
   * The storage-version key of a pallet: {@code twox128(pallet) ‖
   * twox128(":__STORAGE_VERSION__:")}.
   */
  public static Bytes storageVersion(String pallet) {
    return Bytes.wrap(io.basalt.primitives.hash.Hashing.twox128(bytes(pallet)))
        .concat(
            Bytes.wrap(io.basalt.primitives.hash.Hashing.twox128(bytes(STORAGE_VERSION_SUFFIX))));
  }

  private static byte[] bytes(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  private static StorageEntrySpec entry(String pallet, String item) {
    return DESCRIPTION.pallet(pallet).storageEntry(item);
  }
}
