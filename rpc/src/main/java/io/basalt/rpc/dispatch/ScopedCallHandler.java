/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

/**
 * A {@link CallHandler} that needs its {@link CallScope}: methods tied to the caller's connection
 * ({@code chainHead_v1_*} take a follow subscription of that connection) or that start work after
 * answering.
 */
@FunctionalInterface
public interface ScopedCallHandler {
  /**
   * The call's result.
   *
   * @return any value {@link RpcJson#MAPPER} can write ({@code null} is JSON {@code null})
   * @throws RpcException for an error answer
   */
  Object call(Params params, CallScope scope);
}
