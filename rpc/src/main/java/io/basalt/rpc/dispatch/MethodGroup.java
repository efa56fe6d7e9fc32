/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

/**
 * One namespace of methods ({@code system_*}, {@code chain_*}…), a class in {@code
 * io.basalt.rpc.method.<namespace>} that takes its facade in the constructor and registers its
 * methods. The node hands the groups to {@link RpcDispatcher#builder()}, one line each.
 *
 * <pre>{@code
 * public final class SystemMethods implements MethodGroup {
 *   public void register(MethodRegistry methods) {
 *     methods.call("system_name", Safety.SAFE, params -> system.name());
 *     methods.call("system_accountNextIndex", Safety.SAFE, this::nextIndex, "account_nextIndex");
 *   }
 * }
 * }</pre>
 */
@FunctionalInterface
public interface MethodGroup {
  /** Adds this group's methods; a name taken by another group fails the dispatcher's build. */
  void register(MethodRegistry methods);
}
