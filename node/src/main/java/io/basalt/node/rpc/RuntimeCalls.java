/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.TrieStateBackend;
import io.basalt.executor.strategy.ApiCall;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.Header;

/**
 * Runtime calls made for RPC: at a block's state, in the {@link ExecutionContext#OTHER} context
 * with its strategy, changes discarded (Substrate's {@code state_call}).
 */
public final class RuntimeCalls {
  private final Blockchain chain;
  private final Runtimes runtimes;

  public RuntimeCalls(Blockchain chain, Runtimes runtimes) {
    this.chain = chain;
    this.runtimes = runtimes;
  }

  /**
   * Calls {@code method} at {@code at}'s state.
   *
   * @throws io.basalt.executor.vm.RuntimeTrapException if the runtime fails
   * @throws io.basalt.executor.vm.InvalidRuntimeCodeException if the state has no usable runtime
   */
  public Bytes call(Header at, String method, Bytes input) {
    TrieStateBackend state = chain.stateAt(at);
    RuntimeCode code = runtimes.codeAt(state, at.number());
    return Bytes.wrap(
        runtimes
            .calls()
            .call(
                new ApiCall(ExecutionContext.OTHER, code, method, input, "block #" + at.number()),
                new OverlayedChanges(),
                state,
                HostServices.standard()));
  }

  /** The runtime at a block, with its version. */
  public RuntimeCode codeAt(Header at) {
    return runtimes.codeAt(chain.stateAt(at), at.number());
  }
}
