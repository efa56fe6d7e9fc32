/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.sr25519;

import static io.basalt.primitives.crypto.sr25519.SchnorrkelTranscripts.ascii;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.curve25519.RistrettoPoint;
import io.basalt.primitives.crypto.curve25519.Scalar;
import io.basalt.primitives.crypto.merlin.Transcript;
import io.basalt.primitives.crypto.suri.DeriveJunction;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * sr25519 as Substrate uses it: schnorrkel Schnorr signatures over ristretto255 with Merlin
 * transcripts and the signing context {@code "substrate"}.
 *
 * <p>The verification functions take raw byte arrays, never throw, and return false for anything
 * malformed (wrong lengths, unmarked or non-canonical signatures, invalid point encodings), so the
 * host API can call them on runtime-supplied data directly.
 *
 * <pre>{@code
 * Sr25519KeyPair alice = Sr25519KeyPair.fromMiniSecret(seed);
 * byte[] sig = alice.sign(message);
 * boolean ok = Sr25519.verify(sig, message, alice.publicKey().toArray());
 * }</pre>
 */
public final class Sr25519 {
  /** Substrate's signing context. */
  public static final byte[] SUBSTRATE_CONTEXT = ascii("substrate");

  public static final int PUBLIC_KEY_LENGTH = 32;
  public static final int SIGNATURE_LENGTH = 64;
  public static final int SEED_LENGTH = 32;

  private Sr25519() {}

  /**
   * Verifies a current-format (schnorrkel ≥ 0.8, marked) signature over {@code message} in the
   * {@code "substrate"} context: the host's {@code sr25519_verify_version_2}.
   */
  public static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
    return verify(signature, message, publicKey, false);
  }

  /**
   * As {@link #verify(byte[], byte[], byte[])}, but when {@code allowLegacy} also accepts
   * signatures in the pre-2019 schnorrkel 0.1 format (unmarked, older transcript), like
   * schnorrkel's {@code verify_simple_preaudit_deprecated}: the host's {@code
   * sr25519_verify_version_1}.
   */
  public static boolean verify(
      byte[] signature, byte[] message, byte[] publicKey, boolean allowLegacy) {
    try {
      if (signature == null || message == null || publicKey == null) {
        return false;
      }
      if (signature.length != SIGNATURE_LENGTH || publicKey.length != PUBLIC_KEY_LENGTH) {
        return false;
      }
      Optional<RistrettoPoint> a = RistrettoPoint.decompress(publicKey);
      if (a.isEmpty()) {
        return false;
      }
      Optional<Scalar> s = parseS(signature, true);
      if (s.isPresent()) {
        Transcript t = SchnorrkelTranscripts.signing(SUBSTRATE_CONTEXT, message);
        return verifyTranscript(t, signature, s.get(), publicKey, a.get());
      }
      if (!allowLegacy) {
        return false;
      }
      Optional<Scalar> legacyS = parseS(signature, false);
      if (legacyS.isEmpty()) {
        return false;
      }
      Transcript t = new Transcript(SUBSTRATE_CONTEXT);
      t.appendMessage("sign-bytes", message);
      SchnorrkelTranscripts.protoName(t, "Schnorr-sig");
      t.appendMessage("pk", publicKey);
      t.appendMessage("no", Arrays.copyOf(signature, 32));
      Scalar k = SchnorrkelTranscripts.challengeScalar(t, "");
      return checkEquation(k, a.get(), legacyS.get(), signature);
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Verifies a signature over an arbitrary signing transcript (for protocols that sign more than a
   * plain message). The transcript is consumed.
   */
  public static boolean verifySigningTranscript(
      Transcript transcript, byte[] signature, byte[] publicKey) {
    try {
      if (signature.length != SIGNATURE_LENGTH || publicKey.length != PUBLIC_KEY_LENGTH) {
        return false;
      }
      Optional<RistrettoPoint> a = RistrettoPoint.decompress(publicKey);
      Optional<Scalar> s = parseS(signature, true);
      return a.isPresent()
          && s.isPresent()
          && verifyTranscript(transcript, signature, s.get(), publicKey, a.get());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * Soft-derives a public key along a path of soft junctions; empty if the key is not a valid point
   * or the path contains a hard junction (which needs the secret).
   */
  public static Optional<Bytes> derivePublic(byte[] publicKey, List<DeriveJunction> path) {
    Optional<RistrettoPoint> point = RistrettoPoint.decompress(publicKey);
    if (point.isEmpty()) {
      return Optional.empty();
    }
    RistrettoPoint p = point.get();
    for (DeriveJunction j : path) {
      if (j.hard()) {
        return Optional.empty();
      }
      Scalar scalar = softDerivationScalar(j.chainCode().unsafeArray(), p.compress());
      p = p.add(RistrettoPoint.multiplyBase(scalar));
    }
    return Optional.of(Bytes.wrap(p.compress()));
  }

  // ---------------------------------------------------------------------------------------------

  private static boolean verifyTranscript(
      Transcript t, byte[] signature, Scalar s, byte[] publicKey, RistrettoPoint a) {
    SchnorrkelTranscripts.protoName(t, "Schnorr-sig");
    t.appendMessage("sign:pk", publicKey);
    t.appendMessage("sign:R", Arrays.copyOf(signature, 32));
    Scalar k = SchnorrkelTranscripts.challengeScalar(t, "sign:c");
    return checkEquation(k, a, s, signature);
  }

  /** R == [s]B - [k]A, compared on the canonical encoding as schnorrkel does. */
  private static boolean checkEquation(Scalar k, RistrettoPoint a, Scalar s, byte[] signature) {
    RistrettoPoint r = RistrettoPoint.vartimeDoubleScalarMultiplyBase(k, a.negate(), s);
    return MessageDigest.isEqual(r.compress(), Arrays.copyOf(signature, 32));
  }

  /**
   * The s half of a signature: it must carry schnorrkel's marker bit (bit 255) when {@code marked},
   * and once that bit is cleared it must be a canonical scalar.
   */
  private static Optional<Scalar> parseS(byte[] signature, boolean marked) {
    byte[] s = Arrays.copyOfRange(signature, 32, 64);
    if (marked && (s[31] & 0x80) == 0) {
      return Optional.empty();
    }
    s[31] &= 0x7f;
    return Scalar.fromCanonicalBytes(s);
  }

  /**
   * Schnorrkel's soft-derivation scalar for a public key and chain code (the derived key is {@code
   * key + scalar}); the derived chain code is not used by Substrate.
   */
  static Scalar softDerivationScalar(byte[] chainCode, byte[] publicKey) {
    Transcript t = softDerivationTranscript(chainCode, publicKey);
    return SchnorrkelTranscripts.challengeScalar(t, "HDKD-scalar");
  }

  static Transcript softDerivationTranscript(byte[] chainCode, byte[] publicKey) {
    Transcript t = new Transcript("SchnorrRistrettoHDKD");
    t.appendMessage("sign-bytes", new byte[0]);
    t.appendMessage("chain-code", chainCode);
    t.appendMessage("public-key", publicKey);
    return t;
  }
}
