/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The {@code chainHead_v1_*} group of the new JSON-RPC spec
 * (https://paritytech.github.io/json-rpc-interface-spec/api/chainHead.html), as sc-rpc-spec-v2
 * serves it: {@link io.basalt.rpc.method.chainhead.ChainHeadMethods} registers the methods; each
 * follow subscription ({@code Follow}) turns the node's head events into {@code initialized},
 * {@code newBlock}, {@code bestBlockChanged}, {@code finalized} and {@code stop}, pins what it
 * reported and runs its operations ({@code StorageRun} pages descendants five at a time with {@code
 * operationWaitingForContinue}); {@code FollowRegistry} enforces the limits that span subscriptions
 * ({@link io.basalt.rpc.method.chainhead.ChainHeadLimits}).
 */
package io.basalt.rpc.method.chainhead;
