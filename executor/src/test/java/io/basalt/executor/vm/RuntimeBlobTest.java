/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.luben.zstd.ZstdOutputStream;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.ApiVersion;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.testsupport.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuntimeBlobTest {

  /** A module with only custom sections: enough for the section scanner. */
  static byte[] moduleWithCustomSections(Object... nameAndContent) {
    return TestModules.withCustomSections(new byte[0], nameAndContent);
  }

  static byte[] zstdEnvelope(byte[] payload) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(RuntimeBlob.ZSTD_PREFIX);
    try (ZstdOutputStream z = new ZstdOutputStream(out)) {
      z.write(payload);
    }
    return out.toByteArray();
  }

  static byte[] apiRecord(String api, long version) {
    return new ScaleWriter().writeRaw(ApiVersion.idOf(api)).writeU32(version).toByteArray();
  }

  static byte[] versionSection(String spec, long specVersion, long txVersion, int systemVersion) {
    return new ScaleWriter()
        .writeString(spec)
        .writeString(spec + "-impl")
        .writeU32(1)
        .writeU32(specVersion)
        .writeU32(0)
        .writeCompact(0)
        .writeU32(txVersion)
        .writeU8(systemVersion)
        .toByteArray();
  }

  @Test
  void shouldReadVersionFromCustomSectionsUsingTheCoreHint() {
    byte[] apis =
        new ScaleWriter()
            .writeRaw(apiRecord("Core", 4))
            .writeRaw(apiRecord("Metadata", 2))
            .toByteArray();
    byte[] wasm =
        moduleWithCustomSections(
            "runtime_version", versionSection("demo", 7, 3, 1), "runtime_apis", apis);

    RuntimeBlob blob = RuntimeBlob.parse(wasm);

    RuntimeVersion v = blob.embeddedVersion().orElseThrow();
    assertThat(v.specName()).isEqualTo("demo");
    assertThat(v.specVersion()).isEqualTo(7);
    assertThat(v.transactionVersion()).isEqualTo(3);
    assertThat(v.systemVersion()).isEqualTo(1);
    assertThat(v.apis()).extracting(ApiVersion::version).containsExactly(4L, 2L);
    assertThat(blob.isCompressed()).isFalse();
    assertThat(blob.codeHash()).isEqualTo(Hashing.blake2b256Hash(wasm));
  }

  @Test
  void shouldIgnoreTheVersionTailWhenCoreIsOlderThanThree() {
    byte[] wasm =
        moduleWithCustomSections(
            "runtime_version",
            versionSection("old", 1, 9, 1),
            "runtime_apis",
            apiRecord("Core", 2));
    RuntimeVersion v = RuntimeBlob.parse(wasm).embeddedVersion().orElseThrow();
    assertThat(v.transactionVersion()).isEqualTo(1);
    assertThat(v.systemVersion()).isZero();
  }

  @Test
  void shouldRejectTrailingPartialApiRecord() {
    byte[] apis = new ScaleWriter().writeRaw(apiRecord("Core", 4)).writeU8(1).toByteArray();
    byte[] wasm =
        moduleWithCustomSections(
            "runtime_version", versionSection("x", 1, 1, 0), "runtime_apis", apis);
    assertThatThrownBy(() -> RuntimeBlob.parse(wasm))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("runtime_apis")
        .hasMessageContaining("13 bytes");
  }

  @Test
  void shouldHaveNoEmbeddedVersionWithoutTheVersionSection() {
    byte[] wasm = moduleWithCustomSections("runtime_apis", apiRecord("Core", 4));
    assertThat(RuntimeBlob.parse(wasm).embeddedVersion()).isEmpty();
  }

  @Test
  void shouldDecompressAndHashTheCompressedBytes() throws IOException {
    byte[] wasm = moduleWithCustomSections("runtime_version", versionSection("z", 5, 1, 0));
    byte[] code = zstdEnvelope(wasm);

    RuntimeBlob blob = RuntimeBlob.parse(code);

    assertThat(blob.isCompressed()).isTrue();
    assertThat(blob.wasm()).isEqualTo(Bytes.of(wasm));
    assertThat(blob.originalSize()).isEqualTo(code.length);
    assertThat(blob.wasmSize()).isEqualTo(wasm.length);
    assertThat(blob.codeHash()).isEqualTo(Hashing.blake2b256Hash(code));
    assertThat(blob.embeddedVersion().orElseThrow().specVersion()).isEqualTo(5);
  }

  @Test
  void shouldRefuseACompressionBomb() throws IOException {
    // 60 MiB of zeros compress to a few kilobytes.
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(RuntimeBlob.ZSTD_PREFIX);
    try (ZstdOutputStream z = new ZstdOutputStream(out)) {
      byte[] chunk = new byte[1 << 20];
      System.arraycopy(Hex.decode("0061736d01000000"), 0, chunk, 0, 8);
      z.write(chunk);
      java.util.Arrays.fill(chunk, 0, 8, (byte) 0);
      for (int i = 1; i < 60; i++) {
        z.write(chunk);
      }
    }
    byte[] bomb = out.toByteArray();
    assertThat(bomb.length).isLessThan(64 * 1024);

    assertThatThrownBy(() -> RuntimeBlob.parse(bomb))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("possible compression bomb");
  }

  @Test
  void shouldRejectCorruptedZstd() {
    byte[] code = new byte[40];
    System.arraycopy(RuntimeBlob.ZSTD_PREFIX, 0, code, 0, 8);
    java.util.Arrays.fill(code, 8, 40, (byte) 0x5a);
    assertThatThrownBy(() -> RuntimeBlob.parse(code))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("not a valid zstd frame");
  }

  @Test
  void shouldRejectTypedEnvelopesAndPolkaVm() {
    for (String kind : List.of("06", "07", "08")) {
      byte[] code = Hex.decode("52bc537646db8e" + kind + "00000000");
      assertThatThrownBy(() -> RuntimeBlob.parse(code))
          .isInstanceOf(InvalidRuntimeCodeException.class)
          .hasMessageContaining("unsupported")
          .hasMessageContaining("8e" + kind);
    }
    assertThatThrownBy(() -> RuntimeBlob.parse("PVM\0rest".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("PolkaVM");
  }

  @Test
  void shouldRejectNonWasm() {
    assertThatThrownBy(() -> RuntimeBlob.parse("hello world".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageStartingWith("`:code` is not a Wasm module");
    assertThatThrownBy(() -> RuntimeBlob.parse(new byte[0]))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageStartingWith("`:code` is not a Wasm module");
  }

  @Test
  void shouldRejectOtherWasmVersionsAndTruncatedSections() {
    assertThatThrownBy(() -> RuntimeBlob.parse(Hex.decode("0061736d02000000")))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("unsupported version");
    byte[] truncated = Hex.decode("0061736d01000000" + "0164" + "00");
    assertThatThrownBy(() -> RuntimeBlob.parse(truncated))
        .isInstanceOf(InvalidRuntimeCodeException.class)
        .hasMessageContaining("section 1 at offset 8 declares 100 byte(s)");
  }

  @Test
  void shouldReadEveryFixtureRuntimeBlob() throws IOException {
    RuntimeBlob westend =
        RuntimeBlob.parse(Files.readAllBytes(Fixtures.file("wasm/westend-runtime-v9300.wasm")));
    assertThat(westend.isCompressed()).isTrue();
    RuntimeVersion v = westend.embeddedVersion().orElseThrow();
    assertThat(v.specName()).isEqualTo("westend");
    assertThat(v.specVersion()).isEqualTo(9300);
    assertThat(v.apiVersion("Core")).contains(4L);
    assertThat(v.apis()).hasSize(16);

    RuntimeBlob polkadot =
        RuntimeBlob.parse(
            Files.readAllBytes(Fixtures.file("wasm/polkadot-runtime-v9160.wasm.zstd")));
    assertThat(polkadot.isCompressed()).isTrue();
    assertThat(polkadot.wasmSize()).isEqualTo(4_926_992);
    assertThat(polkadot.customSection("runtime_apis")).isPresent();
    assertThat(polkadot.embeddedVersion()).isEmpty();

    RuntimeBlob sub2dev = RuntimeBlob.parse(Files.readAllBytes(Fixtures.file("wasm/sub2dev.wasm")));
    assertThat(sub2dev.isCompressed()).isFalse();
    assertThat(sub2dev.embeddedVersion()).isEmpty();
  }
}
