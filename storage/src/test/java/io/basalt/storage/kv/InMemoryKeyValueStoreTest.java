/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.kv;

class InMemoryKeyValueStoreTest extends KeyValueStoreContractTest {
  @Override
  protected KeyValueStore createStore() {
    return new InMemoryKeyValueStore();
  }
}
