/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import io.basalt.chainspec.ChainSpec;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.log.StatusLog;
import java.time.Clock;
import java.util.concurrent.TimeUnit;

/** Starts the node from its configuration and runs it until SIGINT/SIGTERM. */
public final class NodeLauncher {
  private static final long IDLE_STATUS_SECONDS = 5;

  private NodeLauncher() {}

  /**
   * Runs the node until {@code shutdown} is requested; returns the exit code (0 after an orderly
   * shutdown). A temporary base path is deleted afterwards.
   */
  public static int run(NodeConfig config, ShutdownSignal shutdown) {
    try {
      return runUntilShutdown(config, shutdown);
    } finally {
      config.basePath().deleteIfTemporary();
    }
  }

  private static int runUntilShutdown(NodeConfig config, ShutdownSignal shutdown) {
    // A spec that cannot be read fails before the banner, as in Substrate (which loads it while
    // building the configuration); genesis and database errors come after it, as there.
    ChainSpec spec = ChainSpecs.load(config.chain());
    StatusLog.info("Basalt Node");
    StatusLog.info("✌️  version {}", NodeVersion.version());
    StatusLog.info("❤️  by the Basalt developers");
    StatusLog.info("📋 Chain specification: {}", spec.name());
    String nodeName = config.nodeName().orElseGet(NodeNames::random);
    StatusLog.info("🏷  Node name: {}", nodeName);
    StatusLog.info("👤 Role: {}", config.validator() ? "AUTHORITY" : "FULL");
    try (NodeService node = NodeService.start(config, spec, Clock.systemUTC(), nodeName)) {
      if (config.keystore().devAccount().isPresent()) {
        StatusLog.info("🔑 Dev keys of //{} in the keystore", config.keystore().devAccount().get());
      }
      waitForShutdown(node, shutdown);
      StatusLog.info("Shutting down: closing the database");
    }
    return 0;
  }

  private static void waitForShutdown(NodeService node, ShutdownSignal shutdown) {
    try {
      while (!shutdown.await(IDLE_STATUS_SECONDS, TimeUnit.SECONDS)) {
        node.logStatus();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
