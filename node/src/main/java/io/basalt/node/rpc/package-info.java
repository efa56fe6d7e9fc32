/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The node behind JSON-RPC: implementations of the rpc module's facades over the chain, the
 * runtimes and the pool ({@link io.basalt.node.rpc.NodeSystemApi} for {@code system_*}), runtime
 * calls for RPC in the Other execution context ({@link io.basalt.node.chain.RuntimeCalls}), and the
 * list of method groups the server registers ({@link io.basalt.node.rpc.NodeRpc}).
 *
 * <pre>{@code
 * RpcServer server = RpcServer.start(config, NodeRpc.groups(new NodeSystemApi(...)));
 * }</pre>
 */
package io.basalt.node.rpc;
