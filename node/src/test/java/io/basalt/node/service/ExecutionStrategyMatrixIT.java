/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.executor.strategy.ExecutorKind;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.offchain.OffchainWorkerPolicy;
import io.basalt.node.txpool.Submission;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.primitives.bytes.Hash256;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The five execution contexts × the four strategy values, on running dev nodes: for each value, a
 * node with {@code --execution <value>} builds a block (block construction), runs its offchain
 * workers on it (offchain worker), imports a block of another node as initial sync (syncing) and
 * one as a broadcast (importing), and validates a transaction for its pool (other); {@code
 * basalt_runtime_calls_total{context,executor}} then says which executor ran in each context.
 */
class ExecutionStrategyMatrixIT {
  private static Path dir;
  private static ChainSpec spec;
  private static NodeService source;
  private static Hash256 sourceFirst;
  private static Hash256 sourceSecond;

  @BeforeAll
  static void aSourceOfBlocks(@org.junit.jupiter.api.io.TempDir Path tmp) {
    dir = tmp;
    spec = ChainSpecs.load("dev");
    // An hour behind: its blocks differ from the ones the nodes under test build themselves.
    source =
        NodeService.start(
            DevNodes.config(
                tmp.resolve("source"),
                true,
                Optional.of(ExecutionStrategy.ALWAYS_WASM),
                Optional.empty(),
                OffchainWorkerPolicy.NEVER),
            spec,
            Clock.offset(Clock.systemUTC(), Duration.ofHours(-1)));
    sourceFirst = DevNodes.createBlock(source);
    sourceSecond = DevNodes.createBlock(source);
  }

  @AfterAll
  static void stopTheSource() {
    source.close();
  }

  @ParameterizedTest(name = "--execution {0}")
  @EnumSource(ExecutionStrategy.class)
  void everyContextRunsTheExecutorItsStrategySays(ExecutionStrategy strategy) throws Exception {
    Map<ExecutionContext, Map<ExecutorKind, Long>> calls;
    try (NodeService node =
        NodeService.start(
            DevNodes.config(
                dir.resolve(strategy.name()),
                true,
                Optional.of(strategy),
                Optional.empty(),
                OffchainWorkerPolicy.ALWAYS),
            spec,
            Clock.systemUTC())) {
      DevNodes.createBlock(node);
      DevNodes.relay(source, node, sourceFirst, BlockOrigin.NETWORK_INITIAL_SYNC);
      DevNodes.relay(source, node, sourceSecond, BlockOrigin.NETWORK_BROADCAST);
      Submission submitted =
          node.pool().submit(TransactionSource.EXTERNAL, DevNodes.transferToBob(node, 0));
      assertThat(submitted).isInstanceOf(Submission.Accepted.class);
      DevNodes.await(
          () -> total(DevNodes.scrape(node), ExecutionContext.OFFCHAIN_WORKER) > 0,
          "the offchain workers to run");
      calls = byContext(DevNodes.scrape(node));
    }
    for (ExecutionContext context : ExecutionContext.values()) {
      long nativeCalls = calls.get(context).get(ExecutorKind.NATIVE);
      long wasmCalls = calls.get(context).get(ExecutorKind.WASM);
      String what = strategy.cliName() + " in " + context.label() + ": " + calls.get(context);
      switch (strategy) {
        case NATIVE_WHEN_POSSIBLE, NATIVE_ELSE_WASM -> {
          assertThat(nativeCalls).as(what).isPositive();
          assertThat(wasmCalls).as(what).isZero();
        }
        case ALWAYS_WASM -> {
          assertThat(nativeCalls).as(what).isZero();
          assertThat(wasmCalls).as(what).isPositive();
        }
        case BOTH -> {
          assertThat(nativeCalls).as(what).isPositive();
          assertThat(wasmCalls).as(what).isEqualTo(nativeCalls);
        }
      }
    }
  }

  private static Map<ExecutionContext, Map<ExecutorKind, Long>> byContext(String metrics) {
    Map<ExecutionContext, Map<ExecutorKind, Long>> calls = new EnumMap<>(ExecutionContext.class);
    for (ExecutionContext context : ExecutionContext.values()) {
      Map<ExecutorKind, Long> byExecutor = new EnumMap<>(ExecutorKind.class);
      for (ExecutorKind executor : ExecutorKind.values()) {
        byExecutor.put(executor, DevNodes.calls(metrics, context, executor));
      }
      calls.put(context, byExecutor);
    }
    return calls;
  }

  private static long total(String metrics, ExecutionContext context) {
    return byContext(metrics).get(context).values().stream().mapToLong(Long::longValue).sum();
  }
}
