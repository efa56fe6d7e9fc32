/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import io.basalt.chainspec.ChainSpec;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.config.NodeConfig;
import io.basalt.node.log.StatusLog;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.storage.block.BlockRef;
import java.util.Optional;
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
    StatusLog.info("🏷  Node name: {}", config.nodeName().orElseGet(NodeNames::random));
    StatusLog.info("👤 Role: {}", config.validator() ? "AUTHORITY" : "FULL");
    ImportConfig imports = config.imports();
    try (Runtimes runtimes =
            Runtimes.create(
                imports.wasmExecution(), Optional.of(imports.wasmCacheDir(config.basePath())));
        ChainDatabase.Opened chain =
            ChainDatabase.openChain(
                spec,
                config.basePath(),
                runtimes,
                db -> StatusLog.info("💾 Database: RocksDb at {}", db.directory()))) {
      ChainDatabase db = chain.db();
      if (chain.outcome() == ChainDatabase.GenesisOutcome.CREATED) {
        StatusLog.info(
            "🔨 Initializing Genesis block/state (state: {}, header-hash: {})",
            StatusLog.shortHash(chain.genesis().header().stateRoot()),
            StatusLog.shortHash(chain.genesis().hash()));
      }
      Keystore keystore = NodeKeys.open(config.keystore(), config.basePath(), spec.id());
      if (config.keystore().devAccount().isPresent()) {
        StatusLog.info(
            "🔑 Dev keys of //{} in the keystore (aura {})",
            config.keystore().devAccount().get(),
            keystore.publicKeys(KeyTypeId.AURA, KeyScheme.SR25519).stream()
                .map(k -> StatusLog.shortHash(io.basalt.primitives.bytes.Hash256.wrap(k.toArray())))
                .toList());
      }
      BlockRef best = db.blocks().best().orElseThrow();
      StatusLog.info("📦 Highest known block at #{}", best.number());
      waitForShutdown(db, shutdown);
      StatusLog.info("Shutting down: closing the database");
    }
    return 0;
  }

  private static void waitForShutdown(ChainDatabase db, ShutdownSignal shutdown) {
    try {
      while (!shutdown.await(IDLE_STATUS_SECONDS, TimeUnit.SECONDS)) {
        BlockRef best = db.blocks().best().orElseThrow();
        BlockRef finalized = db.blocks().finalized().orElseThrow();
        StatusLog.info(
            "💤 Idle (0 peers), best: #{} ({}), finalized #{} ({}), ⬇ 0 ⬆ 0",
            best.number(),
            StatusLog.shortHash(best.hash()),
            finalized.number(),
            StatusLog.shortHash(finalized.hash()));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
