/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.OffchainStorage;
import io.basalt.executor.state.Externalities;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.WellKnownKeys;
import java.util.Optional;

/**
 * A runtime as the harness calls it: native or Wasm, chosen per call by a {@code :code}. A node
 * takes that code from the state the call starts on; building a block, it keeps the parent's code
 * for every call of the block, so a {@code set_code} takes effect from the next block on.
 */
public interface RuntimeUnderTest {
  /** A short name for messages, e.g. {@code native} or {@code wasm-compiled}. */
  String name();

  /** The host services of an ordinary call (no offchain database). */
  HostServices services();

  /**
   * Calls a runtime API on {@code ext} with {@code services} and the runtime of {@code code};
   * panics and traps become {@link CallOutcome.Panicked}.
   *
   * @param code the {@code :code} that selects the runtime (empty: the runtime's default)
   */
  CallOutcome call(
      String method, byte[] input, Externalities ext, HostServices services, Optional<Bytes> code);

  /** Calls a runtime API on {@code ext} with the runtime of {@code ext}'s own {@code :code}. */
  default CallOutcome call(String method, byte[] input, Externalities ext, HostServices services) {
    return call(method, input, ext, services, ext.get(WellKnownKeys.CODE));
  }

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
