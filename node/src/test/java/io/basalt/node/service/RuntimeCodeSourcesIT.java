/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.ChainSpecParser;
import io.basalt.chainspec.ChainSpecWriter;
import io.basalt.executor.code.CodeSource;
import io.basalt.executor.code.InvalidRuntimeCodeSourceException;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.strategy.ExecutionStrategy;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.node.LogCapture;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.failure.UserFacingException;
import io.basalt.node.offchain.OffchainWorkerPolicy;
import io.basalt.node.txpool.Submission;
import io.basalt.node.txpool.TransactionSource;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.chain.WasmCode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the code that runs comes from, on running dev nodes executing in Wasm: {@code
 * --wasm-runtime-overrides} (Substrate's rules: by spec_version, a spec_name that differs is
 * ignored with a warning, files without the {@code wasm} extension are skipped, two files with one
 * spec_version refuse to start) and the chain spec's {@code codeSubstitutes} (from their block
 * while the on-chain spec_version is the replaced one, not after an upgrade).
 */
class RuntimeCodeSourcesIT {
  /** The demo runtime v100, byte for byte different from the dev chain's {@code :code}. */
  private static final Bytes SALTED_V100 =
      withCustomSection(WasmCode.plain(100), "salt", new byte[] {1});

  @Test
  void anOverrideWithTheOnChainSpecVersionRunsInsteadOfTheOnChainCode(@TempDir Path dir)
      throws Exception {
    Path overrides = Files.createDirectory(dir.resolve("overrides"));
    Path salted = Files.write(overrides.resolve("v100-salted.wasm"), SALTED_V100.toArray());
    // Not runtimes by Substrate's rule (extension exactly `wasm`): never read.
    Files.writeString(overrides.resolve("notes.txt"), "not a runtime");
    Files.writeString(overrides.resolve("runtime.wasm.zst"), "not a runtime either");
    LogCapture.Captured<String> run =
        LogCapture.run(
            withNode(
                dir, overrides, ChainSpecs.load("dev"), RuntimeCodeSourcesIT::blockAndMetrics));
    assertThat(run.lines())
        .anySatisfy(
            l ->
                assertThat(l)
                    .startsWith("Found wasm override. version=basalt-demo-100 (")
                    .endsWith(" file=" + salted));
    Hash256 saltedHash = RuntimeBlob.parse(SALTED_V100).codeHash();
    assertThat(run.result())
        .containsPattern(codeInfo(saltedHash, "override"))
        .doesNotContain("source=\"on_chain\"");
  }

  @Test
  void anOverrideWithAnotherSpecNameIsIgnoredWithAWarning(@TempDir Path dir) throws Exception {
    Path overrides = Files.createDirectory(dir.resolve("overrides"));
    Path other = Files.write(overrides.resolve("other.wasm"), declaring("other-chain", 100));
    LogCapture.Captured<String> run =
        LogCapture.run(
            withNode(
                dir, overrides, ChainSpecs.load("dev"), RuntimeCodeSourcesIT::blockAndMetrics));
    assertThat(run.lines())
        .contains(
            "On chain and override spec_name do not match! Ignoring override."
                + " on_chain_spec_name=basalt-demo override_spec_name=other-chain file="
                + other);
    Hash256 onChain = RuntimeBlob.parse(WasmCode.compressed(100)).codeHash();
    assertThat(run.result())
        .containsPattern(codeInfo(onChain, "on_chain"))
        .doesNotContain("source=\"override\"");
  }

  @Test
  void twoOverridesWithOneSpecVersionRefuseToStartNamingBoth(@TempDir Path dir) throws Exception {
    Path overrides = Files.createDirectory(dir.resolve("overrides"));
    Path a = Files.write(overrides.resolve("a.wasm"), WasmCode.plain(100).toArray());
    Path b = Files.write(overrides.resolve("b.wasm"), SALTED_V100.toArray());
    Path base = dir.resolve("base");
    assertThatThrownBy(
            () ->
                NodeService.start(
                    DevNodes.config(
                        base,
                        true,
                        Optional.of(ExecutionStrategy.ALWAYS_WASM),
                        Optional.of(overrides),
                        OffchainWorkerPolicy.NEVER),
                    ChainSpecs.load("dev"),
                    Clock.systemUTC()))
        .isInstanceOf(UserFacingException.class)
        .hasCauseInstanceOf(InvalidRuntimeCodeSourceException.class)
        .hasMessage(
            "--wasm-runtime-overrides: "
                + a
                + " and "
                + b
                + " both have spec_version 100; keep one runtime per spec_version");
    assertThat(base.resolve("chains")).doesNotExist();
  }

  @Test
  void aCodeSubstituteRunsFromItsBlockUntilTheOnChainRuntimeIsUpgraded(@TempDir Path dir)
      throws Exception {
    String json =
        ChainSpecWriter.toJson(ChainSpecs.load("dev"))
            .replaceFirst(
                "\"codeSubstitutes\"\\s*:\\s*\\{\\s*}",
                "\"codeSubstitutes\": {\"2\": \"" + SALTED_V100.toHex() + "\"}");
    ChainSpec spec = ChainSpecParser.parse(json);
    assertThat(spec.codeSubstitutes()).containsOnlyKeys(2L);
    Hash256 saltedHash = RuntimeBlob.parse(SALTED_V100).codeHash();
    LogCapture.Captured<Hash256> run =
        LogCapture.run(
            withNode(
                dir,
                null,
                spec,
                node -> {
                  Hash256 b1 = DevNodes.createBlock(node);
                  Hash256 b2 = DevNodes.createBlock(node);
                  assertThat(codeAt(node, b1).source()).isEqualTo(CodeSource.ON_CHAIN);
                  assertThat(DevNodes.scrape(node)).doesNotContain("source=\"substitute\"");
                  // Block #3 is built on #2's state: from there the substitute runs, while
                  // `:code` (spec 100) stays as it was.
                  RuntimeCode atB2 = codeAt(node, b2);
                  assertThat(atB2.source()).isEqualTo(CodeSource.SUBSTITUTE);
                  assertThat(atB2.blob().codeHash()).isEqualTo(saltedHash);
                  assertThat(atB2.onChainVersion().specVersion()).isEqualTo(100);
                  assertThat(
                          node.chain()
                              .stateAt(node.chain().requireHeader(b2))
                              .get(WellKnownKeys.CODE))
                      .contains(WasmCode.compressed(100));
                  DevNodes.createBlock(node);
                  assertThat(DevNodes.scrape(node))
                      .containsPattern(codeInfo(saltedHash, "substitute"));
                  // sudo(set_code(v101)) in #4: from #4's state on, v101 runs from `:code`.
                  ExtrinsicFactory xts = new ExtrinsicFactory(100, node.chain().genesisHash());
                  Bytes upgrade =
                      xts.signed(
                              DevAccounts.alice(),
                              new RuntimeCall.Sudo(
                                  new RuntimeCall.SetCode(WasmCode.compressed(101))),
                              0)
                          .encoded();
                  assertThat(node.pool().submit(TransactionSource.EXTERNAL, upgrade))
                      .isInstanceOf(Submission.Accepted.class);
                  Hash256 b4 = DevNodes.createBlock(node);
                  assertThat(node.chain().body(b4).orElseThrow()).hasSize(2);
                  RuntimeCode atB4 = codeAt(node, b4);
                  assertThat(atB4.source()).isEqualTo(CodeSource.ON_CHAIN);
                  assertThat(atB4.version().specVersion()).isEqualTo(101);
                  Hash256 b5 = DevNodes.createBlock(node);
                  assertThat(node.chain().best().hash()).isEqualTo(b5);
                  assertThat(codeAt(node, b5).source()).isEqualTo(CodeSource.ON_CHAIN);
                  return b4;
                }));
    Hash256 b4 = run.result();
    assertThat(run.lines())
        .filteredOn(l -> l.contains("Runtime upgrade"))
        .containsExactly(
            "⬆️  Runtime upgrade in #4 (" + shortHash(b4) + "): basalt-demo/100 → basalt-demo/101");
  }

  /** Runs {@code body} on a running authority node executing in Wasm, returning its result. */
  private static <T> Supplier<T> withNode(
      Path dir, Path overrides, ChainSpec spec, NodeBody<T> body) {
    return () -> {
      try (NodeService node =
          NodeService.start(
              DevNodes.config(
                  dir.resolve("base"),
                  true,
                  Optional.of(ExecutionStrategy.ALWAYS_WASM),
                  Optional.ofNullable(overrides),
                  OffchainWorkerPolicy.NEVER),
              spec,
              Clock.systemUTC())) {
        return body.run(node);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
  }

  /** What runs with a started node. */
  @FunctionalInterface
  private interface NodeBody<T> {
    T run(NodeService node) throws Exception;
  }

  private static String blockAndMetrics(NodeService node) throws Exception {
    DevNodes.createBlock(node);
    return DevNodes.scrape(node);
  }

  private static RuntimeCode codeAt(NodeService node, Hash256 block) {
    var header = node.chain().requireHeader(block);
    return node.runtimes().codeAt(node.chain().stateAt(header), header.number());
  }

  private static String codeInfo(Hash256 codeHash, String source) {
    return "basalt_runtime_code_info\\{[^}]*code_hash=\""
        + codeHash.toHex()
        + "\"[^}]*source=\""
        + source
        + "\"[^}]*} 1";
  }

  private static String shortHash(Hash256 hash) {
    String hex = hash.toHex();
    return hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4);
  }

  /** A module with one more custom section at its end (a runtime that runs as before). */
  private static Bytes withCustomSection(Bytes module, String name, byte[] content) {
    byte[] n = name.getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(module.toArray());
    out.write(0);
    out.write(1 + n.length + content.length); // one-byte LEB128 sizes: short sections only
    out.write(n.length);
    out.writeBytes(n);
    out.writeBytes(content);
    return Bytes.wrap(out.toByteArray());
  }

  /** A module that declares {@code specName}/{@code specVersion} in its version section. */
  private static byte[] declaring(String specName, long specVersion) {
    byte[] version =
        new RuntimeVersion(specName, specName + "-node", 1, specVersion, 1, List.of(), 1, 0)
            .encode();
    Bytes module =
        Bytes.wrap(
            Wat2Wasm.parse(
                "(module (memory (export \"memory\") 1)"
                    + " (global (export \"__heap_base\") i32 (i32.const 1024)))"));
    return withCustomSection(module, "runtime_version", version).toArray();
  }
}
