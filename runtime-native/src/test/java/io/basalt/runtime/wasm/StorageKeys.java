/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Bytes;
import io.basalt.runtime.metadata.BasaltDemoRuntime;
import io.basalt.runtime.metadata.RuntimeDescription;
import java.nio.charset.StandardCharsets;

/** Storage keys derived from the one metadata description (not from the Rust constants). */
final class StorageKeys {
  private static final RuntimeDescription DESCRIPTION = BasaltDemoRuntime.description(100);

  private StorageKeys() {}

  static Bytes plain(String pallet, String item) {
    return DESCRIPTION.pallet(pallet).storageEntry(item).keyPrefix(pallet);
  }

  static Bytes map(String pallet, String item, Bytes encodedKey) {
    return DESCRIPTION.pallet(pallet).storageEntry(item).mapKey(pallet, encodedKey);
  }

  static Bytes account(Bytes who) {
    return map("System", "Account", who);
  }

  static Bytes blockHash(long n) {
    return map("System", "BlockHash", new ScaleWriter().writeU32(n).toBytes());
  }

  static Bytes extrinsicData(long n) {
    return map("System", "ExtrinsicData", new ScaleWriter().writeU32(n).toBytes());
  }

  static final Bytes TEMPLATE_STORAGE_VERSION =
      Bytes.wrap(Hashing.twox128("Template".getBytes(StandardCharsets.US_ASCII)))
          .concat(
              Bytes.wrap(
                  Hashing.twox128(":__STORAGE_VERSION__:".getBytes(StandardCharsets.US_ASCII))));

  static final Bytes CODE = DemoChain.ascii(":code");
  static final Bytes HEAP_PAGES = DemoChain.ascii(":heappages");
  static final Bytes EXTRINSIC_INDEX = DemoChain.ascii(":extrinsic_index");
  static final Bytes INTRABLOCK_ENTROPY = DemoChain.ascii(":intrablock_entropy");
}
