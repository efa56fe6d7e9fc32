/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code Core_version} of every fixture runtime, in compiled and interpreted mode: the version the
 * runtime returns must decode, match the known spec name/version, and equal the custom-section
 * version when the blob embeds one.
 */
class FixtureRuntimesIT {
  private static final Map<WasmExecutionMethod, RuntimeExecutor> EXECUTORS =
      new ConcurrentHashMap<>();
  private static final Map<String, RuntimeBlob> BLOBS = new ConcurrentHashMap<>();
  private static final Map<String, byte[]> RESULTS = new ConcurrentHashMap<>();

  static Stream<Arguments> runtimes() {
    Stream<Object[]> cases =
        Stream.of(
            new Object[] {"chainspec:node-template-local.json", "node-template", 100L},
            new Object[] {"wasm/westend-runtime-v9300.wasm", "westend", 9300L},
            new Object[] {"wasm/polkadot-runtime-v9160.wasm.zstd", "polkadot", 9160L},
            // No independent record of this dev runtime's spec_version: checked across engines
            // only.
            new Object[] {"wasm/sub2dev.wasm", "node", -1L},
            new Object[] {"chainspec:rococo-dev.json", "rococo", 1014000L},
            new Object[] {"chainspec:westend-dev.json", "westend", 9320L},
            new Object[] {"chainspec:kusama.json", "kusama", 1020L},
            new Object[] {"chainspec:kusama-legacy-raw-array.json", "kusama", 1020L},
            new Object[] {"chainspec:westend.json", "westend", 1L});
    return cases.flatMap(
        c -> Stream.of(WasmExecutionMethod.values()).map(m -> Arguments.of(c[0], c[1], c[2], m)));
  }

  static RuntimeBlob blob(String source) {
    return BLOBS.computeIfAbsent(
        source,
        s -> {
          try {
            if (s.startsWith("chainspec:")) {
              return RuntimeBlob.parse(
                  ChainSpecFixture.load("chainspecs/" + s.substring(10)).code());
            }
            return RuntimeBlob.parse(Files.readAllBytes(Fixtures.file(s)));
          } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        });
  }

  static RuntimeExecutor executor(WasmExecutionMethod method) {
    return EXECUTORS.computeIfAbsent(
        method,
        m ->
            new RuntimeExecutor(
                ExecutorConfig.defaults().withMethod(m).withTieredStart(false),
                HostServices.standard()));
  }

  @AfterAll
  static void close() {
    EXECUTORS.values().forEach(RuntimeExecutor::close);
  }

  @ParameterizedTest(name = "{0} {3}")
  @MethodSource("runtimes")
  void coreVersionMatchesTheKnownVersion(
      String source, String specName, long specVersion, WasmExecutionMethod method) {
    RuntimeBlob blob = blob(source);
    RuntimeExecutor executor = executor(method);

    byte[] encoded =
        executor.call(
            blob,
            "Core_version",
            new byte[0],
            new io.basalt.executor.state.OverlayedExternalities(
                new io.basalt.executor.state.OverlayedChanges(),
                io.basalt.executor.state.StateBackend.empty()));
    RuntimeVersion called = RuntimeVersion.decode(encoded, OptionalLong.empty());

    assertThat(called.specName()).isEqualTo(specName);
    if (specVersion >= 0) {
      assertThat(called.specVersion()).isEqualTo(specVersion);
    }
    // Compiled and interpreted execution must agree byte for byte.
    byte[] other = RESULTS.putIfAbsent(source, encoded);
    if (other != null) {
      assertThat(encoded).isEqualTo(other);
    }
    assertThat(executor.version(blob)).isEqualTo(blob.embeddedVersion().orElse(called));
    blob.embeddedVersion().ifPresent(embedded -> assertThat(called).isEqualTo(embedded));
  }
}
