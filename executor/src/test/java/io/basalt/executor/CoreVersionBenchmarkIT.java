/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.host.HostServices;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Latency of {@code Core_version} per fixture runtime, compiled vs interpreted: the first call on a
 * fresh executor (parse + compile + instantiate + call), a first call served by the disk
 * compilation cache, and the warm median. Not part of the normal build; run with:
 *
 * <pre>
 * ./mvnw -B -ntp verify -pl executor -am -Dbasalt.bench=true -Dit.test=CoreVersionBenchmarkIT \
 *     -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dfailsafe.failIfNoSpecifiedTests=false
 * </pre>
 */
@EnabledIfSystemProperty(named = "basalt.bench", matches = "true")
class CoreVersionBenchmarkIT {
  private static final List<String> SOURCES =
      List.of(
          "chainspec:node-template-local.json",
          "chainspec:kusama.json",
          "chainspec:westend.json",
          "wasm/sub2dev.wasm",
          "wasm/polkadot-runtime-v9160.wasm.zstd",
          "wasm/westend-runtime-v9300.wasm",
          "chainspec:westend-dev.json",
          "chainspec:rococo-dev.json");

  private static OverlayedExternalities empty() {
    return new OverlayedExternalities(new OverlayedChanges(), StateBackend.empty());
  }

  private static double millis(long nanos) {
    return nanos / 1e6;
  }

  @Test
  void measureCoreVersion() throws Exception {
    Path cacheDir = Files.createTempDirectory("basalt-bench-cache");
    StringBuilder table = new StringBuilder();
    table.append(
        String.format(
            "%-40s %-12s %9s %10s %12s %10s%n",
            "runtime", "mode", "wasm KiB", "first ms", "cached 1st ms", "warm ms"));
    for (String source : SOURCES) {
      RuntimeBlob blob = FixtureRuntimesIT.blob(source);
      for (WasmExecutionMethod method : WasmExecutionMethod.values()) {
        ExecutorConfig config = ExecutorConfig.defaults().withMethod(method);
        if (method == WasmExecutionMethod.COMPILED) {
          config = config.withCompilationCache(cacheDir);
        }
        double first;
        double cachedFirst = Double.NaN;
        double warm;
        try (RuntimeExecutor executor = new RuntimeExecutor(config, HostServices.unconfigured())) {
          long t0 = System.nanoTime();
          byte[] out = executor.call(blob, "Core_version", new byte[0], empty());
          first = millis(System.nanoTime() - t0);
          assertThat(out).isNotEmpty();
          for (int i = 0; i < 50; i++) {
            executor.call(blob, "Core_version", new byte[0], empty());
          }
          long[] samples = new long[50];
          for (int i = 0; i < samples.length; i++) {
            long s = System.nanoTime();
            executor.call(blob, "Core_version", new byte[0], empty());
            samples[i] = System.nanoTime() - s;
          }
          Arrays.sort(samples);
          warm = millis(samples[samples.length / 2]);
        }
        if (method == WasmExecutionMethod.COMPILED) {
          try (RuntimeExecutor restarted =
              new RuntimeExecutor(config, HostServices.unconfigured())) {
            long t0 = System.nanoTime();
            restarted.call(blob, "Core_version", new byte[0], empty());
            cachedFirst = millis(System.nanoTime() - t0);
          }
        }
        table.append(
            String.format(
                "%-40s %-12s %9d %10.0f %12.0f %10.2f%n",
                source,
                method == WasmExecutionMethod.COMPILED ? "compiled" : "interpreted",
                blob.wasmSize() / 1024,
                first,
                cachedFirst,
                warm));
      }
    }
    System.out.println(table);
  }
}
