/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.sr25519;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.curve25519.RistrettoPoint;
import io.basalt.primitives.crypto.curve25519.Scalar;
import io.basalt.primitives.crypto.merlin.Transcript;
import io.basalt.primitives.crypto.suri.DeriveJunction;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An sr25519 key pair. Signatures are randomised (the nonce mixes the transcript, the key's nonce
 * seed and fresh randomness), so signing the same message twice gives different, equally valid
 * signatures. Immutable and thread-safe; {@link #toString()} shows only the public key.
 */
public final class Sr25519KeyPair {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final Sr25519SecretKey secret;
  private final byte[] publicKey;

  private Sr25519KeyPair(Sr25519SecretKey secret) {
    this.secret = secret;
    this.publicKey = secret.publicPoint().compress();
  }

  /** The key pair of a 32-byte mini secret key (Substrate's sr25519 "seed"). */
  public static Sr25519KeyPair fromMiniSecret(byte[] miniSecret) {
    return new Sr25519KeyPair(Sr25519SecretKey.fromMiniSecret(miniSecret));
  }

  public static Sr25519KeyPair fromSecretKey(Sr25519SecretKey secret) {
    return new Sr25519KeyPair(secret);
  }

  public Bytes publicKey() {
    return Bytes.of(publicKey);
  }

  public Sr25519SecretKey secretKey() {
    return secret;
  }

  /** Signs {@code message} in the {@code "substrate"} context. */
  public byte[] sign(byte[] message) {
    return sign(message, RANDOM);
  }

  public byte[] sign(byte[] message, SecureRandom random) {
    return sign(SchnorrkelTranscripts.signing(Sr25519.SUBSTRATE_CONTEXT, message), random);
  }

  /** Signs an arbitrary signing transcript, which is consumed. */
  public byte[] sign(Transcript t, SecureRandom random) {
    SchnorrkelTranscripts.protoName(t, "Schnorr-sig");
    t.appendMessage("sign:pk", publicKey);
    Scalar r = SchnorrkelTranscripts.witnessScalar(t, "signing", random, secret.nonce());
    byte[] bigR = RistrettoPoint.multiplyBase(r).compress();
    t.appendMessage("sign:R", bigR);
    Scalar k = SchnorrkelTranscripts.challengeScalar(t, "sign:c");
    Scalar s = k.multiplyAdd(secret.key(), r);
    byte[] signature = Arrays.copyOf(bigR, 64);
    System.arraycopy(s.toBytes(), 0, signature, 32, 32);
    signature[63] |= (byte) 0x80;
    return signature;
  }

  /**
   * Follows a derivation path as {@code sp_core::sr25519::Pair::derive} does: a hard junction
   * re-expands a mini secret derived from the secret scalar and chain code, a soft junction adds a
   * public-derivable scalar. The returned seed is the mini secret of the last hard junction, and
   * only while no soft junction has been taken (a soft-derived key has no seed).
   *
   * @param seed the mini secret this pair came from, if any
   */
  public Derived derive(List<DeriveJunction> path, Optional<Bytes> seed) {
    Sr25519SecretKey current = secret;
    Optional<Bytes> currentSeed = seed;
    for (DeriveJunction j : path) {
      if (j.hard()) {
        byte[] miniSecret = hardDerivedMiniSecret(current, j.chainCode().unsafeArray());
        current = Sr25519SecretKey.fromMiniSecret(miniSecret);
        currentSeed = currentSeed.map(unused -> Bytes.wrap(miniSecret));
      } else {
        current = softDerived(current, j.chainCode().unsafeArray(), RANDOM);
        currentSeed = Optional.empty();
      }
    }
    return new Derived(new Sr25519KeyPair(current), currentSeed);
  }

  /** A derived pair and, when it has one, its 32-byte seed (secret: never log it). */
  public record Derived(Sr25519KeyPair pair, Optional<Bytes> seed) {
    @Override
    public String toString() {
      return "Derived(" + pair + ", seed=" + (seed.isPresent() ? "<redacted>" : "none") + ")";
    }
  }

  /** {@code SecretKey::hard_derive_mini_secret_key(Some(cc), b"")}. */
  static byte[] hardDerivedMiniSecret(Sr25519SecretKey secret, byte[] chainCode) {
    Transcript t = new Transcript("SchnorrRistrettoHDKD");
    t.appendMessage("sign-bytes", new byte[0]);
    t.appendMessage("chain-code", chainCode);
    t.appendMessage("secret-key", secret.key().toBytes());
    return t.challengeBytes("HDKD-hard", 32);
  }

  /** {@code SecretKey::derived_key_simple(cc, [])}: key + scalar, with a fresh nonce seed. */
  static Sr25519SecretKey softDerived(
      Sr25519SecretKey secret, byte[] chainCode, SecureRandom random) {
    byte[] publicKey = secret.publicPoint().compress();
    Transcript t = Sr25519.softDerivationTranscript(chainCode, publicKey);
    Scalar scalar = SchnorrkelTranscripts.challengeScalar(t, "HDKD-scalar");
    t.challengeBytes("HDKD-chaincode", 32);
    byte[] nonce =
        SchnorrkelTranscripts.witnessBytes(
            t, "HDKD-nonce", 32, random, secret.nonce(), secret.toBytes());
    return new Sr25519SecretKey(secret.key().add(scalar), nonce);
  }

  @Override
  public String toString() {
    return "Sr25519KeyPair(public=" + io.basalt.primitives.bytes.Hex.encode(publicKey) + ")";
  }
}
