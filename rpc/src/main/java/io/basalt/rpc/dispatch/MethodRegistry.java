/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import io.basalt.rpc.subscription.SubscriptionBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Collects the methods of the groups while a dispatcher is built. */
public final class MethodRegistry {
  private final List<RpcMethod> methods = new ArrayList<>();

  MethodRegistry() {}

  /**
   * Registers a call.
   *
   * @param aliases other names for it (reference-systems §5), e.g. {@code "account_nextIndex"}
   */
  public void call(String name, Safety safety, CallHandler handler, String... aliases) {
    call(name, safety, (params, scope) -> handler.call(params), aliases);
  }

  /** Registers a call that needs its {@link CallScope} (the connection, work after answering). */
  public void call(String name, Safety safety, ScopedCallHandler handler, String... aliases) {
    methods.add(
        new RpcMethod(
            name,
            List.of(aliases),
            safety,
            RpcMethod.Kind.CALL,
            Optional.of(handler),
            Optional.empty()));
  }

  /**
   * Registers a subscription kind: its subscribe method (with {@code safety}) and its unsubscribe
   * method, which answers {@code true} or {@code false} and is always allowed.
   */
  public void subscription(SubscriptionNames names, Safety safety, SubscriptionHandler handler) {
    subscription(
        names,
        safety,
        SubscriptionBuffer.DEFAULT,
        (params, sink, scope) -> handler.subscribe(params, sink));
  }

  /**
   * Registers a subscription kind whose subscriptions have their own {@code buffer} and whose
   * handler needs its {@link CallScope}.
   */
  public void subscription(
      SubscriptionNames names,
      Safety safety,
      SubscriptionBuffer buffer,
      ScopedSubscriptionHandler handler) {
    RpcMethod.Subscribing subscribing = new RpcMethod.Subscribing(names, buffer, handler);
    methods.add(
        new RpcMethod(
            names.subscribe(),
            names.subscribeAliases(),
            safety,
            RpcMethod.Kind.SUBSCRIBE,
            Optional.empty(),
            Optional.of(subscribing)));
    methods.add(
        new RpcMethod(
            names.unsubscribe(),
            names.unsubscribeAliases(),
            Safety.SAFE,
            RpcMethod.Kind.UNSUBSCRIBE,
            Optional.empty(),
            Optional.of(subscribing)));
  }

  List<RpcMethod> methods() {
    return List.copyOf(methods);
  }
}
