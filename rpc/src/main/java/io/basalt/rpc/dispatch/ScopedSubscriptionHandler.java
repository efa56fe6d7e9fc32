/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import io.basalt.rpc.subscription.SubscriptionSink;

/** A {@link SubscriptionHandler} that needs its {@link CallScope} (per-connection limits). */
@FunctionalInterface
public interface ScopedSubscriptionHandler {
  /**
   * Subscribes.
   *
   * @throws RpcException to refuse the subscription (the client gets the error, no id)
   */
  void subscribe(Params params, SubscriptionSink sink, CallScope scope);
}
