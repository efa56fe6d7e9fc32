/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static io.basalt.executor.WatProbes.EXECUTOR;
import static io.basalt.executor.WatProbes.concat;
import static io.basalt.executor.WatProbes.ext;
import static io.basalt.executor.WatProbes.module;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.dylibso.chicory.wabt.Wat2Wasm;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.FileKeystore;
import io.basalt.primitives.crypto.keystore.InMemoryKeystore;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.testsupport.ProjectFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The {@code ext_crypto_*} verification and recovery functions as a runtime sees them: a WAT probe
 * imports each one, passes its input from the call's input buffer and returns what the host
 * answered. Inputs are real signatures made by Basalt and by the independent implementations of the
 * committed vectors ({@code primitives/src/test/resources/crypto}); bad keys and signatures must
 * come back as "invalid", never as a trap. Signing takes its keys from the keystore granted to the
 * call. Runs in the interpreter ({@link WatProbes}).
 */
class CryptoHostFunctionsTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  /** sp-io's {@code EcdsaVerifyError} variants in declaration order: their SCALE indices. */
  private static final List<String> ECDSA_ERRORS = List.of("BAD_RS", "BAD_V", "BAD_SIGNATURE");

  /** A verify function: its import, and the signature and public-key lengths it reads. */
  private record Verifier(String export, String hostFunction, int signatureLength, int keyLength) {}

  private static final List<Verifier> VERIFIERS =
      List.of(
          new Verifier("Ed25519_v1", "ed25519_verify_version_1", 64, 32),
          new Verifier("Sr25519_v1", "sr25519_verify_version_1", 64, 32),
          new Verifier("Sr25519_v2", "sr25519_verify_version_2", 64, 32),
          new Verifier("Ecdsa_v1", "ecdsa_verify_version_1", 65, 33),
          new Verifier("Ecdsa_v2", "ecdsa_verify_version_2", 65, 33),
          new Verifier("Ed25519_batch", "ed25519_batch_verify_version_1", 64, 32),
          new Verifier("Sr25519_batch", "sr25519_batch_verify_version_1", 64, 32),
          new Verifier("Ecdsa_batch", "ecdsa_batch_verify_version_1", 65, 33));

  /**
   * The probe. Verifiers take {@code sig ‖ pub ‖ msg} and return one byte; {@code Ecdsa_prehashed}
   * takes {@code sig ‖ hash ‖ pub}; the {@code Recover*} exports take {@code sig ‖ hash} and return
   * the host's SCALE {@code Result} as is; {@code Batch} runs one signature of each scheme ({@code
   * sr sig ‖ sr pub ‖ ed sig ‖ ed pub ‖ ecdsa sig ‖ ecdsa pub ‖ msg}) between start and finish and
   * returns the three answers and the batch's.
   */
  private static final RuntimeBlob PROBE = RuntimeBlob.parse(Wat2Wasm.parse(probe()));

  private static String probe() {
    StringBuilder wat = new StringBuilder("(module\n");
    for (Verifier v : VERIFIERS) {
      wat.append(
          "(import \"env\" \"ext_crypto_%s\" (func $%s (param i32 i64 i32) (result i32)))\n"
              .formatted(v.hostFunction(), v.export()));
    }
    wat.append(
        """
        (import "env" "ext_crypto_ecdsa_verify_prehashed_version_1"
          (func $prehashed (param i32 i32 i32) (result i32)))
        (import "env" "ext_crypto_secp256k1_ecdsa_recover_version_1"
          (func $recover1 (param i32 i32) (result i64)))
        (import "env" "ext_crypto_secp256k1_ecdsa_recover_version_2"
          (func $recover2 (param i32 i32) (result i64)))
        (import "env" "ext_crypto_secp256k1_ecdsa_recover_compressed_version_1"
          (func $recoverc1 (param i32 i32) (result i64)))
        (import "env" "ext_crypto_secp256k1_ecdsa_recover_compressed_version_2"
          (func $recoverc2 (param i32 i32) (result i64)))
        (import "env" "ext_crypto_start_batch_verify_version_1" (func $start))
        (import "env" "ext_crypto_finish_batch_verify_version_1" (func $finish (result i32)))
        (memory (export "memory") 1)
        (global (export "__heap_base") i32 (i32.const 1024))
        (func $ps (param $p i32) (param $l i32) (result i64)
          (i64.or (i64.extend_i32_u (local.get $p))
                  (i64.shl (i64.extend_i32_u (local.get $l)) (i64.const 32))))
        (func $byte (param $p i32) (param $v i32) (result i64)
          (i32.store8 (local.get $p) (local.get $v))
          (call $ps (local.get $p) (i32.const 1)))
        (func (export "Ecdsa_prehashed") (param $p i32) (param $l i32) (result i64)
          (call $byte (local.get $p)
            (call $prehashed (local.get $p) (i32.add (local.get $p) (i32.const 65))
              (i32.add (local.get $p) (i32.const 97)))))
        (func (export "Recover_v1") (param $p i32) (param $l i32) (result i64)
          (call $recover1 (local.get $p) (i32.add (local.get $p) (i32.const 65))))
        (func (export "Recover_v2") (param $p i32) (param $l i32) (result i64)
          (call $recover2 (local.get $p) (i32.add (local.get $p) (i32.const 65))))
        (func (export "RecoverCompressed_v1") (param $p i32) (param $l i32) (result i64)
          (call $recoverc1 (local.get $p) (i32.add (local.get $p) (i32.const 65))))
        (func (export "RecoverCompressed_v2") (param $p i32) (param $l i32) (result i64)
          (call $recoverc2 (local.get $p) (i32.add (local.get $p) (i32.const 65))))
        (func (export "Batch") (param $p i32) (param $l i32) (result i64)
          (local $m i64)
          (local.set $m (call $ps (i32.add (local.get $p) (i32.const 290))
                                  (i32.sub (local.get $l) (i32.const 290))))
          (call $start)
          (i32.store8 (i32.const 512)
            (call $Sr25519_batch (local.get $p) (local.get $m) (i32.add (local.get $p) (i32.const 64))))
          (i32.store8 (i32.const 513)
            (call $Ed25519_batch (i32.add (local.get $p) (i32.const 96)) (local.get $m)
              (i32.add (local.get $p) (i32.const 160))))
          (i32.store8 (i32.const 514)
            (call $Ecdsa_batch (i32.add (local.get $p) (i32.const 192)) (local.get $m)
              (i32.add (local.get $p) (i32.const 257))))
          (i32.store8 (i32.const 515) (call $finish))
          (call $ps (i32.const 512) (i32.const 4)))
        (func (export "Finish") (param $p i32) (param $l i32) (result i64)
          (call $byte (i32.const 512) (call $finish)))
        (func (export "StartTwice") (param $p i32) (param $l i32) (result i64)
          (call $start) (call $start) (i64.const 0))
        """);
    for (Verifier v : VERIFIERS) {
      int head = v.signatureLength() + v.keyLength();
      wat.append(
          """
          (func (export "%s") (param $p i32) (param $l i32) (result i64)
            (call $byte (local.get $p)
              (call $%s (local.get $p)
                (call $ps (i32.add (local.get $p) (i32.const %d)) (i32.sub (local.get $l) (i32.const %d)))
                (i32.add (local.get $p) (i32.const %d)))))
          """
              .formatted(v.export(), v.export(), head, head, v.signatureLength()));
    }
    return wat.append(")").toString();
  }

  // ---------------------------------------------------------------------------------------------
  // Helpers

  private static byte[] call(String export, byte[]... input) {
    return EXECUTOR.call(PROBE, export, concat(input), ext());
  }

  /** What a verify function answered: 1 valid, 0 invalid. */
  private static int verify(String export, byte[] signature, byte[] publicKey, byte[] message) {
    byte[] out = call(export, signature, publicKey, message);
    assertThat(out).as("%s returns one byte", export).hasSize(1);
    return out[0];
  }

  private static byte[] utf8(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }

  private static List<JsonNode> vectors(String file, String field) {
    Path path = ProjectFiles.file("primitives/src/test/resources/crypto/" + file);
    try {
      return StreamSupport.stream(JSON.readTree(path.toFile()).get(field).spliterator(), false)
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static byte[] hex(JsonNode v, String field) {
    return Hex.decode(v.get(field).asText());
  }

  /** A vector's message: 0x-hex, or else UTF-8 text (the generator's convention). */
  private static byte[] message(JsonNode v) {
    String text = v.get("message").asText();
    return text.startsWith("0x") ? Hex.decode(text) : utf8(text);
  }

  private static byte[] flip(byte[] bytes, int index) {
    byte[] copy = bytes.clone();
    copy[index] ^= 1;
    return copy;
  }

  // ---------------------------------------------------------------------------------------------
  // Verification with vectors from independent implementations

  static Stream<JsonNode> ed25519Vectors() {
    return Stream.concat(
        vectors("ed25519.json", "signatures").stream(),
        vectors("ed25519.json", "invalid").stream());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("ed25519Vectors")
  void ed25519VerifyAnswersAsNobleAndDalek(JsonNode v) {
    boolean valid = !v.has("valid") || v.get("valid").asBoolean();
    assertThat(verify("Ed25519_v1", hex(v, "signature"), hex(v, "publicKey"), message(v)))
        .isEqualTo(valid ? 1 : 0);
  }

  static Stream<JsonNode> sr25519Vectors() {
    return vectors("sr25519.json", "signatures").stream();
  }

  /** Schnorrkel (wasm) and scure signatures, tampered and unmarked ones: both versions agree. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("sr25519Vectors")
  void sr25519VerifyAnswersAsSchnorrkel(JsonNode v) {
    int expected = v.get("valid").asBoolean() ? 1 : 0;
    byte[] sig = hex(v, "signature");
    byte[] pub = hex(v, "publicKey");
    byte[] msg = message(v);
    assertThat(verify("Sr25519_v2", sig, pub, msg)).isEqualTo(expected);
    // Version 1 reads an unmarked signature as a legacy one, which these are not either.
    assertThat(verify("Sr25519_v1", sig, pub, msg)).isEqualTo(expected);
    assertThat(verify("Sr25519_batch", sig, pub, msg)).isEqualTo(expected);
  }

  /**
   * Version 1 also accepts pre-2019 schnorrkel signatures (sp-core's {@code
   * verify_from_old_wasm_works} vector); version 2 and batch verification do not.
   */
  @Test
  void onlySr25519VersionOneAcceptsLegacySignatures() {
    byte[] pub = Hex.decode("b4bfa1f7a5166695eb75299fd1c4c03ea212871c342f2c5dfea0902b2c246918");
    byte[] sig =
        Hex.decode(
            "5a9755f069939f45d96aaf125cf5ce7ba1db998686f87f2fb3cbdea922078741"
                + "a73891ba265f70c31436e18a9acd14d189d73c12317ab6c313285cd938453202");
    byte[] msg =
        utf8(
            "Verifying that I am the owner of 5G9hQLdsKQswNPgB499DeA5PkFBbgkLPJWkkS6FAM6xGQ8xD."
                + " Hash: 221455a3\n");
    assertThat(verify("Sr25519_v1", sig, pub, msg)).isEqualTo(1);
    assertThat(verify("Sr25519_v2", sig, pub, msg)).isZero();
    assertThat(verify("Sr25519_batch", sig, pub, msg)).isZero();
    assertThat(verify("Sr25519_v1", sig, pub, flip(msg, 0))).isZero();
  }

  static Stream<JsonNode> ecdsaVectors() {
    return Stream.concat(
        vectors("ecdsa.json", "signatures").stream(), vectors("ecdsa.json", "invalid").stream());
  }

  /** noble/secp256k1 signatures verify with both versions and prehashed; the negatives fail all. */
  @ParameterizedTest(name = "{0}")
  @MethodSource("ecdsaVectors")
  void ecdsaVerifyAnswersAsNobleAndTheSecp256k1Crate(JsonNode v) {
    int expected = !v.has("valid") || v.get("valid").asBoolean() ? 1 : 0;
    byte[] sig = hex(v, "signature");
    byte[] pub = hex(v, "publicKey");
    byte[] msg = message(v);
    assertThat(Hashing.blake2b256(msg)).isEqualTo(hex(v, "hash"));
    assertThat(verify("Ecdsa_v1", sig, pub, msg)).isEqualTo(expected);
    assertThat(verify("Ecdsa_v2", sig, pub, msg)).isEqualTo(expected);
    assertThat(call("Ecdsa_prehashed", sig, hex(v, "hash"), pub)).containsExactly(expected);
  }

  /**
   * verify_prehashed is strict: the crafted recovery vector with s + n in place of s (which version
   * 1 recovery reduces to the same key) does not verify, the one with s does. (No message hashes to
   * the crafted hash, so ecdsa_verify's versions are compared through recovery above.)
   */
  @Test
  void ecdsaVerifyPrehashedRefusesOverflowingScalars() {
    JsonNode small = recoveryCase("small r and s");
    JsonNode overflow = recoveryCase("s + n overflows");
    byte[] hash = hex(overflow, "hash");
    byte[] key = compress(hex(small.get("v1"), "ok"));
    assertThat(call("Ecdsa_prehashed", hex(small, "signature"), hash, key)).containsExactly(1);
    assertThat(call("Ecdsa_prehashed", hex(overflow, "signature"), hash, key)).containsExactly(0);
  }

  // ---------------------------------------------------------------------------------------------
  // Recovery: SCALE Result<[u8; 64] or [u8; 33], EcdsaVerifyError>

  static Stream<JsonNode> recoveryCases() {
    return vectors("ecdsa.json", "recover").stream();
  }

  private static JsonNode recoveryCase(String name) {
    return recoveryCases()
        .filter(c -> c.get("name").asText().equals(name))
        .findFirst()
        .orElseThrow();
  }

  /** The SCALE encoding of an expected outcome: Ok = 0 ‖ key, Err = 1 ‖ variant index. */
  private static byte[] scaleResult(JsonNode outcome, boolean compressed) {
    if (outcome.has("ok")) {
      byte[] key = hex(outcome, "ok");
      return concat(new byte[] {0}, compressed ? compress(key) : key);
    }
    int index = ECDSA_ERRORS.indexOf(outcome.get("err").asText());
    assertThat(index).as("known error %s", outcome).isNotNegative();
    return new byte[] {1, (byte) index};
  }

  /** SEC 1 compression of an uncompressed key x ‖ y. */
  private static byte[] compress(byte[] xy) {
    byte prefix = (byte) ((xy[63] & 1) == 0 ? 0x02 : 0x03);
    return concat(new byte[] {prefix}, Arrays.copyOf(xy, 32));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("recoveryCases")
  void recoveryFollowsSpIoVersionsOneAndTwo(JsonNode c) {
    byte[] sig = hex(c, "signature");
    byte[] hash = hex(c, "hash");
    assertThat(call("Recover_v1", sig, hash)).isEqualTo(scaleResult(c.get("v1"), false));
    assertThat(call("Recover_v2", sig, hash)).isEqualTo(scaleResult(c.get("v2"), false));
    assertThat(call("RecoverCompressed_v1", sig, hash)).isEqualTo(scaleResult(c.get("v1"), true));
    assertThat(call("RecoverCompressed_v2", sig, hash)).isEqualTo(scaleResult(c.get("v2"), true));
  }

  @Test
  void recoveryOfBasaltsOwnSignaturesGivesTheSigner() {
    KeyPair alice = KeyScheme.ECDSA.fromSuri("//Alice", Optional.empty()).pair();
    byte[] hash = Hashing.blake2b256(utf8("recover me"));
    byte[] sig = alice.sign(utf8("recover me"));
    assertThat(call("RecoverCompressed_v2", sig, hash))
        .isEqualTo(concat(new byte[] {0}, alice.publicKey().toArray()));
    assertThat(Arrays.copyOfRange(call("Recover_v1", sig, hash), 1, 33))
        .isEqualTo(Arrays.copyOfRange(alice.publicKey().toArray(), 1, 33));
  }

  // ---------------------------------------------------------------------------------------------
  // Batch verification (deprecated, emulated as polkadot-sdk does)

  private static byte[] batchInput(boolean srValid, boolean edValid, boolean ecValid) {
    byte[] msg = utf8("batched");
    KeyPair sr = KeyScheme.SR25519.fromSuri("//Alice", Optional.empty()).pair();
    KeyPair ed = KeyScheme.ED25519.fromSuri("//Alice", Optional.empty()).pair();
    KeyPair ec = KeyScheme.ECDSA.fromSuri("//Alice", Optional.empty()).pair();
    return concat(
        srValid ? sr.sign(msg) : flip(sr.sign(msg), 3),
        sr.publicKey().toArray(),
        edValid ? ed.sign(msg) : flip(ed.sign(msg), 3),
        ed.publicKey().toArray(),
        ecValid ? ec.sign(msg) : flip(ec.sign(msg), 3),
        ec.publicKey().toArray(),
        msg);
  }

  /**
   * Each batch function answers for its own signature and the batch is the conjunction:
   * polkadot-sdk verifies at once and records the result until {@code finish_batch_verify}.
   */
  @Test
  void aBatchFailsWhenOneSignatureInItIsInvalid() {
    assertThat(EXECUTOR.call(PROBE, "Batch", batchInput(true, true, true), ext()))
        .containsExactly(1, 1, 1, 1);
    assertThat(EXECUTOR.call(PROBE, "Batch", batchInput(true, false, true), ext()))
        .containsExactly(1, 0, 1, 0);
    assertThat(EXECUTOR.call(PROBE, "Batch", batchInput(true, true, false), ext()))
        .containsExactly(1, 1, 0, 0);
    assertThat(EXECUTOR.call(PROBE, "Batch", batchInput(false, true, true), ext()))
        .containsExactly(0, 1, 1, 0);
  }

  @Test
  void batchFunctionsOutsideABatchVerifyAtOnce() {
    KeyPair ed = KeyScheme.ED25519.fromSuri("//Bob", Optional.empty()).pair();
    byte[] msg = utf8("alone");
    assertThat(verify("Ed25519_batch", ed.sign(msg), ed.publicKey().toArray(), msg)).isEqualTo(1);
    assertThat(verify("Ed25519_batch", ed.sign(msg), ed.publicKey().toArray(), utf8("x"))).isZero();
  }

  @Test
  void finishingABatchThatWasNeverStartedOrStartingTwiceTraps() {
    assertThatThrownBy(() -> call("Finish"))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("finish_batch_verify called without a preceding start_batch_verify");
    assertThatThrownBy(() -> call("StartTwice"))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("start_batch_verify called while a batch is already started");
  }

  // ---------------------------------------------------------------------------------------------
  // Malformed keys and signatures: "invalid", never a trap

  /**
   * Keys that are no curve point (or not canonical), signatures that are all zeros, all ones or
   * carry a non-canonical scalar, and messages of any length including none: every verify function
   * answers 0.
   */
  @Test
  void malformedKeysAndSignaturesAreInvalidNotTraps() {
    KeyPair sr = KeyScheme.SR25519.fromSuri("//Alice", Optional.empty()).pair();
    KeyPair ed = KeyScheme.ED25519.fromSuri("//Alice", Optional.empty()).pair();
    KeyPair ec = KeyScheme.ECDSA.fromSuri("//Alice", Optional.empty()).pair();
    byte[] msg = utf8("m");
    byte[] ones64 = new byte[64];
    Arrays.fill(ones64, (byte) 0xff);
    byte[] ones65 = Arrays.copyOf(ones64, 65);
    ones65[64] = (byte) 0xff;
    // y = 2 is no point of edwards25519; 0xff..ff is a non-canonical ristretto encoding; 0x05 is no
    // SEC 1 prefix and x = 5 is on no point of secp256k1 with prefix 02.
    byte[] edNotAPoint = new byte[32];
    edNotAPoint[0] = 2;
    byte[] srNotCanonical = Arrays.copyOf(ones64, 32);
    byte[] ecBadPrefix =
        concat(new byte[] {5}, Arrays.copyOfRange(ec.publicKey().toArray(), 1, 33));
    byte[] ecNotOnCurve = new byte[33];
    ecNotOnCurve[0] = 2;
    ecNotOnCurve[32] = 5;
    // S = the group order l: non-canonical in ed25519 and sr25519 (the marker bit set for sr25519).
    byte[] l = Hex.decode("edd3f55c1a631258d69cf7a2def9de1400000000000000000000000000000010");
    byte[] srSig = sr.sign(msg);
    byte[] srBadS = concat(Arrays.copyOf(srSig, 32), l);
    srBadS[63] |= (byte) 0x80;
    byte[] edBadS = concat(Arrays.copyOf(ed.sign(msg), 32), l);

    List<String> accepted = new ArrayList<>();
    record Probe(String export, Bytes sig, Bytes pub) {
      Probe(String export, byte[] sig, byte[] pub) {
        this(export, Bytes.wrap(sig), Bytes.wrap(pub));
      }
    }
    List<Probe> probes = new ArrayList<>();
    for (String export : List.of("Ed25519_v1", "Ed25519_batch")) {
      byte[] good = ed.sign(msg);
      probes.add(new Probe(export, good, edNotAPoint));
      probes.add(new Probe(export, new byte[64], ed.publicKey().toArray()));
      probes.add(new Probe(export, ones64, ed.publicKey().toArray()));
      probes.add(new Probe(export, edBadS, ed.publicKey().toArray()));
    }
    for (String export : List.of("Sr25519_v1", "Sr25519_v2", "Sr25519_batch")) {
      probes.add(new Probe(export, srSig, srNotCanonical));
      probes.add(new Probe(export, srSig, new byte[32]));
      probes.add(new Probe(export, new byte[64], sr.publicKey().toArray()));
      probes.add(new Probe(export, ones64, sr.publicKey().toArray()));
      probes.add(new Probe(export, srBadS, sr.publicKey().toArray()));
    }
    for (String export : List.of("Ecdsa_v1", "Ecdsa_v2", "Ecdsa_batch")) {
      byte[] good = ec.sign(msg);
      probes.add(new Probe(export, good, ecBadPrefix));
      probes.add(new Probe(export, good, ecNotOnCurve));
      probes.add(new Probe(export, good, new byte[33]));
      probes.add(new Probe(export, new byte[65], ec.publicKey().toArray()));
      probes.add(new Probe(export, ones65, ec.publicKey().toArray()));
    }
    for (Probe p : probes) {
      for (byte[] message : List.of(msg, new byte[0], new byte[100_000])) {
        if (verify(p.export(), p.sig().toArray(), p.pub().toArray(), message) != 0) {
          accepted.add(p.export() + " " + p.sig().toHex() + " " + p.pub().toHex());
        }
      }
    }
    assertThat(accepted).isEmpty();

    byte[] hash = Hashing.blake2b256(msg);
    byte[] good = ec.sign(msg);
    for (byte[] pub : List.of(ecBadPrefix, ecNotOnCurve, new byte[33])) {
      assertThat(call("Ecdsa_prehashed", good, hash, pub)).containsExactly(0);
    }
    assertThat(call("Ecdsa_prehashed", ones65, hash, ec.publicKey().toArray())).containsExactly(0);
    // And the same signatures do verify with the right inputs: the probe itself is sound.
    assertThat(verify("Ecdsa_v2", good, ec.publicKey().toArray(), msg)).isEqualTo(1);
    assertThat(verify("Sr25519_v2", srSig, sr.publicKey().toArray(), msg)).isEqualTo(1);
    assertThat(call("Ecdsa_prehashed", good, hash, ec.publicKey().toArray())).containsExactly(1);
  }

  @Test
  void recoveryOfGarbageIsAnErrorValueNotATrap() {
    byte[] hash = new byte[32];
    byte[] ones = new byte[65];
    Arrays.fill(ones, (byte) 0xff);
    byte[] zeros = new byte[65];
    for (String export : List.of("Recover_v1", "RecoverCompressed_v1")) {
      // v = 0xff - 27 = 228: no recovery id.
      assertThat(call(export, ones, hash)).containsExactly(1, ECDSA_ERRORS.indexOf("BAD_V"));
      assertThat(call(export, zeros, hash))
          .containsExactly(1, ECDSA_ERRORS.indexOf("BAD_SIGNATURE"));
    }
    for (String export : List.of("Recover_v2", "RecoverCompressed_v2")) {
      assertThat(call(export, ones, hash)).containsExactly(1, ECDSA_ERRORS.indexOf("BAD_V"));
      byte[] overflowing = ones.clone();
      overflowing[64] = 0;
      assertThat(call(export, overflowing, hash))
          .containsExactly(1, ECDSA_ERRORS.indexOf("BAD_RS"));
      assertThat(call(export, zeros, hash))
          .containsExactly(1, ECDSA_ERRORS.indexOf("BAD_SIGNATURE"));
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Key listing through a file keystore with a damaged key file

  /** A key file that is not a JSON string is skipped: public_keys lists the rest, no trap. */
  @Test
  void aDamagedKeyFileDoesNotBreakPublicKeys(@TempDir Path dir) throws IOException {
    RuntimeBlob keys =
        RuntimeBlob.parse(
            Wat2Wasm.parse(
                """
                (module
                  (import "env" "ext_crypto_sr25519_public_keys_version_1"
                    (func $keys (param i32) (result i64)))
                  (memory (export "memory") 1)
                  (global (export "__heap_base") i32 (i32.const 1024))
                  (func (export "Keys") (param $p i32) (param $l i32) (result i64)
                    (call $keys (local.get $p))))
                """));
    Bytes alice = KeyScheme.SR25519.fromSuri("//Alice", Optional.empty()).pair().publicKey();
    Bytes bob = KeyScheme.SR25519.fromSuri("//Bob", Optional.empty()).pair().publicKey();
    String type = KeyTypeId.AURA.toHex();
    Files.writeString(dir.resolve(type + alice.toHex().substring(2)), "not json");
    Files.writeString(dir.resolve(type + bob.toHex().substring(2)), "\"//Bob\"");
    List<String> warnings = new ArrayList<>();
    HostServices services =
        HostServices.standard()
            .withKeystore(new FileKeystore(dir, Optional.empty(), warnings::add));
    byte[] listed = EXECUTOR.call(keys, "Keys", KeyTypeId.AURA.id().toArray(), ext(), services);
    assertThat(listed).isEqualTo(concat(new byte[] {4}, bob.toArray()));
    assertThat(warnings).hasSize(1);
  }

  @Test
  void signatureVerificationIsRealAndSigningNeedsAKeystore() {
    // Test_verify(sig ‖ pub ‖ msg) -> [sr25519_verify_version_2(sig, msg, pub)]
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_crypto_sr25519_verify_version_2" (func $v (param i32 i64 i32) (result i32)))
            (import "env" "ext_crypto_sr25519_sign_version_1" (func $s (param i32 i32 i64) (result i64)))
            (memory (export "memory") 1)
            (func (export "Test_verify") (param $p i32) (param $l i32) (result i64)
              (local $r i32)
              (local.set $r
                (call $v
                  (local.get $p)
                  (i64.or
                    (i64.extend_i32_u (i32.add (local.get $p) (i32.const 96)))
                    (i64.shl (i64.extend_i32_u (i32.sub (local.get $l) (i32.const 96))) (i64.const 32)))
                  (i32.add (local.get $p) (i32.const 64))))
              (i32.store8 (local.get $p) (local.get $r))
              (i64.or (i64.extend_i32_u (local.get $p)) (i64.shl (i64.const 1) (i64.const 32))))
            (func (export "Test_sign") (param i32 i32) (result i64)
              (call $s (i32.const 0) (i32.const 4) (i64.const 0)))
            """);
    var alice = KeyScheme.SR25519.fromSuri("//Alice", Optional.empty()).pair();
    byte[] message = "basalt".getBytes(StandardCharsets.US_ASCII);
    byte[] signature = alice.sign(message);
    byte[] pub = alice.publicKey().toArray();
    assertThat(EXECUTOR.call(blob, "Test_verify", concat(signature, pub, message), ext()))
        .containsExactly(1);
    byte[] tampered = message.clone();
    tampered[0] ^= 1;
    assertThat(EXECUTOR.call(blob, "Test_verify", concat(signature, pub, tampered), ext()))
        .containsExactly(0);
    assertThat(EXECUTOR.call(blob, "Test_verify", concat(new byte[64], pub, message), ext()))
        .containsExactly(0);
    assertThatThrownBy(() -> EXECUTOR.call(blob, "Test_sign", new byte[0], ext()))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("no keystore is associated with this runtime call");
  }

  @Test
  void signingKeysComeFromTheKeystoreGrantedToTheCall() {
    // Test_keys(key type) -> sr25519_public_keys; Test_sign(type ‖ pub ‖ msg) -> sr25519_sign;
    // Test_generate(type ‖ Option<seed>) -> ed25519_generate (a 32-byte key).
    RuntimeBlob blob =
        module(
            """
            (import "env" "ext_crypto_sr25519_public_keys_version_1" (func $keys (param i32) (result i64)))
            (import "env" "ext_crypto_sr25519_sign_version_1" (func $sign (param i32 i32 i64) (result i64)))
            (import "env" "ext_crypto_ed25519_generate_version_1" (func $gen (param i32 i64) (result i32)))
            (memory (export "memory") 1)
            (func $ps (param $p i32) (param $l i32) (result i64)
              (i64.or (i64.extend_i32_u (local.get $p)) (i64.shl (i64.extend_i32_u (local.get $l)) (i64.const 32))))
            (func (export "Test_keys") (param $p i32) (param $l i32) (result i64)
              (call $keys (local.get $p)))
            (func (export "Test_sign") (param $p i32) (param $l i32) (result i64)
              (call $sign (local.get $p) (i32.add (local.get $p) (i32.const 4))
                (call $ps (i32.add (local.get $p) (i32.const 36)) (i32.sub (local.get $l) (i32.const 36)))))
            (func (export "Test_generate") (param $p i32) (param $l i32) (result i64)
              (call $ps
                (call $gen (local.get $p)
                  (call $ps (i32.add (local.get $p) (i32.const 4)) (i32.sub (local.get $l) (i32.const 4))))
                (i32.const 32)))
            """);
    InMemoryKeystore keystore = new InMemoryKeystore();
    var alice = KeyScheme.SR25519.fromSuri("//Alice", Optional.empty()).pair();
    keystore.insert(KeyTypeId.ACCOUNT, "//Alice", alice.publicKey());
    HostServices services = HostServices.standard().withKeystore(keystore);
    byte[] acco = KeyTypeId.ACCOUNT.id().toArray();

    byte[] keys = EXECUTOR.call(blob, "Test_keys", acco, ext(), services);
    assertThat(keys).isEqualTo(concat(new byte[] {4}, alice.publicKey().toArray()));

    byte[] message = "authored".getBytes(StandardCharsets.US_ASCII);
    byte[] signed =
        EXECUTOR.call(
            blob, "Test_sign", concat(acco, alice.publicKey().toArray(), message), ext(), services);
    assertThat(signed).hasSize(65).startsWith(1);
    byte[] signature = Arrays.copyOfRange(signed, 1, 65);
    assertThat(KeyScheme.SR25519.verify(signature, message, alice.publicKey().toArray())).isTrue();
    // A key the keystore does not hold signs nothing: None.
    byte[] unknown = new byte[32];
    assertThat(EXECUTOR.call(blob, "Test_sign", concat(acco, unknown, message), ext(), services))
        .containsExactly(0);

    byte[] seed =
        ScaleCodec.option(ScaleCodec.BYTES)
            .encode(Optional.of(Bytes.wrap("//Bob".getBytes(StandardCharsets.UTF_8))));
    byte[] generated = EXECUTOR.call(blob, "Test_generate", concat(acco, seed), ext(), services);
    assertThat(generated)
        .isEqualTo(
            KeyScheme.ED25519.fromSuri("//Bob", Optional.empty()).pair().publicKey().toArray());
    assertThat(keystore.publicKeys(KeyTypeId.ACCOUNT, KeyScheme.ED25519))
        .contains(Bytes.wrap(generated));
  }
}
