/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import io.basalt.node.authoring.Consensus;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.config.KeystoreConfig;
import io.basalt.node.config.PrometheusConfig;
import io.basalt.node.offchain.OffchainWorkerPolicy;
import io.basalt.node.txpool.TransactionPoolConfig;
import io.basalt.rpc.server.RpcServerConfig;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Dev-chain {@link NodeConfig}s for tests. Unless told otherwise: Alice's authority node with
 * manual block production, default execution settings, no offchain workers, no metrics, no RPC.
 *
 * <pre>{@code
 * NodeConfig config = DevConfigs.at(dir).name("rpc-it").loopbackRpc().build();
 * }</pre>
 */
public final class DevConfigs {
  private final Path base;
  private String name = "test";
  private boolean authority = true;
  private String devAccount = "Alice";
  private ImportConfig imports = ImportConfig.defaults();
  private Optional<Consensus> consensus = Optional.empty();
  private OffchainWorkerPolicy workers = OffchainWorkerPolicy.NEVER;
  private PrometheusConfig prometheus = PrometheusConfig.disabled();
  private Optional<RpcServerConfig> rpc = Optional.empty();

  private DevConfigs(Path base) {
    this.base = base;
  }

  /** A dev node whose data lives under {@code base}. */
  public static DevConfigs at(Path base) {
    return new DevConfigs(base);
  }

  public DevConfigs name(String nodeName) {
    this.name = nodeName;
    return this;
  }

  /**
   * Whether the node is Alice's authority (keys, block production); otherwise it only imports
   * (consensus none unless {@link #consensus} says otherwise).
   */
  public DevConfigs authority(boolean isAuthority) {
    this.authority = isAuthority;
    return this;
  }

  /** The dev account whose keys an authority holds ({@code Alice} unless told). */
  public DevConfigs devAccount(String name) {
    this.devAccount = name;
    return this;
  }

  public DevConfigs imports(ImportConfig config) {
    this.imports = config;
    return this;
  }

  public DevConfigs consensus(Consensus chosen) {
    this.consensus = Optional.of(chosen);
    return this;
  }

  public DevConfigs offchainWorkers(OffchainWorkerPolicy policy) {
    this.workers = policy;
    return this;
  }

  public DevConfigs prometheus(PrometheusConfig config) {
    this.prometheus = config;
    return this;
  }

  public DevConfigs rpc(RpcServerConfig config) {
    this.rpc = Optional.of(config);
    return this;
  }

  /** JSON-RPC on the loopback address, on an ephemeral port. */
  public DevConfigs loopbackRpc() {
    return rpc(
        RpcServerConfig.builder()
            .listenAddress(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0))
            .build());
  }

  public NodeConfig build() {
    return new NodeConfig(
        "dev",
        new BasePath(base, false),
        Optional.of(name),
        authority,
        imports,
        new KeystoreConfig(
            Optional.empty(), authority ? Optional.of(devAccount) : Optional.empty()),
        consensus.orElse(authority ? new Consensus.Manual() : new Consensus.None()),
        workers,
        prometheus,
        TransactionPoolConfig.defaults(),
        rpc,
        List.of());
  }
}
