/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.luben.zstd.ZstdInputStream;
import io.basalt.node.NodeCli;
import io.basalt.node.importer.TestCaches;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.testsupport.Fixtures;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code inspect-runtime} on every fixture runtime, compiled and interpreted: the version (embedded
 * section, or {@code Core_version} for the runtimes that have none) and the code facts.
 *
 * <p>The expected versions are facts about the runtimes. Where a runtime embeds a {@code
 * runtime_version} section, the test decodes it itself ({@link SectionVersion}, independent of the
 * node's blob parser) and checks the facts against it; for the others (kusama 1020, westend 1 and
 * polkadot 9160 are public releases) the node must get them by running {@code Core_version}.
 */
class InspectRuntimeIT {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * One runtime and what is known about it.
   *
   * @param transactionVersion 1 by definition when the Core API is below 3
   * @param stateVersion 0 by definition when the Core API is below 4
   */
  record Expected(
      String source,
      String specName,
      long specVersion,
      boolean compressed,
      String versionSource,
      long transactionVersion,
      int stateVersion) {}

  static Stream<Arguments> runtimes() {
    Stream<Expected> runtimes =
        Stream.of(
            new Expected(
                "chainspecs/node-template-local.json",
                "node-template",
                100,
                true,
                "runtime_version section",
                1,
                0),
            new Expected(
                "chainspecs/westend-dev.json",
                "westend",
                9320,
                true,
                "runtime_version section",
                14,
                0),
            new Expected(
                "chainspecs/rococo-dev.json",
                "rococo",
                1014000,
                true,
                "runtime_version section",
                26,
                1),
            new Expected("chainspecs/kusama.json", "kusama", 1020, false, "Core_version", 1, 0),
            new Expected(
                "chainspecs/kusama-legacy-raw-array.json",
                "kusama",
                1020,
                false,
                "Core_version",
                1,
                0),
            new Expected("chainspecs/westend.json", "westend", 1, false, "Core_version", 1, 0),
            new Expected(
                "wasm/westend-runtime-v9300.wasm",
                "westend",
                9300,
                true,
                "runtime_version section",
                13,
                0),
            new Expected(
                "wasm/polkadot-runtime-v9160.wasm.zstd",
                "polkadot",
                9160,
                true,
                "Core_version",
                10,
                0),
            new Expected("wasm/sub2dev.wasm", "node", 260, false, "Core_version", 1, 0));
    return runtimes.flatMap(
        r -> Stream.of("compiled", "interpreted-i-know-what-i-do").map(m -> Arguments.of(r, m)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("runtimes")
  void printsTheVersionAndCodeFacts(Expected expected, String method, @TempDir Path dir)
      throws Exception {
    Path file = Fixtures.file(expected.source());
    boolean wasm = expected.source().startsWith("wasm/");
    NodeCli result =
        NodeCli.run(
            "inspect-runtime",
            wasm ? "--wasm" : "--chain",
            file.toString(),
            "-d",
            dir.toString(),
            "--wasm-execution",
            method,
            "--wasm-cache-dir",
            TestCaches.wasmCache().toString());
    assertThat(result.exitCode()).as(result.err()).isZero();
    JsonNode json = JSON.readTree(result.out());

    assertThat(json.get("specName").asText()).isEqualTo(expected.specName());
    assertThat(json.get("specVersion").asLong()).isEqualTo(expected.specVersion());
    assertThat(json.get("transactionVersion").asLong()).isEqualTo(expected.transactionVersion());
    assertThat(json.get("stateVersion").asInt()).isEqualTo(expected.stateVersion());
    assertThat(json.get("systemVersion").asInt()).isEqualTo(expected.stateVersion());
    assertThat(json.get("versionSource").asText()).isEqualTo(expected.versionSource());
    assertThat(json.get("apis").get(0).get(0).asText()).isEqualTo("0xdf6acb689907609b");
    assertThat(json.fieldNames())
        .toIterable()
        .startsWith(
            "specName",
            "implName",
            "authoringVersion",
            "specVersion",
            "implVersion",
            "apis",
            "transactionVersion",
            "systemVersion",
            "stateVersion");

    Bytes code = wasm ? Bytes.wrap(Files.readAllBytes(file)) : Bytes.fromHex(genesisCode(file));
    JsonNode facts = json.get("code");
    assertThat(facts.get("size").asLong()).isEqualTo(code.length());
    assertThat(facts.get("compressed").asBoolean()).isEqualTo(expected.compressed());
    assertThat(facts.get("blake2_256").asText())
        .isEqualTo(Hash256.wrap(Hashing.blake2b256(code.unsafeArray())).toHex());
    byte[] module = SectionVersion.wasm(code.toArray());
    assertThat(facts.get("wasmSize").asLong()).isEqualTo(module.length);

    Optional<SectionVersion> section = SectionVersion.read(module);
    assertThat(section.isPresent())
        .as("has a runtime_version section")
        .isEqualTo(expected.versionSource().equals("runtime_version section"));
    if (section.isPresent()) {
      SectionVersion v = section.get();
      assertThat(v.specName()).isEqualTo(expected.specName());
      assertThat(v.specVersion()).isEqualTo(expected.specVersion());
      assertThat(v.transactionVersion()).isEqualTo(expected.transactionVersion());
      assertThat(v.stateVersion()).isEqualTo(expected.stateVersion());
      assertThat(json.get("implName").asText()).isEqualTo(v.implName());
      assertThat(json.get("apis").size()).isEqualTo(v.apiCount());
    }
  }

  private static String genesisCode(Path spec) throws Exception {
    JsonNode raw = JSON.readTree(spec.toFile()).get("genesis").get("raw");
    JsonNode top = raw.isArray() ? raw.get(0) : raw.get("top");
    return top.get("0x3a636f6465").asText();
  }

  /**
   * A runtime's {@code runtime_version} custom section, decoded from scratch: Wasm sections,
   * LEB128, the SCALE fields of {@code RuntimeVersion}, and the Core API version from {@code
   * runtime_apis} that decides which trailing fields exist.
   */
  record SectionVersion(
      String specName,
      String implName,
      long specVersion,
      long transactionVersion,
      int stateVersion,
      int apiCount) {
    private static final byte[] ZSTD_MAGIC = HexFormat.of().parseHex("52bc537646db8e05");
    private static final byte[] CORE_ID = HexFormat.of().parseHex("df6acb689907609b");

    /** The Wasm module inside {@code :code}: zstd-decompressed after the magic, if present. */
    static byte[] wasm(byte[] code) {
      if (code.length >= 8 && Arrays.equals(code, 0, 8, ZSTD_MAGIC, 0, 8)) {
        try (ZstdInputStream in =
            new ZstdInputStream(new ByteArrayInputStream(code, 8, code.length - 8))) {
          return in.readAllBytes();
        } catch (IOException e) {
          throw new UncheckedIOException(e);
        }
      }
      return code;
    }

    static Optional<SectionVersion> read(byte[] module) {
      Map<String, byte[]> customs = new HashMap<>();
      ByteBuffer in = ByteBuffer.wrap(module).order(ByteOrder.LITTLE_ENDIAN);
      in.position(8); // magic and version
      while (in.hasRemaining()) {
        int id = in.get() & 0xff;
        int size = (int) leb128(in);
        int end = in.position() + size;
        if (id == 0) {
          byte[] name = new byte[(int) leb128(in)];
          in.get(name);
          byte[] content = new byte[end - in.position()];
          in.get(content);
          customs.put(new String(name, StandardCharsets.UTF_8), content);
        }
        in.position(end);
      }
      byte[] version = customs.get("runtime_version");
      if (version == null) {
        return Optional.empty();
      }
      byte[] apis = customs.getOrDefault("runtime_apis", new byte[0]);
      long core = -1;
      for (int i = 0; i + 12 <= apis.length; i += 12) {
        if (Arrays.equals(apis, i, i + 8, CORE_ID, 0, 8)) {
          core = ByteBuffer.wrap(apis, i + 8, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
        }
      }
      ByteBuffer v = ByteBuffer.wrap(version).order(ByteOrder.LITTLE_ENDIAN);
      String specName = string(v);
      String implName = string(v);
      v.getInt(); // authoring_version
      long specVersion = Integer.toUnsignedLong(v.getInt());
      v.getInt(); // impl_version
      long apisInVersion = compact(v);
      v.position(v.position() + (int) apisInVersion * 12);
      long transactionVersion = core >= 3 ? Integer.toUnsignedLong(v.getInt()) : 1;
      int stateVersion = core >= 4 ? v.get() & 0xff : 0;
      return Optional.of(
          new SectionVersion(
              specName, implName, specVersion, transactionVersion, stateVersion, apis.length / 12));
    }

    private static long leb128(ByteBuffer in) {
      long value = 0;
      int shift = 0;
      int b;
      do {
        b = in.get() & 0xff;
        value |= (long) (b & 0x7f) << shift;
        shift += 7;
      } while ((b & 0x80) != 0);
      return value;
    }

    private static long compact(ByteBuffer in) {
      int first = in.get() & 0xff;
      return switch (first & 3) {
        case 0 -> first >>> 2;
        case 1 -> ((in.get() & 0xff) << 8 | first) >>> 2;
        case 2 -> {
          in.position(in.position() - 1);
          yield Integer.toUnsignedLong(in.getInt()) >>> 2;
        }
        default -> throw new IllegalArgumentException("big compact in a version section");
      };
    }

    private static String string(ByteBuffer in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      long length = compact(in);
      for (long i = 0; i < length; i++) {
        out.write(in.get());
      }
      return out.toString(StandardCharsets.UTF_8);
    }
  }
}
