/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks.crypto;

import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.ecdsa.Ecdsa;
import io.basalt.primitives.crypto.ed25519.Ed25519;
import io.basalt.primitives.crypto.sr25519.Sr25519;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.Result;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

/**
 * The signature checks the host API runs most: sr25519 verify, ed25519 (ZIP-215) verify and
 * secp256k1 public-key recovery, on a 128-byte message (about an extrinsic's signing payload).
 *
 * <pre>
 * bin/bench CryptoBenchmark -f 1 -wi 2 -i 3
 * </pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class CryptoBenchmark {
  private byte[] message;
  private byte[] srPublic;
  private byte[] srSignature;
  private byte[] edPublic;
  private byte[] edSignature;
  private byte[] ecdsaSignature;
  private byte[] ecdsaHash;

  @Setup
  public void setUp() {
    message = "x".repeat(128).getBytes(StandardCharsets.UTF_8);
    KeyPair sr = KeyScheme.SR25519.fromSuri("//Alice", Optional.empty()).pair();
    srPublic = sr.publicKey().toArray();
    srSignature = sr.sign(message);
    KeyPair ed = KeyScheme.ED25519.fromSuri("//Alice", Optional.empty()).pair();
    edPublic = ed.publicKey().toArray();
    edSignature = ed.sign(message);
    KeyPair ec = KeyScheme.ECDSA.fromSuri("//Alice", Optional.empty()).pair();
    ecdsaSignature = ec.sign(message);
    ecdsaHash = Hashing.blake2b256(message);
    if (!Sr25519.verify(srSignature, message, srPublic)
        || !Ed25519.verify(edSignature, message, edPublic)
        || !Ecdsa.recover(ecdsaSignature, ecdsaHash, Ecdsa.Parsing.STRICT).isOk()) {
      throw new IllegalStateException("benchmark fixtures do not verify");
    }
  }

  @Benchmark
  public boolean sr25519Verify() {
    return Sr25519.verify(srSignature, message, srPublic);
  }

  @Benchmark
  public boolean ed25519Verify() {
    return Ed25519.verify(edSignature, message, edPublic);
  }

  @Benchmark
  public Object ecdsaRecover() {
    Result<?, ?> r = Ecdsa.recover(ecdsaSignature, ecdsaHash, Ecdsa.Parsing.STRICT);
    return r;
  }
}
