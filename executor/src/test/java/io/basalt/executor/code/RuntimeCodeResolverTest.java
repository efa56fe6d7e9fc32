/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.code;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import io.basalt.executor.CapturedLogs;
import io.basalt.executor.ExecutorConfig;
import io.basalt.executor.RuntimeExecutor;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Override before substitute before {@code :code}, with Substrate's matching rules. */
class RuntimeCodeResolverTest {
  private static final RuntimeExecutor EXECUTOR =
      new RuntimeExecutor(
          ExecutorConfig.defaults().withMethod(WasmExecutionMethod.INTERPRETED),
          HostServices.standard());

  private static final Bytes ON_CHAIN_100 = TestCode.declaring("demo", 100, "on-chain");
  private static final Bytes ON_CHAIN_101 = TestCode.declaring("demo", 101, "on-chain");

  @TempDir Path dir;

  @AfterAll
  static void close() {
    EXECUTOR.close();
  }

  /** A clock the test moves. */
  private static final class TestClock implements InstantSource {
    Instant now = Instant.parse("2026-01-01T00:00:00Z");

    @Override
    public Instant instant() {
      return now;
    }
  }

  private WasmOverrides overrides(Map<String, Bytes> files) throws IOException {
    for (Map.Entry<String, Bytes> f : files.entrySet()) {
      Files.write(dir.resolve(f.getKey()), f.getValue().toArray());
    }
    return WasmOverrides.load(dir, EXECUTOR);
  }

  @Test
  void withNothingConfiguredTheOnChainCodeRuns() {
    RuntimeCode code = RuntimeCodeResolver.onChainOnly(EXECUTOR).resolve(ON_CHAIN_100, 5);
    assertThat(code.source()).isEqualTo(CodeSource.ON_CHAIN);
    assertThat(code.blob()).isEqualTo(RuntimeBlob.parse(ON_CHAIN_100));
    assertThat(code.version().specVersion()).isEqualTo(100);
    assertThat(code.onChainVersion()).isEqualTo(code.version());
  }

  @Test
  void anOverrideWithTheOnChainSpecVersionAndNameReplacesTheCode() throws IOException {
    Bytes override = TestCode.declaring("demo", 100, "override: other bytes, same version");
    RuntimeCodeResolver resolver =
        new RuntimeCodeResolver(
            EXECUTOR, overrides(Map.of("v100.wasm", override)), CodeSubstitutes.none());
    RuntimeCode code = resolver.resolve(ON_CHAIN_100, 1);
    assertThat(code.source()).isEqualTo(CodeSource.OVERRIDE);
    assertThat(code.blob().codeHash()).isEqualTo(RuntimeBlob.parse(override).codeHash());
    assertThat(code.onChainVersion().specVersion()).isEqualTo(100);
    assertThat(resolver.resolve(ON_CHAIN_101, 1).source())
        .as("no override for 101")
        .isEqualTo(CodeSource.ON_CHAIN);
  }

  @Test
  void anOverrideWithAnotherSpecNameIsIgnoredWithAWarningAtMostEvery30Seconds() throws IOException {
    TestClock clock = new TestClock();
    WasmOverrides overrides =
        overrides(Map.of("other.wasm", TestCode.declaring("other", 100, "x")));
    RuntimeCodeResolver resolver =
        new RuntimeCodeResolver(EXECUTOR, overrides, CodeSubstitutes.none(), clock);
    String warning =
        "WARN On chain and override spec_name do not match! Ignoring override."
            + " on_chain_spec_name=demo override_spec_name=other file="
            + dir.resolve("other.wasm");
    try (CapturedLogs logs = CapturedLogs.of("wasm_overrides", Level.WARN)) {
      assertThat(resolver.resolve(ON_CHAIN_100, 1).source()).isEqualTo(CodeSource.ON_CHAIN);
      clock.now = clock.now.plus(Duration.ofSeconds(29));
      resolver.resolve(ON_CHAIN_100, 2);
      assertThat(logs.lines()).containsExactly(warning);
      clock.now = clock.now.plus(Duration.ofSeconds(1));
      resolver.resolve(ON_CHAIN_100, 3);
      assertThat(logs.lines()).containsExactly(warning, warning);
    }
  }

  @Test
  void aSubstituteAppliesFromItsBlockWhileTheOnChainSpecVersionIsItsOwn() {
    Bytes substitute = TestCode.declaring("demo", 100, "substitute");
    CodeSubstitutes substitutes = CodeSubstitutes.load(Map.of(10L, substitute), EXECUTOR);
    RuntimeCodeResolver resolver =
        new RuntimeCodeResolver(EXECUTOR, WasmOverrides.none(), substitutes);
    assertThat(resolver.resolve(ON_CHAIN_100, 9).source()).isEqualTo(CodeSource.ON_CHAIN);
    RuntimeCode at10 = resolver.resolve(ON_CHAIN_100, 10);
    assertThat(at10.source()).isEqualTo(CodeSource.SUBSTITUTE);
    assertThat(at10.blob().codeHash()).isEqualTo(RuntimeBlob.parse(substitute).codeHash());
    assertThat(resolver.resolve(ON_CHAIN_100, 1_000).source()).isEqualTo(CodeSource.SUBSTITUTE);
    assertThat(resolver.resolve(ON_CHAIN_101, 1_000).source())
        .as("after an upgrade to 101")
        .isEqualTo(CodeSource.ON_CHAIN);
  }

  /** A substitute for 100 from block 1 and an override for 100 named {@code overrideName}. */
  private RuntimeCodeResolver substituteAndOverride(String overrideName) throws IOException {
    return new RuntimeCodeResolver(
        EXECUTOR,
        overrides(Map.of("o.wasm", TestCode.declaring(overrideName, 100, "override"))),
        CodeSubstitutes.load(Map.of(1L, TestCode.declaring("demo", 100, "substitute")), EXECUTOR));
  }

  @Test
  void anOverrideWinsOverASubstitute() throws IOException {
    assertThat(substituteAndOverride("demo").resolve(ON_CHAIN_100, 5).source())
        .isEqualTo(CodeSource.OVERRIDE);
  }

  @Test
  void anOverrideWithAnotherNameFallsThroughToTheSubstitute() throws IOException {
    RuntimeCodeResolver resolver = substituteAndOverride("other");
    try (CapturedLogs logs = CapturedLogs.of("wasm_overrides", Level.WARN)) {
      assertThat(resolver.resolve(ON_CHAIN_100, 5).source()).isEqualTo(CodeSource.SUBSTITUTE);
      assertThat(logs.lines()).hasSize(1);
    }
  }

  @Test
  void unusableSubstitutesAreRefusedAtStartup() {
    assertThatThrownBy(
            () -> CodeSubstitutes.load(Map.of(42L, Bytes.fromHex("0x0102030405")), EXECUTOR))
        .isInstanceOf(InvalidRuntimeCodeSourceException.class)
        .hasMessageStartingWith(
            "chain spec codeSubstitutes \"42\" is not a runtime whose version can be read:");
    assertThatThrownBy(
            () ->
                CodeSubstitutes.load(
                    Map.of(
                        7L,
                        TestCode.declaring("demo", 100, "a"),
                        9L,
                        TestCode.reportingFromCoreVersion("demo", 100)),
                    EXECUTOR))
        .isInstanceOf(InvalidRuntimeCodeSourceException.class)
        .hasMessage(
            "chain spec codeSubstitutes \"7\" and \"9\" both have spec_version 100; keep one"
                + " substitute per spec_version");
  }

  @Test
  void theSameCodeValueParsesOnce() {
    RuntimeCodeResolver resolver = RuntimeCodeResolver.onChainOnly(EXECUTOR);
    RuntimeBlob first = resolver.blob(ON_CHAIN_100);
    assertThat(resolver.blob(Bytes.wrap(ON_CHAIN_100.toArray()))).isSameAs(first);
    assertThat(resolver.resolve(ON_CHAIN_100, 1).blob()).isSameAs(first);
  }
}
