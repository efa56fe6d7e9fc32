/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.sr25519.Sr25519Vrf;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Signatures and VRF proofs made by Basalt verify with independent implementations: Rust
 * schnorrkel, the secp256k1 crate and ed25519-dalek compiled to WebAssembly ({@code
 * @polkadot/wasm-crypto}), {@code @scure/sr25519} and {@code @noble/curves}, through {@code
 * src/test/vectors/generate/verify.mjs}, which also checks that each is rejected with one bit
 * flipped.
 *
 * <p>Needs {@code node} and the script's npm dependencies ({@code npm ci --prefix
 * primitives/src/test/vectors/generate}). Without them the test is skipped locally and fails in CI
 * ({@code CI=true}).
 */
class ForeignVerificationTest {
  private static final Path SCRIPT_DIR = Path.of("src/test/vectors/generate");
  private static final List<String> SURIS =
      List.of(
          "//Alice",
          "//Bob//stash",
          "//Alice/soft",
          "bottom drive obey lake curtain smoke basket hold race lonely fit walk///password",
          "0x" + "42".repeat(32) + "//hard");
  private static final List<String> MESSAGES =
      List.of("", "hello", "Basalt \u00e9t\u00e9", "x".repeat(1000));

  @Test
  void basaltSignaturesVerifyWithIndependentImplementations(@TempDir Path tmp)
      throws IOException, InterruptedException {
    requireNodeAndDependencies();
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    ArrayNode sr = root.putArray("sr25519");
    ArrayNode vrf = root.putArray("vrf");
    ArrayNode ed = root.putArray("ed25519");
    ArrayNode ec = root.putArray("ecdsa");
    for (String suri : SURIS) {
      for (KeyScheme scheme : KeyScheme.values()) {
        if (scheme != KeyScheme.SR25519 && suri.contains("/soft")) {
          continue; // soft junctions are sr25519-only
        }
        KeyPair pair = scheme.fromSuri(suri, Optional.empty()).pair();
        ArrayNode target =
            switch (scheme) {
              case SR25519 -> sr;
              case ED25519 -> ed;
              case ECDSA -> ec;
            };
        for (String text : MESSAGES) {
          byte[] message = text.getBytes(StandardCharsets.UTF_8);
          target
              .addObject()
              .put("publicKey", pair.publicKey().toHex())
              .put("message", Hex.encode(message))
              .put("signature", Hex.encode(pair.sign(message)));
        }
        if (pair instanceof KeyPair.Sr25519 srPair) {
          for (String[] input :
              new String[][] {{"", "", ""}, {"substrate-babe-vrf", "slot", ""}, {"c", "m", "x"}}) {
            byte[] context = input[0].getBytes(StandardCharsets.UTF_8);
            byte[] message = input[1].getBytes(StandardCharsets.UTF_8);
            byte[] extra = input[2].getBytes(StandardCharsets.UTF_8);
            Sr25519Vrf.VrfSignature signature =
                Sr25519Vrf.sign(
                    srPair.inner(),
                    Sr25519Vrf.signingTranscript(context, message),
                    Sr25519Vrf.extraTranscript(extra),
                    new java.security.SecureRandom());
            vrf.addObject()
                .put("publicKey", pair.publicKey().toHex())
                .put("context", Hex.encode(context))
                .put("message", Hex.encode(message))
                .put("extra", Hex.encode(extra))
                .put("signature", Hex.encode(signature.toBytes()));
          }
        }
      }
    }
    Path file = tmp.resolve("basalt-signatures.json");
    json.writeValue(file.toFile(), root);

    Verification result = runVerifyScript(file);
    assertThat(result.exitCode()).as("verify.mjs output: %s", result.output()).isZero();
    // Two verifiers per signature: each accepts it, and rejects it with one bit flipped.
    int expected = 2 * (sr.size() + vrf.size() + ed.size() + ec.size());
    assertThat(result.output())
        .contains("\"checked\":" + expected)
        .contains("\"rejected\":" + expected)
        .contains("\"failures\":[]");
  }

  /** The script is not a rubber stamp: a signature that does not verify there makes it fail. */
  @Test
  void aSignatureTheIndependentImplementationsRejectFailsTheScript(@TempDir Path tmp)
      throws IOException, InterruptedException {
    requireNodeAndDependencies();
    KeyPair alice = KeyScheme.ED25519.fromSuri("//Alice", Optional.empty()).pair();
    byte[] message = "hello".getBytes(StandardCharsets.UTF_8);
    byte[] signature = alice.sign(message);
    ObjectMapper json = new ObjectMapper();
    ObjectNode root = json.createObjectNode();
    root.putArray("ed25519")
        .addObject()
        .put("publicKey", alice.publicKey().toHex())
        .put("message", Hex.encode("hellp".getBytes(StandardCharsets.UTF_8)))
        .put("signature", Hex.encode(signature));
    Path file = tmp.resolve("wrong-message.json");
    json.writeValue(file.toFile(), root);

    Verification result = runVerifyScript(file);
    assertThat(result.exitCode()).as("verify.mjs output: %s", result.output()).isEqualTo(1);
    assertThat(result.output())
        .contains("\"checked\":0")
        .contains("genuine signature rejected")
        .contains("\"verifier\":\"noble\"")
        .contains("\"verifier\":\"ed25519-wasm\"");
  }

  private record Verification(int exitCode, String output) {}

  private static Verification runVerifyScript(Path file) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("node", "verify.mjs", file.toAbsolutePath().toString())
            .directory(SCRIPT_DIR.toFile())
            .redirectErrorStream(true)
            .start();
    boolean finished = process.waitFor(120, TimeUnit.SECONDS);
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!finished) {
      process.destroyForcibly();
      Assertions.fail("verify.mjs did not finish within 120 s: " + output);
    }
    return new Verification(process.exitValue(), output);
  }

  private static void requireNodeAndDependencies() {
    String hint =
        "run `npm ci --prefix primitives/src/test/vectors/generate` (Node.js 20+) before the tests";
    boolean ci = "true".equalsIgnoreCase(System.getenv("CI"));
    boolean node;
    try {
      Process p = new ProcessBuilder("node", "--version").redirectErrorStream(true).start();
      node = p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException e) {
      node = false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      node = false;
    }
    boolean deps = Files.isDirectory(SCRIPT_DIR.resolve("node_modules/@polkadot/wasm-crypto"));
    String problem =
        !node
            ? "node is not on the PATH; " + hint
            : !deps ? "the npm dependencies of verify.mjs are not installed; " + hint : null;
    if (problem != null) {
      if (ci) {
        Assertions.fail(problem);
      }
      Assumptions.abort(problem);
    }
  }
}
