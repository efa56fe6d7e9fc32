/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

/**
 * {@code system_health}: {@code {"peers":0,"isSyncing":false,"shouldHavePeers":false}} (sc-rpc-api
 * {@code system::helpers::Health}).
 *
 * @param peers connected peers
 * @param isSyncing whether a major sync is under way
 * @param shouldHavePeers false on a development chain (sc-service: {@code !is_dev}), true otherwise
 */
public record Health(long peers, boolean isSyncing, boolean shouldHavePeers) {}
