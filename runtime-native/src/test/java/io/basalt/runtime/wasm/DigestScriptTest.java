/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.testsupport.ProjectFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs {@code runtime-wasm/digest.py} (the srtool-style digest of {@code build.sh} and the Docker
 * builder) on copies of the committed blobs and checks what it writes against values computed here:
 * sizes, sha256, blake2-256, the {@code System.set_code} proposal hash, the version string, the
 * sums files, and where the {@code wasm} fields say the blobs are. Needs {@code python3} (fails
 * under {@code CI=true} without it, skipped otherwise).
 */
class DigestScriptTest {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final List<String> BLOBS =
      List.of(
          "basalt_demo_v100.wasm",
          "basalt_demo_v100.compact.compressed.wasm",
          "basalt_demo_v101.wasm",
          "basalt_demo_v101.compact.compressed.wasm");

  @TempDir Path temp;

  private static Path copyBlobs(Path out) throws IOException {
    Files.createDirectories(out);
    for (String name : BLOBS) {
      Files.write(out.resolve(name), WasmCode.file(name).toArray());
    }
    return out;
  }

  private static void digest(Path out, String... options) throws IOException {
    List<String> command = new ArrayList<>();
    command.add("python3");
    command.add(ProjectFiles.file("runtime-wasm/digest.py").toString());
    command.add(out.toString());
    command.addAll(List.of(options));
    Process process;
    try {
      process = new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      requirePython("cannot start python3: " + e.getMessage());
      return;
    }
    try {
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("digest.py finished").isTrue();
      assertThat(process.exitValue()).as("digest.py output: %s", output).isZero();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("interrupted", e);
    }
  }

  private static void requirePython(String message) {
    if ("true".equalsIgnoreCase(System.getenv("CI"))) {
      Assertions.fail(message);
    }
    Assumptions.abort(message);
  }

  private static String sha256(byte[] data) throws NoSuchAlgorithmException {
    return Hex.encodeBare(MessageDigest.getInstance("SHA-256").digest(data));
  }

  private static String blake2(byte[] data) {
    return Hex.encodeBare(Hashing.blake2b256(data));
  }

  /** blake2-256 of the SCALE call {@code System.set_code(code)} = {@code 00 02 ‖ Vec<u8>}. */
  private static String proposalHash(byte[] code) {
    return "0x" + blake2(new ScaleWriter().writeU8(0).writeU8(2).writeByteVec(code).toByteArray());
  }

  private static JsonNode read(Path file) throws IOException {
    return JSON.readTree(file.toFile());
  }

  /** One {@code runtimes.compact}/{@code runtimes.compressed} entry against the blob itself. */
  private static void checkEntry(JsonNode entry, byte[] blob, byte[] wasm, String wasmField)
      throws NoSuchAlgorithmException {
    assertThat(entry.get("size").asText()).isEqualTo(String.valueOf(blob.length));
    assertThat(entry.get("sha256").asText()).isEqualTo("0x" + sha256(blob));
    assertThat(entry.get("blake2_256").asText()).isEqualTo("0x" + blake2(blob));
    assertThat(entry.get("prop").asText()).isEqualTo(proposalHash(blob));
    assertThat(entry.get("wasm").asText()).isEqualTo(wasmField);
    JsonNode subwasm = entry.get("subwasm");
    assertThat(subwasm.get("size").asInt()).isEqualTo(wasm.length);
    assertThat(subwasm.get("proposal_hash").asText()).isEqualTo(proposalHash(blob));
    assertThat(subwasm.get("blake2_256").asText()).isEqualTo("0x" + blake2(blob));
    JsonNode compression = subwasm.get("compression");
    assertThat(compression.get("size_compressed").asInt()).isEqualTo(blob.length);
    assertThat(compression.get("size_decompressed").asInt()).isEqualTo(wasm.length);
    assertThat(compression.get("compressed").asBoolean()).isEqualTo(blob.length != wasm.length);
    assertThat(subwasm.get("metadata_version").asInt()).isEqualTo(14);
    assertThat(subwasm.get("reserved_meta_valid").asBoolean()).isTrue();
  }

  private static void checkDigests(Path out, String recordedDir)
      throws IOException, NoSuchAlgorithmException {
    List<String> sha = Files.readAllLines(out.resolve("SHA256SUMS"));
    List<String> b2 = Files.readAllLines(out.resolve("BLAKE2_256SUMS"));
    for (int spec : List.of(100, 101)) {
      byte[] wasm = WasmCode.plain(spec).toArray();
      byte[] compressed = WasmCode.compressed(spec).toArray();
      String plainName = "basalt_demo_v" + spec + ".wasm";
      String compressedName = "basalt_demo_v" + spec + ".compact.compressed.wasm";
      JsonNode digest = read(out.resolve("basalt_demo_v" + spec + ".digest.json"));
      // The top level describes the on-chain (compressed) blob, as srtool's does.
      assertThat(digest.get("size").asText()).isEqualTo(String.valueOf(compressed.length));
      assertThat(digest.get("sha256").asText()).isEqualTo("0x" + sha256(compressed));
      assertThat(digest.get("prop").asText()).isEqualTo(proposalHash(compressed));
      assertThat(digest.get("wasm").asText()).isEqualTo(recordedDir + "/" + compressedName);
      assertThat(digest.at("/context/spec_version").asInt()).isEqualTo(spec);
      checkEntry(digest.at("/runtimes/compact"), wasm, wasm, recordedDir + "/" + plainName);
      checkEntry(
          digest.at("/runtimes/compressed"), compressed, wasm, recordedDir + "/" + compressedName);
      assertThat(digest.at("/runtimes/compact/subwasm/core_version").asText())
          .isEqualTo("basalt-demo-" + spec + " (basalt-demo-0.tx1.au1)");
      for (String name : List.of(plainName, compressedName)) {
        byte[] blob = name.equals(plainName) ? wasm : compressed;
        assertThat(sha).contains(sha256(blob) + "  " + name);
        assertThat(b2).contains(blake2(blob) + "  " + name);
      }
    }
  }

  @Test
  void outputInsideTheCheckoutIsNamedRelativeToIt() throws Exception {
    Path root = ProjectFiles.root();
    Path out = root.resolve("runtime-native/target/digest-script-test/out");
    digest(copyBlobs(out));
    checkDigests(out, "runtime-native/target/digest-script-test/out");
  }

  @Test
  void outputOutsideTheCheckoutIsNamedByItsAbsolutePath() throws Exception {
    Path out = copyBlobs(temp.resolve("srtool"));
    digest(out);
    checkDigests(out, out.toAbsolutePath().toString().replace('\\', '/'));
  }

  @Test
  void namedAsTheCommittedFolderItReproducesTheCommittedDigests() throws Exception {
    Path out = copyBlobs(temp.resolve("elsewhere"));
    digest(out, "--as", "runtime-wasm/blobs");
    checkDigests(out, "runtime-wasm/blobs");
    for (String name :
        List.of(
            "basalt_demo_v100.digest.json",
            "basalt_demo_v101.digest.json",
            "SHA256SUMS",
            "BLAKE2_256SUMS")) {
      assertThat(Files.readAllBytes(out.resolve(name)))
          .as(name)
          .isEqualTo(WasmCode.file(name).toArray());
    }
  }
}
