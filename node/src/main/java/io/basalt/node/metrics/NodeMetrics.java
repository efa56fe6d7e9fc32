/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metrics;

import io.basalt.executor.RuntimePreparation;
import io.basalt.executor.RuntimePreparationListener;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.strategy.ExecutionObserver;
import io.basalt.network.host.HostStats;
import io.basalt.network.transport.Connection.Direction;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.composite.CompositeMeterRegistry;
import io.micrometer.core.instrument.config.NamingConvention;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.LongSupplier;

/**
 * What the node reports to Prometheus, as calls named after what happened; Substrate's metric
 * names, types, labels and help texts where Substrate has the metric ({@code
 * client/service/src/metrics.rs}, the import queue's and the proposer's metrics, the transaction
 * pool's counters), {@code basalt_*} for the runtime. Every series carries Substrate's {@code
 * chain} label (the chain spec id).
 *
 * <p>Thread-safe. Gauges of live values read their suppliers at each scrape. A {@link #disabled()}
 * instance takes the same calls and records nothing ({@code --no-prometheus}).
 */
public final class NodeMetrics {
  /** The buckets of Substrate's histograms (the Rust prometheus crate's defaults). */
  private static final Duration[] SUBSTRATE_BUCKETS =
      seconds(0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10);

  /** Compiling a runtime takes from a fraction of a second to several seconds. */
  private static final Duration[] COMPILE_BUCKETS = seconds(0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60);

  private static final String BLOCK_HEIGHT = "substrate_block_height";
  private static final String IMPORT_PROCESSED = "substrate_import_queue_processed_total";
  private static final String CODE_INFO = "basalt_runtime_code_info";

  private final MeterRegistry registry;
  private final boolean exposed;
  private final Timer verificationAndImport;
  private final Timer blockConstructed;
  private final Timer createInherents;
  private final Timer blockProposal;
  private final AtomicLong extrinsicsInLastBlock = new AtomicLong();
  private final Counter submitted;
  private final Counter invalid;
  private final Counter pruned;
  private final Counter resubmitted;
  private final Timer compile;
  private final RuntimeCallMetrics runtimeCalls;
  private final List<Runnable> beforeScrape = new CopyOnWriteArrayList<>();
  private final List<LongSupplier> counterSources = new CopyOnWriteArrayList<>();

  /**
   * Who the node is, for the constant metrics.
   *
   * @param chain the chain spec id (the {@code chain} label of every series)
   * @param nodeName the node's name ({@code substrate_build_info{name}})
   * @param version the node's version ({@code substrate_build_info{version}})
   * @param authority whether the node authors blocks ({@code substrate_node_roles} 4, else 1)
   * @param processStart when the process started ({@code substrate_process_start_time_seconds})
   */
  public record Identity(
      String chain, String nodeName, String version, boolean authority, Instant processStart) {

    /** An identity whose start time is this process's. */
    public static Identity ofThisProcess(
        String chain, String nodeName, String version, boolean authority) {
      Instant started = ProcessHandle.current().info().startInstant().orElseGet(Instant::now);
      return new Identity(chain, nodeName, version, authority, started);
    }
  }

  private NodeMetrics(MeterRegistry registry, boolean exposed) {
    this.registry = registry;
    this.exposed = exposed;
    verificationAndImport =
        histogram(
            "substrate_block_verification_and_import_time",
            "Time taken to verify and import blocks",
            SUBSTRATE_BUCKETS);
    blockConstructed =
        histogram(
            "substrate_proposer_block_constructed",
            "Histogram of time taken to construct new block",
            SUBSTRATE_BUCKETS);
    createInherents =
        histogram(
            "substrate_proposer_create_inherents_time",
            "Histogram of time taken to execute create inherents",
            SUBSTRATE_BUCKETS);
    blockProposal =
        histogram(
            "substrate_proposer_block_proposal_time",
            "Histogram of time taken to construct a block and prepare it for proposal",
            SUBSTRATE_BUCKETS);
    Gauge.builder("substrate_proposer_number_of_transactions", extrinsicsInLastBlock::get)
        .description("Number of transactions included in block")
        .register(registry);
    submitted =
        counter(
            "substrate_sub_txpool_submitted_transactions",
            "Total number of transactions submitted");
    invalid =
        counter(
            "substrate_sub_txpool_validations_invalid",
            "Total number of transactions that were removed from the pool as invalid");
    pruned =
        counter(
            "substrate_sub_txpool_block_transactions_pruned",
            "Total number of transactions that was requested to be pruned by block events");
    resubmitted =
        counter(
            "substrate_sub_txpool_block_transactions_resubmitted",
            "Total number of transactions that was requested to be resubmitted by block events");
    compile =
        histogram(
            "basalt_runtime_compile_seconds",
            "Time taken to compile a runtime's Wasm to JVM bytecode",
            COMPILE_BUCKETS);
    runtimeCalls = new RuntimeCallMetrics(registry, this::runtimeLoaded);
  }

  /** Metrics exposed by a {@link PrometheusEndpoint}, with the node's constant metrics set. */
  public static NodeMetrics create(Identity identity) {
    PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    // Names are Substrate's exactly: no sanitising, and a clash is a bug, not a warning.
    registry.config().namingConvention(NamingConvention.identity);
    registry.throwExceptionOnRegistrationFailure();
    registry.config().commonTags("chain", identity.chain());
    NodeMetrics metrics = new NodeMetrics(registry, true);
    Gauge.builder("substrate_build_info", () -> 1)
        .description("A metric with a constant '1' value labeled by name, version")
        .tags("name", identity.nodeName(), "version", identity.version())
        .register(registry);
    int roles = identity.authority() ? 4 : 1;
    Gauge.builder("substrate_node_roles", () -> roles)
        .description("The roles the node is running as")
        .register(registry);
    long startSeconds = identity.processStart().getEpochSecond();
    Gauge.builder("substrate_process_start_time_seconds", () -> startSeconds)
        .description("Number of seconds between the UNIX epoch and the moment the process started")
        .register(registry);
    return metrics;
  }

  /** Metrics that record nothing, for {@code --no-prometheus} and commands without an exporter. */
  public static NodeMetrics disabled() {
    // A composite registry without children hands out meters that do nothing.
    return new NodeMetrics(new CompositeMeterRegistry(), false);
  }

  /**
   * Watches the chain: {@code substrate_block_height{status="best|finalized|sync_target"}} and
   * {@code substrate_number_leaves}. Without networking the sync target is the best block, as
   * Substrate reports it when no peer is ahead. Call once.
   */
  public void watchChain(LongSupplier best, LongSupplier finalized, LongSupplier leaves) {
    requireFirst(BLOCK_HEIGHT);
    String help = "Block height info of the chain";
    live(BLOCK_HEIGHT, help, best, Tags.of("status", "best"));
    live(BLOCK_HEIGHT, help, finalized, Tags.of("status", "finalized"));
    live(BLOCK_HEIGHT, help, best, Tags.of("status", "sync_target"));
    live(
        "substrate_number_leaves",
        "Number of known chain leaves (aka forks)",
        leaves,
        Tags.empty());
  }

  /**
   * Watches the network as {@code sc-network} reports it: {@code substrate_sub_libp2p_peers_count},
   * {@code substrate_sync_peers}, {@code substrate_sync_is_major_syncing}, {@code
   * substrate_sub_libp2p_network_bytes_total{direction="in|out"}}, {@code
   * substrate_sub_libp2p_connections_opened_total{direction}} and {@code
   * substrate_sub_libp2p_connections_closed_total{direction}}, plus Basalt's payload bytes per
   * protocol, {@code basalt_sub_libp2p_protocol_bytes_total{direction,protocol}} (Substrate only
   * has histograms of notification sizes). Call once.
   */
  public void watchNetwork(
      HostStats stats, LongSupplier peers, LongSupplier syncPeers, BooleanSupplier majorSyncing) {
    requireFirst("substrate_sub_libp2p_peers_count");
    live("substrate_sub_libp2p_peers_count", "Number of connected peers", peers, Tags.empty());
    live("substrate_sync_peers", "Number of peers we sync with", syncPeers, Tags.empty());
    live(
        "substrate_sync_is_major_syncing",
        "Whether the node is performing a major sync or not.",
        () -> majorSyncing.getAsBoolean() ? 1 : 0,
        Tags.empty());
    String bytes = "substrate_sub_libp2p_network_bytes_total";
    String bytesHelp = "Total bandwidth usage";
    functionCounter(bytes, bytesHelp, stats::bytesIn, Tags.of("direction", "in"));
    functionCounter(bytes, bytesHelp, stats::bytesOut, Tags.of("direction", "out"));
    for (Direction direction : Direction.values()) {
      String label = direction == Direction.INBOUND ? "in" : "out";
      functionCounter(
          "substrate_sub_libp2p_connections_opened_total",
          "Total number of connections opened by direction",
          () -> stats.connectionsOpened(direction),
          Tags.of("direction", label));
      functionCounter(
          "substrate_sub_libp2p_connections_closed_total",
          "Total number of connections closed, by direction",
          () -> stats.connectionsClosed(direction),
          Tags.of("direction", label));
    }
    Set<String> registered = ConcurrentHashMap.newKeySet();
    beforeScrape.add(
        () -> {
          registerProtocols(stats.protocolBytesIn().keySet(), registered, "in", stats);
          registerProtocols(stats.protocolBytesOut().keySet(), registered, "out", stats);
        });
  }

  private void registerProtocols(
      Set<String> protocols, Set<String> registered, String direction, HostStats stats) {
    for (String protocol : protocols) {
      if (registered.add(direction + " " + protocol)) {
        functionCounter(
            "basalt_sub_libp2p_protocol_bytes_total",
            "Payload bytes per negotiated protocol, after Noise and Yamux",
            () -> {
              Map<String, Long> counts =
                  direction.equals("in") ? stats.protocolBytesIn() : stats.protocolBytesOut();
              return counts.getOrDefault(protocol, 0L);
            },
            Tags.of("direction", direction, "protocol", protocol));
      }
    }
  }

  private void functionCounter(String name, String help, LongSupplier value, Tags tags) {
    // FunctionCounter holds its object weakly: keep the supplier alive here.
    counterSources.add(value);
    FunctionCounter.builder(name, value, v -> (double) v.getAsLong())
        .description(help)
        .tags(tags)
        .register(registry);
  }

  /** Watches the pool's ready queue ({@code substrate_ready_transactions_number}). Call once. */
  public void watchTransactionPool(LongSupplier ready) {
    String name = "substrate_ready_transactions_number";
    requireFirst(name);
    live(name, "Number of transactions in the ready queue", ready, Tags.empty());
  }

  /**
   * A block passed or failed consensus verification (header and seal checks, before execution):
   * {@code substrate_block_verification_time{result="success|verification_failed"}}.
   */
  public void blockVerified(boolean success, Duration took) {
    Timer.builder("substrate_block_verification_time")
        .description("Time taken to verify blocks")
        .tag("result", success ? "success" : "verification_failed")
        .serviceLevelObjectives(SUBSTRATE_BUCKETS)
        .register(registry)
        .record(took);
  }

  /**
   * The pipeline imported a block, or found it already imported, {@code took} after it started on
   * it: {@code substrate_import_queue_processed_total{result="success"}} and {@code
   * substrate_block_verification_and_import_time}.
   */
  public void blockImported(Duration took) {
    processed("success");
    verificationAndImport.record(took);
  }

  /**
   * The pipeline did not import a block: {@code substrate_import_queue_processed_total{result=…}}.
   */
  public void blockImportFailed(ImportFailure failure) {
    processed(failure.label());
  }

  /**
   * Building a block's inherents took {@code took} ({@code
   * substrate_proposer_create_inherents_time}).
   */
  public void inherentsCreated(Duration took) {
    createInherents.record(took);
  }

  /**
   * A block was built for proposal: {@code substrate_proposer_number_of_transactions} (its
   * extrinsics, inherents included, as Substrate counts), {@code
   * substrate_proposer_block_constructed} (building it), {@code
   * substrate_proposer_block_proposal_time} (the whole proposal), {@code
   * substrate_proposer_end_proposal_reason{reason}}.
   */
  public void blockProposed(
      int extrinsics, Duration constructed, Duration proposal, EndProposalReason reason) {
    extrinsicsInLastBlock.set(extrinsics);
    blockConstructed.record(constructed);
    blockProposal.record(proposal);
    Counter.builder("substrate_proposer_end_proposal_reason")
        .description("The reason why the block proposing was ended. This doesn't include errors.")
        .tag("reason", reason.label())
        .register(registry)
        .increment();
  }

  /**
   * Transactions were submitted to the pool ({@code substrate_sub_txpool_submitted_transactions}).
   */
  public void transactionsSubmitted(int count) {
    submitted.increment(count);
  }

  /** Transactions left the pool as invalid ({@code substrate_sub_txpool_validations_invalid}). */
  public void transactionsInvalid(int count) {
    invalid.increment(count);
  }

  /**
   * An imported block asked the pool to prune its transactions ({@code
   * substrate_sub_txpool_block_transactions_pruned}).
   */
  public void transactionsPruned(int count) {
    pruned.increment(count);
  }

  /**
   * A re-org asked the pool to take back the retracted blocks' transactions ({@code
   * substrate_sub_txpool_block_transactions_resubmitted}).
   */
  public void transactionsResubmitted(int count) {
    resubmitted.increment(count);
  }

  /**
   * Feeds {@code basalt_runtime_calls_total{context,executor}} and {@code
   * basalt_runtime_mismatches_total{context}}; pass it to the executor's {@code CallExecutor}.
   */
  public ExecutionObserver executionObserver() {
    return runtimeCalls;
  }

  /**
   * Feeds {@code basalt_runtime_compile_seconds} from the executor: each runtime compiled to JVM
   * bytecode (in the background after a tiered start, or before its first call); pass it to the
   * {@code RuntimeExecutor}.
   */
  public RuntimePreparationListener preparationListener() {
    return event -> {
      if (event.stage() == RuntimePreparation.Stage.COMPILED) {
        runtimeCompiled(event.duration());
      }
    };
  }

  /**
   * A runtime was compiled to JVM bytecode in {@code took} ({@code
   * basalt_runtime_compile_seconds}).
   */
  public void runtimeCompiled(Duration took) {
    compile.record(took);
  }

  /**
   * A runtime is ready to run: {@code
   * basalt_runtime_code_info{code_hash,spec_name,spec_version,source}} = 1 until {@link
   * #runtimeUnloaded}.
   */
  public void runtimeLoaded(RuntimeCode code) {
    Gauge.builder(CODE_INFO, () -> 1)
        .description("The runtimes ready to run: code hash, version and where the code came from")
        .tags(codeTags(code))
        .register(registry);
  }

  /** A runtime left the runtime cache; its {@code basalt_runtime_code_info} series goes. */
  public void runtimeUnloaded(RuntimeCode code) {
    registry.find(CODE_INFO).tags(codeTags(code)).meters().forEach(registry::remove);
  }

  /**
   * The exposition of every metric in Prometheus' text format.
   *
   * @throws IllegalStateException for {@link #disabled()} metrics
   */
  String scrape() {
    if (!exposed) {
      throw new IllegalStateException("metrics are disabled (--no-prometheus): nothing to expose");
    }
    beforeScrape.forEach(Runnable::run);
    return PrometheusText.render(registry.getMeters());
  }

  /** Whether a {@link PrometheusEndpoint} can expose these metrics. */
  boolean exposed() {
    return exposed;
  }

  private static Duration[] seconds(double... bounds) {
    Duration[] buckets = new Duration[bounds.length];
    for (int i = 0; i < bounds.length; i++) {
      buckets[i] = Duration.ofNanos(Math.round(bounds[i] * 1e9));
    }
    return buckets;
  }

  private static Tags codeTags(RuntimeCode code) {
    return Tags.of(
        "code_hash", code.blob().codeHash().toHex(),
        "spec_name", code.version().specName(),
        "spec_version", Long.toString(code.version().specVersion()),
        "source", code.source().label());
  }

  private Timer histogram(String name, String help, Duration[] buckets) {
    return Timer.builder(name).description(help).serviceLevelObjectives(buckets).register(registry);
  }

  private Counter counter(String name, String help) {
    return Counter.builder(name).description(help).register(registry);
  }

  private void live(String name, String help, LongSupplier value, Tags tags) {
    Gauge.builder(name, value, LongSupplier::getAsLong)
        .description(help)
        .tags(tags)
        .strongReference(true)
        .register(registry);
  }

  private void processed(String result) {
    Counter.builder(IMPORT_PROCESSED)
        .description("Blocks processed by import queue")
        .tag("result", result)
        .register(registry)
        .increment();
  }

  private void requireFirst(String name) {
    if (registry.find(name).meter() != null) {
      throw new IllegalStateException(name + " is already watched");
    }
  }
}
