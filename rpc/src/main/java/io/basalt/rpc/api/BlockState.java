/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.RuntimeVersion;

/**
 * The state after one block and the runtime in it, as the {@code state_*}, {@code childstate_*} and
 * {@code payment_*} methods read them. Its {@link StorageView} methods read the top trie.
 */
public interface BlockState extends StorageView {
  /** The block whose state this is. */
  Hash256 blockHash();

  /**
   * A default child trie, named by its key without the {@code :child_storage:default:} prefix; an
   * empty view if the state has no such child trie.
   */
  StorageView child(Bytes childKey);

  /**
   * Calls a runtime API method on this state, changes discarded (the Other execution context).
   *
   * @param method the export, e.g. {@code Core_version}
   * @param input the SCALE-encoded arguments
   * @return the SCALE-encoded result
   * @throws RuntimeCallException if the call fails
   */
  Bytes call(String method, Bytes input);

  /**
   * The runtime's version.
   *
   * @throws RuntimeCallException if the state has no usable runtime
   */
  RuntimeVersion runtimeVersion();
}
