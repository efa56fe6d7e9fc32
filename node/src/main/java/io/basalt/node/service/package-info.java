/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The running node: {@link io.basalt.node.service.NodeLauncher} prints the banner and runs a {@link
 * io.basalt.node.service.NodeService} (database, chain, runtimes, import pipeline, pool, block
 * production, offchain workers, metrics, JSON-RPC) from a {@link io.basalt.node.service.NodeConfig}
 * until SIGINT/SIGTERM ({@link io.basalt.node.service.ShutdownSignal}).
 *
 * <pre>{@code
 * ShutdownSignal shutdown = ShutdownSignal.install();
 * int exit = NodeLauncher.run(config, shutdown); // 0 after an orderly shutdown
 * shutdown.stopped(exit);
 * }</pre>
 */
package io.basalt.node.service;
