/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The {@code state_*} and {@code childstate_*} groups over {@link io.basalt.rpc.api.StateApi}:
 * {@link io.basalt.rpc.method.state.StateMethods} (calls, storage, proofs, metadata, versions,
 * change sets and the {@code state_storage} / {@code state_runtimeVersion} subscriptions) and
 * {@link io.basalt.rpc.method.state.ChildStateMethods} (default child tries). Substrate's semantics
 * live here; the node only reads the state at a block.
 */
package io.basalt.rpc.method.state;
