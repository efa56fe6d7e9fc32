/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Subscriptions over a WebSocket: jsonrpsee's random 16-character ids ({@link
 * io.basalt.rpc.subscription.SubscriptionIds}), notifications {@code {"jsonrpc":"2.0","method":…,
 * "params":{"subscription":…,"result":…}}}, the per-connection limit, cleanup when the socket
 * closes, and Substrate's back-pressure (a subscription 16 notifications behind is dropped) in
 * {@link io.basalt.rpc.subscription.SubscriptionManager}. Handlers see only a {@link
 * io.basalt.rpc.subscription.SubscriptionSink}.
 */
package io.basalt.rpc.subscription;
