/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.host.HostServices;
import io.basalt.executor.host.OffchainStorage;
import io.basalt.executor.state.Externalities;

/**
 * A runtime as the harness calls it: native or Wasm, chosen per call by the state's {@code :code},
 * so that a {@code set_code} takes effect from the next block on as in a node.
 */
public interface RuntimeUnderTest {
  /** A short name for messages, e.g. {@code native} or {@code wasm-compiled}. */
  String name();

  /** The host services of an ordinary call (no offchain database). */
  HostServices services();

  /**
   * Calls a runtime API on {@code ext} with {@code services}; panics and traps become {@link
   * CallOutcome.Panicked}.
   */
  CallOutcome call(String method, byte[] input, Externalities ext, HostServices services);

  /** Calls a runtime API on {@code ext} with the ordinary services. */
  default CallOutcome call(String method, byte[] input, Externalities ext) {
    return call(method, input, ext, services());
  }

  /** Calls a runtime API with access to an offchain database (offchain workers). */
  default CallOutcome callOffchain(
      String method, byte[] input, Externalities ext, OffchainStorage db) {
    return call(method, input, ext, services().withOffchainStorage(db));
  }
}
