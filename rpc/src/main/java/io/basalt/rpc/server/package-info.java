/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The transport: {@link io.basalt.rpc.server.RpcServer} serves HTTP {@code POST} and WebSocket on
 * one port with Netty, as polkadot-sdk's jsonrpsee server does, with Substrate's options ({@link
 * io.basalt.rpc.server.RpcServerConfig}): interface, {@code --rpc-methods}, {@code --rpc-cors} and
 * the Host filter, connection, size, subscription, buffer, batch and rate limits. Event loops only
 * move bytes; calls run on a bounded worker pool; a WebSocket stops being read while its outgoing
 * buffer is full.
 */
package io.basalt.rpc.server;
