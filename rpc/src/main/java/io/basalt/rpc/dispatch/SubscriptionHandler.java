/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import io.basalt.rpc.subscription.SubscriptionSink;

/**
 * Starts a subscription: reads the params, attaches a producer to {@code sink} and registers its
 * cleanup with {@link SubscriptionSink#onClose}. Notifications sent now are held until the client
 * has the subscription id. Runs on the worker pool; must not block for long.
 */
@FunctionalInterface
public interface SubscriptionHandler {
  /**
   * Subscribes.
   *
   * @throws RpcException to refuse the subscription (the client gets the error, no id)
   */
  void subscribe(Params params, SubscriptionSink sink);
}
