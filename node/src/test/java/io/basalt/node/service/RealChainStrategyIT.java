/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.executor.strategy.ExecutorKind;
import io.basalt.node.chain.BlockOrigin;
import io.basalt.node.offchain.OffchainWorkerPolicy;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Execution strategies on a real chain: the node-template fixture has no native runtime in this
 * node, so {@code NativeElseWasm} runs Wasm in every context (fast-forwarded Aura blocks built,
 * then imported by a second node as initial sync and as a broadcast), and never the native runtime;
 * {@code basalt_runtime_calls_total{context,executor}} says which executor ran.
 */
class RealChainStrategyIT {
  @Test
  void nativeElseWasmRunsWasmOnTheNodeTemplateChain(@TempDir Path dir) throws Exception {
    ChainSpec spec = ChainSpecParser.parse(Fixtures.file("chainspecs/node-template-local.json"));
    Optional<ExecutionStrategy> strategy = Optional.of(ExecutionStrategy.NATIVE_ELSE_WASM);
    try (NodeService author =
            NodeService.start(
                DevNodes.config(
                    dir.resolve("author"),
                    true,
                    strategy,
                    Optional.empty(),
                    OffchainWorkerPolicy.NEVER),
                spec,
                Clock.systemUTC());
        NodeService follower =
            NodeService.start(
                DevNodes.config(
                    dir.resolve("follower"),
                    false,
                    strategy,
                    Optional.empty(),
                    OffchainWorkerPolicy.NEVER),
                spec,
                // A minute ahead: fast-forwarded blocks run ahead of the clock, and blocks from
                // the network must not be in the future.
                Clock.offset(Clock.systemUTC(), Duration.ofMinutes(1)))) {
      Hash256 first = DevNodes.createBlock(author);
      Hash256 second = DevNodes.createBlock(author);
      DevNodes.relay(author, follower, first, BlockOrigin.NETWORK_BROADCAST);
      DevNodes.relay(author, follower, second, BlockOrigin.NETWORK_INITIAL_SYNC);

      String authored = DevNodes.scrape(author);
      String followed = DevNodes.scrape(follower);
      assertThat(calls(authored, ExecutionContext.BLOCK_CONSTRUCTION, ExecutorKind.WASM))
          .isPositive();
      assertThat(calls(followed, ExecutionContext.IMPORTING, ExecutorKind.WASM)).isPositive();
      assertThat(calls(followed, ExecutionContext.SYNCING, ExecutorKind.WASM)).isPositive();
      for (ExecutionContext context : ExecutionContext.values()) {
        assertThat(calls(authored, context, ExecutorKind.NATIVE)).as(context.label()).isZero();
        assertThat(calls(followed, context, ExecutorKind.NATIVE)).as(context.label()).isZero();
      }
    }
  }

  private static long calls(String metrics, ExecutionContext context, ExecutorKind executor) {
    Matcher m =
        Pattern.compile(
                "basalt_runtime_calls_total\\{chain=\"local_testnet\",context=\""
                    + context.label()
                    + "\",executor=\""
                    + executor.label()
                    + "\"} (\\d+)")
            .matcher(metrics);
    assertThat(m.find()).as(metrics).isTrue();
    return Long.parseLong(m.group(1));
  }
}
