/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import io.basalt.rpc.subscription.SubscriptionManager;
import java.util.Optional;

/**
 * What a call may know of the connection it came on.
 *
 * @param denyUnsafe whether {@link Safety#UNSAFE} methods are refused ({@code --rpc-methods safe},
 *     or {@code auto} on a non-loopback interface)
 * @param subscriptions the connection's subscriptions; empty over HTTP, where subscribing fails as
 *     in jsonrpsee
 */
public record CallContext(boolean denyUnsafe, Optional<SubscriptionManager> subscriptions) {
  /** An HTTP request. */
  public static CallContext http(boolean denyUnsafe) {
    return new CallContext(denyUnsafe, Optional.empty());
  }

  /** A WebSocket connection with its subscriptions. */
  public static CallContext webSocket(boolean denyUnsafe, SubscriptionManager subscriptions) {
    return new CallContext(denyUnsafe, Optional.of(subscriptions));
  }
}
