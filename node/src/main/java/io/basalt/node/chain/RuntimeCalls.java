/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.chain;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.TrieStateBackend;
import io.basalt.executor.strategy.ApiCall;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.Header;
import io.basalt.rpc.api.RuntimeCallException;

/**
 * Read-only runtime calls at a block's state, in the {@link ExecutionContext#OTHER} context with
 * its strategy, changes discarded: RPC's {@code state_call}, and the runtime APIs consensus asks
 * (authorities, slot duration, epoch configuration).
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
    return call(at, method, input, HostServices.standard());
  }

  /** {@link #call(Header, String, Bytes)} with these host services (e.g. with the key store). */
  public Bytes call(Header at, String method, Bytes input, HostServices services) {
    TrieStateBackend state = chain.stateAt(at);
    return call(at, state, runtimes.codeAt(state, at.number()), method, input, services);
  }

  /**
   * Calls {@code method} at {@code at} on the given state (e.g. one over a node source that records
   * what the call reads, for an execution proof); the runtime is the state's {@code :code}.
   */
  public Bytes callOn(Header at, TrieStateBackend state, String method, Bytes input) {
    return call(
        at, state, runtimes.codeAt(state, at.number()), method, input, HostServices.standard());
  }

  /**
   * Calls {@code method} at {@code at}'s state as if its {@code :code} were {@code code}: what a
   * runtime about to be written there answers (its metadata, before the block that sets it).
   *
   * @throws io.basalt.executor.vm.RuntimeTrapException if the runtime fails
   * @throws io.basalt.executor.vm.InvalidRuntimeCodeException if {@code code} is not usable
   */
  public Bytes callWithCode(Header at, Bytes code, String method, Bytes input) {
    return call(
        at,
        chain.stateAt(at),
        runtimes.code(code, at.number()),
        method,
        input,
        HostServices.standard());
  }

  /** The runtime {@code code} stands for at {@code at}, with its version. */
  public RuntimeCode codeFor(Header at, Bytes code) {
    return runtimes.code(code, at.number());
  }

  private Bytes call(
      Header at,
      TrieStateBackend state,
      RuntimeCode code,
      String method,
      Bytes input,
      HostServices services) {
    return Bytes.wrap(
        runtimes
            .calls()
            .call(
                new ApiCall(ExecutionContext.OTHER, code, method, input, "block #" + at.number()),
                new OverlayedChanges(),
                state,
                services));
  }

  /**
   * {@link #call(Header, String, Bytes, HostServices)} for the RPC facades: a missing export or a
   * failure is a {@link RuntimeCallException} worded as Substrate's executor words it ({@code
   * "Other: Exported method X is not found"}, {@code "Execution aborted due to trap: …"}, {@code
   * "Execution aborted due to panic: …"}).
   */
  public Bytes callOrFail(Header at, String method, Bytes input, HostServices services) {
    try {
      if (!codeAt(at).blob().exportsFunction(method)) {
        throw new RuntimeCallException("Other: Exported method " + method + " is not found");
      }
      return call(at, method, input, services);
    } catch (RuntimeTrapException e) {
      throw new RuntimeCallException(
          e.panicMessage()
              .map(panic -> "Execution aborted due to panic: " + panic)
              .orElseGet(() -> "Execution aborted due to trap: " + e.getMessage()));
    } catch (InvalidRuntimeCodeException e) {
      throw new RuntimeCallException("Other: " + e.getMessage());
    }
  }

  /** The runtime at a block, with its version. */
  public RuntimeCode codeAt(Header at) {
    return runtimes.codeAt(chain.stateAt(at), at.number());
  }
}
