/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import java.util.List;

/**
 * The names of one subscription kind: the subscribe method, its notification and its unsubscribe
 * method, each subscribe/unsubscribe name with its aliases (reference-systems §5).
 *
 * <pre>{@code
 * SubscriptionNames.of("chain_subscribeNewHeads", "chain_newHead", "chain_unsubscribeNewHeads")
 *     .withSubscribeAliases("subscribe_newHead", "chain_subscribeNewHead")
 *     .withUnsubscribeAliases("unsubscribe_newHead", "chain_unsubscribeNewHead");
 * }</pre>
 */
public record SubscriptionNames(
    String subscribe,
    List<String> subscribeAliases,
    String notification,
    String unsubscribe,
    List<String> unsubscribeAliases) {
  public SubscriptionNames {
    subscribeAliases = List.copyOf(subscribeAliases);
    unsubscribeAliases = List.copyOf(unsubscribeAliases);
  }

  /** Names without aliases. */
  public static SubscriptionNames of(String subscribe, String notification, String unsubscribe) {
    return new SubscriptionNames(subscribe, List.of(), notification, unsubscribe, List.of());
  }

  /** The same names with these aliases of the subscribe method. */
  public SubscriptionNames withSubscribeAliases(String... aliases) {
    return new SubscriptionNames(
        subscribe, List.of(aliases), notification, unsubscribe, unsubscribeAliases);
  }

  /** The same names with these aliases of the unsubscribe method. */
  public SubscriptionNames withUnsubscribeAliases(String... aliases) {
    return new SubscriptionNames(
        subscribe, subscribeAliases, notification, unsubscribe, List.of(aliases));
  }
}
