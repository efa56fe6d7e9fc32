/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The {@code engine_*} group (sc-consensus-manual-seal's RPC) over {@link
 * io.basalt.rpc.api.EngineApi}: {@link io.basalt.rpc.method.engine.EngineMethods}. Served by a node
 * that makes its own blocks; unsafe.
 */
package io.basalt.rpc.method.engine;
