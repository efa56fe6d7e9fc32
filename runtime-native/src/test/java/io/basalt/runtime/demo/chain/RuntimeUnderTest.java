/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.host.OffchainStorage;
import io.basalt.executor.state.Externalities;

/**
 * A runtime as the harness calls it: native or Wasm, chosen per call by the state's {@code :code},
 * so that a {@code set_code} takes effect from the next block on as in a node.
 */
public interface RuntimeUnderTest {
  /** A short name for messages, e.g. {@code native} or {@code wasm-compiled}. */
  String name();

  /** Calls a runtime API on {@code ext}; panics and traps become {@link CallOutcome.Panicked}. */
  CallOutcome call(String method, byte[] input, Externalities ext);

  /** Calls a runtime API with access to an offchain database (offchain workers). */
  CallOutcome callOffchain(String method, byte[] input, Externalities ext, OffchainStorage db);
}
