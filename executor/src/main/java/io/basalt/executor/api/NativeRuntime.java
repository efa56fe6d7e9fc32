/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import io.basalt.primitives.types.RuntimeVersion;

/**
 * A runtime implemented in Java that can stand in for its Wasm twin (Substrate's
 * NativeExecutionDispatch).
 *
 * <p>The executor uses native code only when the on-chain runtime's version {@link
 * RuntimeVersion#canCallWith can call with} {@link #version()} (same spec name, spec version and
 * authoring version), and only where the execution strategy allows it. A native call sees exactly
 * what a Wasm call would: the same {@link RuntimeContext#externalities() externalities} (overlay
 * over the state) and the same host services (crypto, keystore, offchain).
 *
 * <p>Implementations live in modules above the executor ({@code runtime-native}); the node wires
 * them in. They must be deterministic and must not keep state between calls.
 */
public interface NativeRuntime {

  /** The version this native code implements. */
  RuntimeVersion version();

  /**
   * Calls a runtime API method, e.g. {@code Core_execute_block}, with its SCALE-encoded arguments.
   *
   * @param method the exported function name ({@code <Api>_<method>})
   * @param input the SCALE-encoded argument tuple
   * @param context the state and services of this call
   * @return the SCALE-encoded result
   * @throws NativeRuntimePanic if the runtime panics (the caller rolls back, as after a Wasm trap)
   * @throws UnsupportedRuntimeApiException if the method is not implemented
   */
  byte[] call(String method, byte[] input, RuntimeContext context);
}
