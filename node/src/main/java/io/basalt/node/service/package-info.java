/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The running node: {@link io.basalt.node.service.NodeLauncher} starts it from a {@code NodeConfig}
 * (genesis, database, runtimes) and waits for SIGINT/SIGTERM ({@link
 * io.basalt.node.service.ShutdownSignal}); {@link io.basalt.node.service.StatusLog} prints the
 * Substrate-style user-facing lines ({@code ✨ Imported #1 (0x44ef…e036)}), {@link
 * io.basalt.node.service.LogSetup} installs the log format and {@code -l} levels.
 *
 * <pre>{@code
 * ShutdownSignal shutdown = ShutdownSignal.install();
 * int exit = NodeLauncher.run(config, shutdown); // 0 after an orderly shutdown
 * shutdown.stopped(exit);
 * }</pre>
 */
package io.basalt.node.service;
