/* SPDX-License-Identifier: Apache-2.0 */
/**
 * JSON-RPC 2.0 without a transport: {@link io.basalt.rpc.dispatch.RpcDispatcher} turns request text
 * into response text, following jsonrpsee (Substrate's server) for ids, notifications, batches,
 * errors and limits. Methods come from {@link io.basalt.rpc.dispatch.MethodGroup}s, one class per
 * namespace, each registering calls and subscriptions in a {@link
 * io.basalt.rpc.dispatch.MethodRegistry} with their aliases and {@link
 * io.basalt.rpc.dispatch.Safety}; the union is the {@link io.basalt.rpc.dispatch.MethodCatalogue}
 * that {@code rpc_methods} lists. Params are read with {@link io.basalt.rpc.dispatch.Params} and
 * {@link io.basalt.rpc.dispatch.ParamType}; failures are {@link
 * io.basalt.rpc.dispatch.RpcException}s.
 *
 * <pre>{@code
 * RpcDispatcher dispatcher = RpcDispatcher.builder().add(new SystemMethods(system)).build();
 * dispatcher.dispatch("{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\"system_name\"}",
 *     CallContext.http(false)).response();
 * }</pre>
 */
package io.basalt.rpc.dispatch;
