/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.RuntimePreparation;
import io.basalt.executor.RuntimePreparationListener;
import io.basalt.executor.code.CodeSource;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutorKind;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.RuntimeVersion;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class NodeMetricsTest {
  static final byte[] EMPTY_MODULE = {0, 'a', 's', 'm', 1, 0, 0, 0};

  static NodeMetrics metrics(boolean authority) {
    return NodeMetrics.create(
        new NodeMetrics.Identity(
            "dev", "Alice", "0.1.0-test", authority, Instant.parse("2026-01-02T03:04:05.678Z")));
  }

  static RuntimeCode runtime(long specVersion, CodeSource source) {
    RuntimeVersion version =
        new RuntimeVersion("basalt-demo", "basalt-demo", 1, specVersion, 1, List.of(), 1, 1);
    return new RuntimeCode(RuntimeBlob.parse(EMPTY_MODULE), version, version, source);
  }

  @Test
  void aFullNodeHasRole1AndAnAuthority4() {
    assertThat(metrics(false).scrape()).contains("\nsubstrate_node_roles{chain=\"dev\"} 1\n");
    assertThat(metrics(true).scrape()).contains("\nsubstrate_node_roles{chain=\"dev\"} 4\n");
  }

  @Test
  void gaugesReadTheirSuppliersAtEachScrape() {
    NodeMetrics metrics = metrics(false);
    AtomicLong best = new AtomicLong(3);
    AtomicLong ready = new AtomicLong(0);
    metrics.watchChain(best::get, () -> 1, () -> 2);
    metrics.watchTransactionPool(ready::get);
    assertThat(metrics.scrape())
        .contains("substrate_block_height{chain=\"dev\",status=\"best\"} 3\n")
        .contains("substrate_ready_transactions_number{chain=\"dev\"} 0\n");
    best.set(4);
    ready.set(12);
    assertThat(metrics.scrape())
        .contains("substrate_block_height{chain=\"dev\",status=\"best\"} 4\n")
        .contains("substrate_block_height{chain=\"dev\",status=\"sync_target\"} 4\n")
        .contains("substrate_ready_transactions_number{chain=\"dev\"} 12\n");
  }

  @Test
  void watchingTwiceIsABug() {
    NodeMetrics metrics = metrics(false);
    metrics.watchChain(() -> 0, () -> 0, () -> 1);
    metrics.watchTransactionPool(() -> 0);
    assertThatThrownBy(() -> metrics.watchChain(() -> 0, () -> 0, () -> 1))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("substrate_block_height is already watched");
    assertThatThrownBy(() -> metrics.watchTransactionPool(() -> 0))
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("substrate_ready_transactions_number is already watched");
  }

  @Test
  void theExecutorsCompilationsAndOnlyThemReachTheCompileHistogram() {
    NodeMetrics metrics = metrics(false);
    RuntimePreparationListener listener = metrics.preparationListener();
    Hash256 code = Hash256.ZERO;
    listener.prepared(
        new RuntimePreparation(code, RuntimePreparation.Stage.INTERPRETER, Duration.ofMillis(40)));
    listener.prepared(
        new RuntimePreparation(code, RuntimePreparation.Stage.COMPILED, Duration.ofMillis(2500)));
    listener.prepared(
        new RuntimePreparation(code, RuntimePreparation.Stage.DISK_CACHE, Duration.ofMillis(30)));
    assertThat(metrics.scrape())
        .contains("basalt_runtime_compile_seconds_count{chain=\"dev\"} 1\n")
        .contains("basalt_runtime_compile_seconds_sum{chain=\"dev\"} 2.5\n");
  }

  @Test
  void aRuntimeLeavingTheCacheLosesItsCodeInfoSeries() {
    NodeMetrics metrics = metrics(false);
    RuntimeCode v100 = runtime(100, CodeSource.ON_CHAIN);
    RuntimeCode v101 = runtime(101, CodeSource.OVERRIDE);
    metrics.runtimeLoaded(v100);
    metrics.runtimeLoaded(v101);
    metrics.runtimeLoaded(v101);
    metrics.runtimeUnloaded(v100);
    String hash = "0xf6a5dbf080e9c9d7834145653bce4c8cded62e664d7ddcdb5c526f5877006d74";
    assertThat(metrics.scrape().lines().filter(l -> l.startsWith("basalt_runtime_code_info")))
        .containsExactly(
            "basalt_runtime_code_info{chain=\"dev\",code_hash=\""
                + hash
                + "\",source=\"override\",spec_name=\"basalt-demo\",spec_version=\"101\"} 1");
  }

  @Test
  void disabledMetricsTakeEveryCallAndExposeNothing() {
    NodeMetrics metrics = NodeMetrics.disabled();
    metrics.watchChain(() -> 1, () -> 1, () -> 1);
    metrics.watchTransactionPool(() -> 1);
    metrics.blockVerified(true, Duration.ofMillis(1));
    metrics.blockImported(Duration.ofMillis(1));
    metrics.blockImportFailed(ImportFailure.FAILED);
    metrics.inherentsCreated(Duration.ofMillis(1));
    metrics.blockProposed(
        1, Duration.ofMillis(1), Duration.ofMillis(1), EndProposalReason.HIT_DEADLINE);
    metrics.transactionsSubmitted(1);
    metrics.executionObserver().called(ExecutionContext.OTHER, ExecutorKind.NATIVE, "Core_version");
    metrics.runtimeCompiled(Duration.ofSeconds(1));
    metrics.runtimeLoaded(runtime(100, CodeSource.ON_CHAIN));
    metrics.runtimeUnloaded(runtime(100, CodeSource.ON_CHAIN));
    assertThatThrownBy(metrics::scrape)
        .isInstanceOf(IllegalStateException.class)
        .hasMessage("metrics are disabled (--no-prometheus): nothing to expose");
  }
}
