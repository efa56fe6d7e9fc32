/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.block;

import io.basalt.storage.kv.KeyValueStore;
import io.basalt.storage.kv.rocksdb.RocksDbKeyValueStore;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;

class RocksDbBlockStoreTest extends BlockStoreContractTest {
  @TempDir Path temp;

  @Override
  protected KeyValueStore createStore() {
    return RocksDbKeyValueStore.open(temp.resolve("db"));
  }

  @Override
  protected KeyValueStore reopen(KeyValueStore store) {
    store.close();
    return RocksDbKeyValueStore.open(temp.resolve("db"));
  }
}
