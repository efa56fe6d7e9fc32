/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.chainspec.ChainSpec;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.node.NodeCli;
import io.basalt.node.authoring.Consensus;
import io.basalt.node.chain.ChainOpener;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ImportConfig;
import io.basalt.node.importer.TestCaches;
import io.basalt.node.service.DevConfigs;
import io.basalt.node.service.DivergentNative;
import io.basalt.node.service.NodeConfig;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.testsupport.ProjectFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code try-upgrade --execution Both}: on the demo chain the native twin runs the v100 blocks of
 * the rehearsal beside Wasm and agrees (exit 0, calls compared); a native runtime that writes one
 * key more diverges, and the rehearsal fails naming the divergence. The second case also runs the
 * rehearsal through {@link ChainOpener#COPY} in-process, as another chain source would plug in.
 */
class BothComparisonIT {
  private static final Path V101 = ProjectFiles.file("runtime-wasm/blobs/basalt_demo_v101.wasm");

  private static ImportConfig both() {
    Map<ExecutionContext, ExecutionStrategy> all = new EnumMap<>(ExecutionContext.class);
    for (ExecutionContext c : ExecutionContext.values()) {
      all.put(c, ExecutionStrategy.BOTH);
    }
    ImportConfig d = ImportConfig.defaults();
    return new ImportConfig(
        d.wasmExecution(),
        false,
        Optional.of(TestCaches.wasmCache()),
        all,
        Optional.empty(),
        d.runtimeCacheSize());
  }

  @Test
  void theNativeTwinAgreesAndADivergentOneFailsTheRehearsal(@TempDir Path dir) throws Exception {
    ChainSpec dev = ChainSpecs.load("dev");
    Path base = dir.resolve("node");
    try (NodeService node =
        NodeService.start(
            DevConfigs.at(base).consensus(new Consensus.Manual()).imports(both()).build(),
            dev,
            Clock.systemUTC())) {
      node.sealer().orElseThrow().createBlock(true, true, Optional.empty()).join();
    }

    NodeCli agreed =
        NodeCli.run(
            "try-upgrade",
            "--dev",
            "-d",
            base.toString(),
            "--wasm",
            V101.toString(),
            "--execution",
            "Both",
            "--wasm-cache-dir",
            TestCaches.wasmCache().toString());
    assertThat(agreed.exitCode()).as(agreed.err() + agreed.out()).isZero();
    assertThat(agreed.out())
        .containsPattern("Native vs Wasm: [1-9][0-9]* call\\(s\\) compared, 0 divergence\\(s\\)");

    NodeConfig config =
        DevConfigs.at(dir.resolve("work"))
            .consensus(new Consensus.Manual())
            .imports(both())
            .build();
    DivergenceLog divergences = new DivergenceLog();
    UpgradeReport report;
    try (NodeService node =
        NodeService.start(
            config,
            dev,
            Clock.systemUTC(),
            "rehearsal",
            new DivergentNative(),
            ChainOpener.COPY,
            new BasePath(base, false),
            divergences)) {
      assertThat(node.chain().best().number()).isEqualTo(1);
      report =
          new UpgradeRehearsal(node, divergences, Optional.of(ExecutionStrategy.BOTH))
              .run(dev.name(), Bytes.wrap(Files.readAllBytes(V101)), TryUpgradeOptions.defaults());
    }
    assertThat(report.passed()).isFalse();
    assertThat(report.after().orElseThrow().specVersion()).isEqualTo(101);
    assertThat(report.failures().getFirst())
        .startsWith("native and Wasm diverged: ")
        .contains("Core_initialize_block")
        .contains(DivergentNative.EXTRA_KEY.toHex());
    assertThat(report.comparison().orElseThrow().divergences()).isNotEmpty();
    assertThat(report.toText()).contains("First failure: native and Wasm diverged");
  }
}
