/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

/**
 * A method call: reads its params, asks a facade, returns the result. It runs on the server's
 * bounded worker pool, never on an event loop, so it may block on storage or the runtime.
 */
@FunctionalInterface
public interface CallHandler {
  /**
   * The call's result.
   *
   * @return any value {@link RpcJson#MAPPER} can write ({@code null} is JSON {@code null})
   * @throws RpcException for an error answer (bad params, unknown block…)
   */
  Object call(Params params);
}
