/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The {@code chain_*} group over {@link io.basalt.rpc.api.ChainApi}: {@link
 * io.basalt.rpc.method.chain.ChainMethods} (headers, blocks, block hashes and the head
 * subscriptions {@code chain_allHead}, {@code chain_newHead}, {@code chain_finalizedHead}).
 */
package io.basalt.rpc.method.chain;
