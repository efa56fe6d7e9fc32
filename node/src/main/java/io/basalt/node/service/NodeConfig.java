/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import io.basalt.node.authoring.Consensus;
import io.basalt.node.authoring.StartOverrides;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ForkConfig;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.config.KeystoreConfig;
import io.basalt.node.config.NetworkConfig;
import io.basalt.node.config.PrometheusConfig;
import io.basalt.node.offchain.OffchainWorkerPolicy;
import io.basalt.node.txpool.TransactionPoolConfig;
import io.basalt.rpc.server.RpcServerConfig;
import java.util.List;
import java.util.Optional;

/**
 * Everything the running node needs to know, folded from the command line.
 *
 * @param chain the chain spec path or built-in id
 * @param basePath where data lives
 * @param nodeName the node's name, or a generated one
 * @param validator whether the node authors/validates blocks
 * @param imports how blocks are executed and imported
 * @param keystore where keys live and which dev account's keys to add
 * @param consensus how blocks are made on a chain without its own consensus engine
 * @param offchainWorkers when offchain workers run
 * @param prometheus where metrics are served, if at all
 * @param pool the transaction pool's limits and ban time
 * @param rpc the JSON-RPC server's settings; empty: no server (tests)
 * @param logDirectives the {@code -l} directives given at start ({@code system_resetLogFilter}),
 *     {@code --runtime-log-level} included
 * @param startOverrides {@code --wasm-override} and {@code --import-storage}: a block built at
 *     start with them (needs block production)
 * @param fork where the chain starts if not from genesis ({@code --fork-url}, {@code --fork-state})
 * @param network the peer-to-peer network; disabled: the node runs alone
 */
public record NodeConfig(
    String chain,
    BasePath basePath,
    Optional<String> nodeName,
    boolean validator,
    ImportConfig imports,
    KeystoreConfig keystore,
    Consensus consensus,
    OffchainWorkerPolicy offchainWorkers,
    PrometheusConfig prometheus,
    TransactionPoolConfig pool,
    Optional<RpcServerConfig> rpc,
    List<String> logDirectives,
    StartOverrides startOverrides,
    ForkConfig fork,
    NetworkConfig network) {
  public NodeConfig {
    logDirectives = List.copyOf(logDirectives);
  }

  /** A configuration that changes nothing at start and does not fork. */
  public NodeConfig(
      String chain,
      BasePath basePath,
      Optional<String> nodeName,
      boolean validator,
      ImportConfig imports,
      KeystoreConfig keystore,
      Consensus consensus,
      OffchainWorkerPolicy offchainWorkers,
      PrometheusConfig prometheus,
      TransactionPoolConfig pool,
      Optional<RpcServerConfig> rpc,
      List<String> logDirectives) {
    this(
        chain,
        basePath,
        nodeName,
        validator,
        imports,
        keystore,
        consensus,
        offchainWorkers,
        prometheus,
        pool,
        rpc,
        logDirectives,
        StartOverrides.none(),
        ForkConfig.none(),
        NetworkConfig.disabled());
  }

  /** This configuration with {@code overrides} applied at start. */
  public NodeConfig withStartOverrides(StartOverrides overrides) {
    return new NodeConfig(
        chain,
        basePath,
        nodeName,
        validator,
        imports,
        keystore,
        consensus,
        offchainWorkers,
        prometheus,
        pool,
        rpc,
        logDirectives,
        overrides,
        fork,
        network);
  }

  /** This configuration with another fork. */
  public NodeConfig withFork(ForkConfig fork) {
    return new NodeConfig(
        chain,
        basePath,
        nodeName,
        validator,
        imports,
        keystore,
        consensus,
        offchainWorkers,
        prometheus,
        pool,
        rpc,
        logDirectives,
        startOverrides,
        fork,
        network);
  }

  /** This configuration on another network. */
  public NodeConfig withNetwork(NetworkConfig network) {
    return new NodeConfig(
        chain,
        basePath,
        nodeName,
        validator,
        imports,
        keystore,
        consensus,
        offchainWorkers,
        prometheus,
        pool,
        rpc,
        logDirectives,
        startOverrides,
        fork,
        network);
  }
}
