/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.executor.strategy.ExecutorKind;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.config.PrometheusConfig;
import io.basalt.node.importer.BlockImportResult;
import io.basalt.node.importer.TestCaches;
import io.basalt.node.offchain.OffchainWorkerPolicy;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * In-process dev nodes for node-level tests: configurations with an execution strategy for every
 * context and the shared compilation cache, blocks relayed from one node to another, and the
 * metrics that say which executor ran.
 */
final class DevNodes {
  private DevNodes() {}

  /**
   * A dev node with manual block production and metrics on an ephemeral port.
   *
   * @param authority Alice's keys and block production; else import only
   * @param strategy every context's strategy; empty: the defaults
   * @param overrides {@code --wasm-runtime-overrides}
   */
  static NodeConfig config(
      Path base,
      boolean authority,
      Optional<ExecutionStrategy> strategy,
      Optional<Path> overrides,
      OffchainWorkerPolicy workers) {
    Map<ExecutionContext, ExecutionStrategy> strategies = new EnumMap<>(ExecutionContext.class);
    strategy.ifPresent(
        s -> {
          for (ExecutionContext c : ExecutionContext.values()) {
            strategies.put(c, s);
          }
        });
    ImportConfig defaults = ImportConfig.defaults();
    return DevConfigs.at(base)
        .name(authority ? "alice" : "follower")
        .authority(authority)
        .imports(
            new ImportConfig(
                defaults.wasmExecution(),
                false,
                Optional.of(TestCaches.wasmCache()),
                strategies,
                overrides,
                defaults.runtimeCacheSize()))
        .offchainWorkers(workers)
        .prometheus(PrometheusConfig.listening(0, false))
        .build();
  }

  /** Makes a block on the node's best block (not finalized: blocks of other forks may follow). */
  static Hash256 createBlock(NodeService node) {
    return node.sealer().orElseThrow().createBlock(true, false, Optional.empty()).join().hash();
  }

  /** Alice's signed transfer of 1 unit (10^12) to Bob with {@code nonce}, for the node's chain. */
  static Bytes transferToBob(NodeService node, int nonce) {
    return new ExtrinsicFactory(100, node.chain().genesisHash())
        .signed(
            DevAccounts.alice(),
            new RuntimeCall.TransferKeepAlive(
                MultiAddress.id(DevAccounts.bobId()), BigInteger.TEN.pow(12)),
            nonce)
        .encoded();
  }

  /** Imports a block of {@code from} into {@code to} through its import pipeline. */
  static void relay(NodeService from, NodeService to, Hash256 hash, BlockOrigin origin) {
    Block block =
        new Block(from.chain().requireHeader(hash), from.chain().body(hash).orElseThrow());
    BlockImportResult result =
        to.importer().importBlock(new SignedBlock(block, Optional.empty()), origin);
    assertThat(result).isInstanceOf(BlockImportResult.Imported.class);
  }

  /** The node's metrics, as Prometheus scrapes them. */
  static String scrape(NodeService node) {
    try {
      return DevNodeIT.scrape(node.prometheusAddress().orElseThrow().getPort());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** {@code basalt_runtime_calls_total{context,executor}} in a scrape of the dev chain's node. */
  static long calls(String metrics, ExecutionContext context, ExecutorKind executor) {
    return calls(metrics, context.label(), executor.label());
  }

  /** {@code basalt_runtime_calls_total{context,executor}}, by the labels' values. */
  static long calls(String metrics, String context, String executor) {
    Matcher m =
        Pattern.compile(
                "basalt_runtime_calls_total\\{chain=\"dev\",context=\""
                    + context
                    + "\",executor=\""
                    + executor
                    + "\"} (\\d+)")
            .matcher(metrics);
    assertThat(m.find()).as(metrics).isTrue();
    return Long.parseLong(m.group(1));
  }

  /** Waits (at most 90 s) until {@code condition} holds. */
  static void await(BooleanSupplier condition, String what) throws InterruptedException {
    Instant deadline = Instant.now().plusSeconds(90);
    while (!condition.getAsBoolean()) {
      if (Instant.now().isAfter(deadline)) {
        throw new AssertionError("timed out waiting for " + what);
      }
      Thread.sleep(20);
    }
  }
}
