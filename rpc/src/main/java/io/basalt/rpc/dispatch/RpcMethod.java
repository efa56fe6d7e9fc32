/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import io.basalt.rpc.subscription.SubscriptionBuffer;
import java.util.List;
import java.util.Optional;

/**
 * One entry of the method catalogue: its name, aliases, safety and what it does (Besu's {@code
 * RpcMethod} enum with smoldot's alias table, but declared by each method group rather than in one
 * central file).
 *
 * @param name the canonical name, e.g. {@code chain_getBlockHash}
 * @param aliases other names answering the same, e.g. {@code chain_getHead}
 * @param safety whether {@code --rpc-methods safe} refuses it
 * @param kind call, subscribe or unsubscribe
 * @param call the handler of a {@link Kind#CALL}
 * @param subscription the handler and names of a {@link Kind#SUBSCRIBE} or {@link Kind#UNSUBSCRIBE}
 */
public record RpcMethod(
    String name,
    List<String> aliases,
    Safety safety,
    Kind kind,
    Optional<ScopedCallHandler> call,
    Optional<Subscribing> subscription) {

  /** What a method does. */
  public enum Kind {
    CALL,
    SUBSCRIBE,
    UNSUBSCRIBE
  }

  /**
   * A subscription kind's names, buffer and handler.
   *
   * @param names subscribe, notification and unsubscribe names
   * @param buffer how many notifications each subscription keeps for a slow client
   * @param handler starts a subscription
   */
  public record Subscribing(
      SubscriptionNames names, SubscriptionBuffer buffer, ScopedSubscriptionHandler handler) {}

  public RpcMethod {
    aliases = List.copyOf(aliases);
  }
}
