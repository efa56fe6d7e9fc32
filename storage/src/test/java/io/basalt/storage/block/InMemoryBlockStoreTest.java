/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.block;

import io.basalt.storage.kv.InMemoryKeyValueStore;
import io.basalt.storage.kv.KeyValueStore;

class InMemoryBlockStoreTest extends BlockStoreContractTest {
  @Override
  protected KeyValueStore createStore() {
    return new InMemoryKeyValueStore();
  }

  @Override
  protected KeyValueStore reopen(KeyValueStore store) {
    return store;
  }
}
