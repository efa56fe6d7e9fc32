/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainType;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.NativeRuntime;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.strategy.Divergence;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionObserver;
import io.basalt.executor.strategy.ExecutorKind;
import io.basalt.node.authoring.BlockProposer;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.authoring.StartOverrides;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.ChainOpener;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ForkConfig;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.consensus.engines.ConsensusEngines;
import io.basalt.node.consensus.grandpa.GrandpaFinality;
import io.basalt.node.consensus.slots.FastForward;
import io.basalt.node.consensus.slots.SlotWorker;
import io.basalt.node.failure.UserFacingException;
import io.basalt.node.fork.ForkPoint;
import io.basalt.node.fork.ForkedChain;
import io.basalt.node.importer.BlockImporter;
import io.basalt.node.log.StatusLog;
import io.basalt.node.metrics.NodeMetrics;
import io.basalt.node.metrics.PrometheusEndpoint;
import io.basalt.node.network.NetworkService;
import io.basalt.node.offchain.OffchainWorkers;
import io.basalt.node.rpc.NodeRpc;
import io.basalt.node.runtime.Runtimes;
import io.basalt.node.txpool.PoolMaintenance;
import io.basalt.node.txpool.PoolPendingTransactions;
import io.basalt.node.txpool.RuntimeTransactionValidator;
import io.basalt.node.txpool.TransactionPool;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.keystore.Keystore;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.server.RpcServer;
import io.basalt.rpc.server.RpcServerConfig;
import io.basalt.runtime.demo.BasaltDemoNativeRuntime;
import io.basalt.storage.block.BlockRef;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Clock;
import java.time.InstantSource;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running node: the chain's database, its runtimes (Wasm and native, with the configured
 * execution strategies), the import pipeline, and block production for chains without a consensus
 * engine of their own. {@link #start} brings the parts up in dependency order; {@link #close} stops
 * them in reverse, letting a block being made finish first, and closes the database.
 *
 * <pre>{@code
 * try (NodeService node = NodeService.start(config, spec, Clock.systemUTC())) {
 *   node.chain().best();
 * }
 * }</pre>
 */
public final class NodeService implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("service");

  private final Deque<AutoCloseable> started;
  private final ChainDatabase.Opened opened;
  private final Blockchain chain;
  private final Runtimes runtimes;
  private final BlockImporter importer;
  private final TransactionPool pool;
  private final Optional<DevSealer> sealer;
  private final ConsensusEngines.Selection engines;
  private final Optional<GrandpaFinality> grandpa;
  private final PrometheusEndpoint endpoint;
  private final Optional<RpcServer> rpc;
  private final Optional<NetworkService> network;

  private NodeService(
      Deque<AutoCloseable> started,
      ChainDatabase.Opened opened,
      Blockchain chain,
      Runtimes runtimes,
      BlockImporter importer,
      TransactionPool pool,
      Optional<DevSealer> sealer,
      ConsensusEngines.Selection engines,
      Optional<GrandpaFinality> grandpa,
      PrometheusEndpoint endpoint,
      Optional<RpcServer> rpc,
      Optional<NetworkService> network) {
    this.network = network;
    this.engines = engines;
    this.grandpa = grandpa;
    this.rpc = rpc;
    this.pool = pool;
    this.started = started;
    this.endpoint = endpoint;
    this.opened = opened;
    this.chain = chain;
    this.runtimes = runtimes;
    this.importer = importer;
    this.sealer = sealer;
  }

  /**
   * Opens the chain and starts the node's parts.
   *
   * @throws RuntimeException (after stopping what was started) if a part cannot start
   */
  public static NodeService start(NodeConfig config, ChainSpec spec, Clock clock) {
    return start(config, spec, clock, config.nodeName().orElseGet(NodeNames::random));
  }

  /** {@link #start(NodeConfig, ChainSpec, Clock)} with the node's name chosen already. */
  public static NodeService start(NodeConfig config, ChainSpec spec, Clock clock, String nodeName) {
    return start(config, spec, clock, nodeName, BasaltDemoNativeRuntime.v100());
  }

  /**
   * {@link #start(NodeConfig, ChainSpec, Clock, String)} with another native runtime than the demo
   * runtime's Java implementation (tests: a divergent one for {@code Both}).
   */
  public static NodeService start(
      NodeConfig config,
      ChainSpec spec,
      Clock clock,
      String nodeName,
      NativeRuntime nativeRuntime) {
    return start(
        config,
        spec,
        clock,
        nodeName,
        nativeRuntime,
        ChainOpener.STANDARD,
        config.basePath(),
        ExecutionObserver.NONE);
  }

  /**
   * {@link #start(NodeConfig, ChainSpec, Clock, String, NativeRuntime)} on a database {@code
   * opener} opens under {@code databaseBase} (e.g. a throw-away copy of another node's database,
   * for {@code try-upgrade}); everything else the node keeps (keys, node key, compiled runtimes)
   * stays under the configuration's base path. A fork ({@link NodeConfig#fork()}) opens its own
   * database under the configuration's base path instead. {@code observer} hears every runtime call
   * besides the metrics (e.g. the divergences of {@code Both}).
   */
  public static NodeService start(
      NodeConfig config,
      ChainSpec spec,
      Clock clock,
      String nodeName,
      NativeRuntime nativeRuntime,
      ChainOpener opener,
      BasePath databaseBase,
      ExecutionObserver observer) {
    Deque<AutoCloseable> started = new ArrayDeque<>();
    try {
      NodeMetrics metrics =
          config.prometheus().enabled()
              ? NodeMetrics.create(
                  NodeMetrics.Identity.ofThisProcess(
                      spec.id(), nodeName, NodeVersion.version(), config.validator()))
              : NodeMetrics.disabled();
      // Before the database opens: a bad override or substitute must leave it untouched.
      Runtimes runtimes =
          Runtimes.forNode(
              config.imports(),
              config.basePath(),
              config.validator(),
              spec.codeSubstitutes(),
              nativeRuntime,
              new Runtimes.Listeners(
                  both(metrics.executionObserver(), observer), metrics.preparationListener()));
      started.push(runtimes);
      Consumer<ChainDatabase> onOpen =
          db -> StatusLog.info("💾 Database: RocksDb at {}", db.directory());
      ChainDatabase.Opened opened;
      Optional<ForkPoint> forkPoint = Optional.empty();
      if (config.fork() instanceof ForkConfig.None) {
        opened = opener.open(spec, databaseBase, runtimes, onOpen);
        started.push(opened);
      } else {
        ForkedChain.Opened forked =
            ForkedChain.open(spec, config.basePath(), runtimes, config.fork(), onOpen);
        started.push(forked);
        opened = forked.opened();
        forkPoint = Optional.of(forked.point());
        StatusLog.info(
            "🍴 Forked at block {} from {}",
            forked.point().describeBlock(),
            forked.point().source());
      }
      if (opened.outcome() == ChainDatabase.GenesisOutcome.CREATED && forkPoint.isEmpty()) {
        StatusLog.info(
            "🔨 Initializing Genesis block/state (state: {}, header-hash: {})",
            StatusLog.shortHash(opened.genesis().header().stateRoot()),
            StatusLog.shortHash(opened.genesis().hash()));
      }
      Blockchain chain = new Blockchain(opened.db());
      metrics.watchChain(
          () -> chain.best().number(),
          () -> chain.finalized().number(),
          () -> chain.leaves().size());
      BlockImporter importer =
          new BlockImporter(chain, runtimes, config.imports().offchainIndexing());
      importer.addObserver(new ImportMetrics(metrics));
      TransactionPool pool =
          new TransactionPool(
              config.pool(),
              new RuntimeTransactionValidator(chain, runtimes),
              chain.best(),
              config::validator,
              InstantSource.system());
      chain.addListener(new PoolMaintenance(chain, pool));
      metrics.watchTransactionPool(pool::readyCount);
      Keystore keystore = NodeKeys.open(config.keystore(), config.basePath(), spec.id());
      HostServices authoringServices = Runtimes.services().withKeystore(keystore);
      RuntimeCalls consensusCalls = new RuntimeCalls(chain, runtimes);
      ConsensusEngines.Selection engines =
          ConsensusEngines.standard().select(chain, consensusCalls, keystore, clock);
      if (forkPoint.isPresent()
          && engines.slots().map(e -> e.name().equals("BABE")).orElse(false)) {
        throw new UserFacingException(
            "forking a BABE chain is not supported yet: its epochs start at genesis, which a fork"
                + " does not hold",
            null);
      }
      engines.slots().ifPresent(e -> importer.addVerifier(e.verifier()));
      engines
          .unsupported()
          .ifPresent(
              api ->
                  StatusLog.info(
                      "The runtime has {}, an engine this node does not run yet: blocks are"
                          + " imported without its checks and cannot be authored",
                      api));
      Optional<GrandpaFinality> grandpa = Optional.empty();
      // A fork's own blocks are final at once, as on a development chain: its GRANDPA voters are
      // the source chain's, not this node's.
      boolean grandpaVotes = engines.grandpa() && forkPoint.isEmpty();
      if (grandpaVotes) {
        GrandpaFinality finality = new GrandpaFinality(chain, consensusCalls, keystore);
        started.push(finality);
        importer.addVerifier(finality);
        grandpa = Optional.of(finality);
      }
      Optional<DevSealer> sealer = Optional.empty();
      if (!(config.consensus() instanceof Consensus.None)) {
        DevSealer devSealer =
            new DevSealer(
                config.consensus(),
                new BlockProposer(chain, runtimes, authoringServices, metrics),
                importer,
                new PoolPendingTransactions(pool),
                clock,
                !grandpaVotes,
                engines.slots().map(e -> new FastForward(e.authorship())));
        started.push(devSealer);
        pool.addReadyListener(hash -> devSealer.transactionsReady());
        sealer = Optional.of(devSealer);
        // Before anything serves the chain: clients never see the head without the overrides.
        var unused = config.startOverrides().apply(devSealer, chain, consensusCalls);
      } else if (!config.startOverrides().isEmpty()) {
        throw new InvalidConfigurationException(StartOverrides.NEEDS_BLOCK_PRODUCTION);
      }
      Optional<SlotWorker> slotWorker = Optional.empty();
      if (sealer.isEmpty() && config.validator() && engines.slots().isPresent()) {
        ConsensusEngines.SlotEngine engine = engines.slots().get();
        SlotWorker worker =
            new SlotWorker(
                engine.authorship(),
                new BlockProposer(chain, runtimes, authoringServices, metrics),
                importer,
                new PoolPendingTransactions(pool),
                clock);
        started.push(worker);
        slotWorker = Optional.of(worker);
      }
      if (config.offchainWorkers().runs(config.validator())) {
        OffchainWorkers workers =
            new OffchainWorkers(
                chain,
                runtimes,
                authoringServices,
                opened.db().offchainStorage(),
                config.validator(),
                extrinsic -> pool.submit(TransactionSource.LOCAL, extrinsic));
        started.push(workers);
        chain.addListener(workers);
      }
      PrometheusEndpoint endpoint = PrometheusEndpoint.start(config.prometheus(), metrics);
      started.push(endpoint); // it logs where it listens
      NodeIdentity identity =
          NodeIdentity.load(config.network().nodeKey(), config.basePath(), spec.id());
      PeerId peerId = identity.peerId();
      StatusLog.info("🏷  Local node identity is: {}", peerId.toBase58());
      Optional<NetworkService> network = Optional.empty();
      if (config.network().enabled()) {
        NetworkService service =
            NetworkService.start(
                config.network(),
                identity.key(),
                chain.genesisHash(),
                spec.protocolId(),
                spec.chainType().equals(ChainType.LOCAL)
                    || spec.chainType().equals(ChainType.DEVELOPMENT),
                config.validator(),
                spec.bootNodes(),
                chain,
                importer,
                pool,
                "basalt/" + NodeVersion.version());
        started.push(service);
        metrics.watchNetwork(
            service.host().stats(),
            () -> service.peers().size(),
            service::syncPeersCount,
            service::isMajorSyncing);
        service.serveLightClients(consensusCalls);
        network = Optional.of(service);
        grandpa.ifPresent(service::attachGrandpa);
      }
      Optional<RpcServer> rpc = Optional.empty();
      if (config.rpc().isPresent()) {
        RpcServer server =
            startRpc(
                config.rpc().get(),
                NodeRpc.groups(
                    new NodeRpc.Node(
                        spec,
                        NodeVersion.version(),
                        config.validator(),
                        peerId,
                        chain,
                        runtimes,
                        importer,
                        pool,
                        keystore,
                        sealer,
                        config.logDirectives(),
                        network)));
        started.push(server);
        rpc = Optional.of(server);
      }
      BlockRef best = chain.best();
      StatusLog.info(
          "📦 Highest known block at #{} ({})", best.number(), StatusLog.shortHash(best.hash()));
      sealer.ifPresent(
          s -> {
            StatusLog.info("🧱 Block production: {}", s.consensus().cliName());
            s.start();
          });
      grandpa.ifPresent(GrandpaFinality::start);
      if (slotWorker.isPresent()) {
        ConsensusEngines.SlotEngine engine = engines.slots().orElseThrow();
        StatusLog.info(
            "👴 Starting {} authorship worker: slots of {} ms on the clock",
            engine.name(),
            engine.authorship().slotDuration(chain.requireHeader(best.hash())).toMillis());
        slotWorker.get().start();
      }
      return new NodeService(
          started, opened, chain, runtimes, importer, pool, sealer, engines, grandpa, endpoint, rpc,
          network);
    } catch (RuntimeException | Error e) {
      closeAll(started);
      throw e;
    }
  }

  /** GRANDPA's voter, on chains whose runtime has GRANDPA (and not forks). */
  public Optional<GrandpaFinality> grandpa() {
    return grandpa;
  }

  /** The peer-to-peer network, unless disabled. */
  public Optional<NetworkService> network() {
    return network;
  }

  public Blockchain chain() {
    return chain;
  }

  private static ExecutionObserver both(ExecutionObserver first, ExecutionObserver second) {
    if (second.equals(ExecutionObserver.NONE)) {
      return first;
    }
    return new ExecutionObserver() {
      @Override
      public void called(ExecutionContext context, ExecutorKind executor, String method) {
        first.called(context, executor, method);
        second.called(context, executor, method);
      }

      @Override
      public void mismatch(Divergence divergence) {
        first.mismatch(divergence);
        second.mismatch(divergence);
      }

      @Override
      public void runtimeInUse(RuntimeCode code) {
        first.runtimeInUse(code);
        second.runtimeInUse(code);
      }
    };
  }

  public Runtimes runtimes() {
    return runtimes;
  }

  public BlockImporter importer() {
    return importer;
  }

  public TransactionPool pool() {
    return pool;
  }

  /** The block maker, unless the node only imports ({@code --consensus none}). */
  public Optional<DevSealer> sealer() {
    return sealer;
  }

  /** Where the JSON-RPC server listens, unless it is off. */
  public Optional<InetSocketAddress> rpcAddress() {
    return rpc.map(RpcServer::address);
  }

  private static RpcServer startRpc(RpcServerConfig config, List<MethodGroup> groups) {
    RpcServer server;
    try {
      server = RpcServer.start(config, groups);
    } catch (UncheckedIOException e) {
      throw new UserFacingException(
          "cannot start the JSON-RPC server on "
              + config.listenAddress()
              + ": "
              + e.getCause().getMessage(),
          e);
    }
    return server; // RpcServer logs where it runs
  }

  /** Where the Prometheus endpoint listens, unless metrics are off. */
  public Optional<InetSocketAddress> prometheusAddress() {
    return endpoint.address();
  }

  public ChainDatabase database() {
    return opened.db();
  }

  /** The consensus engines chosen from the runtime. */
  public ConsensusEngines.Selection engines() {
    return engines;
  }

  /**
   * The informant's line: {@code 💤 Idle (0 peers), best: #n (0x…), finalized #m (0x…)}; on a
   * GRANDPA chain where nothing finalizes blocks, it says that finality waits.
   */
  public void logStatus() {
    BlockRef best = chain.best();
    BlockRef finalized = chain.finalized();
    String finality =
        finalityWaits() && best.number() > finalized.number()
            ? ", finality: "
                + grandpa.flatMap(GrandpaFinality::status).orElse("waiting for GRANDPA voters")
            : "";
    if (network.isPresent()) {
      StatusLog.info("{}", network.get().informant().status(best, finalized, finality));
      return;
    }
    StatusLog.info(
        "💤 Idle (0 peers), best: #{} ({}), finalized #{} ({}), ⬇ 0 ⬆ 0{}",
        best.number(),
        StatusLog.shortHash(best.hash()),
        finalized.number(),
        StatusLog.shortHash(finalized.hash()),
        finality);
  }

  /**
   * Whether finality waits for GRANDPA: the runtime has it and no part of this node runs its votes
   * (the blocks the sealer makes are not finalized at once on such a chain).
   */
  public boolean finalityWaits() {
    return engines.grandpa() && grandpa.map(g -> g.status().isPresent()).orElse(true);
  }

  /** Stops every part in reverse start order and closes the database. */
  @Override
  public void close() {
    closeAll(started);
  }

  private static void closeAll(Deque<AutoCloseable> started) {
    while (!started.isEmpty()) {
      AutoCloseable part = started.pop();
      try {
        part.close();
      } catch (Exception e) {
        LOG.warn("stopping {} failed: {}", part.getClass().getSimpleName(), e.toString());
      }
    }
  }
}
