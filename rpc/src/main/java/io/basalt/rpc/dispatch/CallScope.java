/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import io.basalt.rpc.subscription.SubscriptionManager;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link ScopedCallHandler} may know of the call it runs: the connection it came on and what
 * to do once its answer is on the way (jsonrpsee's {@code Extensions} with the {@code
 * ConnectionId}, and {@code MethodResponse::notify_on_completion}).
 *
 * <pre>{@code
 * Object body(Params params, CallScope scope) {
 *   Operation op = follow(params, scope.subscriptions()); // the caller's own subscriptions
 *   scope.afterResponse(() -> executor.execute(op::run)); // events after the "started" answer
 *   return op.started();
 * }
 * }</pre>
 */
public final class CallScope {
  private final Optional<SubscriptionManager> subscriptions;
  private final List<Runnable> afterResponse = new ArrayList<>(0);

  CallScope(Optional<SubscriptionManager> subscriptions) {
    this.subscriptions = subscriptions;
  }

  /**
   * The subscriptions of the caller's WebSocket connection, which also identify the connection;
   * empty over HTTP, where every request stands alone.
   */
  public Optional<SubscriptionManager> subscriptions() {
    return subscriptions;
  }

  /**
   * Runs {@code action} once the response carrying this call's result has been handed to the
   * connection, so that notifications the action causes follow that response. It runs on the
   * connection's event loop and must only hand work elsewhere. Nothing runs if the call fails or
   * the connection is gone.
   */
  public void afterResponse(Runnable action) {
    afterResponse.add(action);
  }

  List<Runnable> afterResponseActions() {
    return List.copyOf(afterResponse);
  }
}
