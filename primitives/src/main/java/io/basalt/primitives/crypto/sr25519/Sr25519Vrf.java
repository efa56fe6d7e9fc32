/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.sr25519;

import static io.basalt.primitives.crypto.sr25519.SchnorrkelTranscripts.ascii;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.curve25519.RistrettoPoint;
import io.basalt.primitives.crypto.curve25519.Scalar;
import io.basalt.primitives.crypto.merlin.Transcript;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Optional;

/**
 * Schnorrkel's VRF, as BABE uses it through {@code sp_core::sr25519::vrf}: the input transcript is
 * hashed to a ristretto255 point H (bound to the signer's public key), the pre-output is [sk]H, and
 * a DLEQ proof (c, s) shows that log_B(pk) = log_H(pre-output). Proofs use the "Kusama" transcript
 * order (the public key is committed after {@code h^r}) that every Substrate chain uses.
 *
 * <p>A signature is 96 bytes, {@code pre-output (32) || c (32) || s (32)}, the SCALE encoding of
 * {@code VrfSignature}. Verification never throws.
 */
public final class Sr25519Vrf {
  private static final SecureRandom RANDOM = new SecureRandom();
  private static final byte[] PROVING_LABEL = ascii("proving\u00000");

  public static final int PRE_OUTPUT_LENGTH = 32;
  public static final int PROOF_LENGTH = 64;
  public static final int SIGNATURE_LENGTH = PRE_OUTPUT_LENGTH + PROOF_LENGTH;

  private Sr25519Vrf() {}

  /**
   * The transcript polkadot-js and Substrate's {@code signing_context(ctx).bytes(msg)} build: the
   * usual input for VRFs over a context and a message.
   */
  public static Transcript signingTranscript(byte[] context, byte[] message) {
    return SchnorrkelTranscripts.signing(context, message);
  }

  /**
   * The default proof transcript {@code Transcript::new("VRF")}, with {@code extra} appended under
   * the empty label when non-empty (the polkadot-js convention for extra signed data).
   */
  public static Transcript extraTranscript(byte[] extra) {
    Transcript t = new Transcript("VRF");
    if (extra.length > 0) {
      t.appendMessage("", extra);
    }
    return t;
  }

  /** A VRF signature: the pre-output point and the DLEQ proof. */
  public record VrfSignature(Bytes preOutput, Bytes proof) {
    public VrfSignature {
      if (preOutput.length() != PRE_OUTPUT_LENGTH || proof.length() != PROOF_LENGTH) {
        throw new IllegalArgumentException(
            "a VRF signature is a 32-byte pre-output and a 64-byte proof, got "
                + preOutput.length()
                + " and "
                + proof.length());
      }
    }

    /** Splits the 96-byte encoding. */
    public static VrfSignature fromBytes(byte[] bytes) {
      if (bytes.length != SIGNATURE_LENGTH) {
        throw new IllegalArgumentException("a VRF signature is 96 bytes, got " + bytes.length);
      }
      return new VrfSignature(
          Bytes.wrap(Arrays.copyOf(bytes, 32)), Bytes.wrap(Arrays.copyOfRange(bytes, 32, 96)));
    }

    public byte[] toBytes() {
      return preOutput.concat(proof).toArray();
    }
  }

  /** Signs with the default proof transcript {@code Transcript::new("VRF")}. */
  public static VrfSignature sign(Sr25519KeyPair pair, Transcript input) {
    return sign(pair, input, new Transcript("VRF"), RANDOM);
  }

  /**
   * Evaluates the VRF on {@code input} and proves it, committing the proof to {@code extra}. Both
   * transcripts are consumed.
   */
  public static VrfSignature sign(
      Sr25519KeyPair pair, Transcript input, Transcript extra, SecureRandom random) {
    byte[] publicKey = pair.publicKey().toArray();
    RistrettoPoint h = hashToPoint(input, publicKey);
    Scalar key = pair.secretKey().key();
    RistrettoPoint output = h.multiply(key);
    byte[] hBytes = h.compress();
    byte[] outBytes = output.compress();

    SchnorrkelTranscripts.protoName(extra, "DLEQProof");
    extra.appendMessage("vrf:h", hBytes);
    Scalar r = witness(extra, random, pair.secretKey().nonce());
    extra.appendMessage("vrf:R=g^r", RistrettoPoint.multiplyBase(r).compress());
    extra.appendMessage("vrf:h^r", h.multiply(r).compress());
    extra.appendMessage("vrf:pk", publicKey);
    extra.appendMessage("vrf:h^sk", outBytes);
    Scalar c = SchnorrkelTranscripts.challengeScalar(extra, "prove");
    Scalar s = r.subtract(c.multiply(key));

    byte[] proof = Arrays.copyOf(c.toBytes(), 64);
    System.arraycopy(s.toBytes(), 0, proof, 32, 32);
    return new VrfSignature(Bytes.wrap(outBytes), Bytes.wrap(proof));
  }

  /** Verifies with the default proof transcript {@code Transcript::new("VRF")}. */
  public static boolean verify(byte[] publicKey, Transcript input, byte[] signature) {
    return verify(publicKey, input, new Transcript("VRF"), signature);
  }

  /**
   * Verifies a 96-byte VRF signature for {@code input}/{@code extra}. False (never an exception) on
   * malformed keys, points or scalars, an identity pre-output or a wrong proof.
   */
  public static boolean verify(
      byte[] publicKey, Transcript input, Transcript extra, byte[] signature) {
    try {
      if (publicKey.length != Sr25519.PUBLIC_KEY_LENGTH || signature.length != SIGNATURE_LENGTH) {
        return false;
      }
      Optional<RistrettoPoint> pk = RistrettoPoint.decompress(publicKey);
      Optional<RistrettoPoint> output = RistrettoPoint.decompress(Arrays.copyOf(signature, 32));
      Optional<Scalar> c = Scalar.fromCanonicalBytes(Arrays.copyOfRange(signature, 32, 64));
      Optional<Scalar> s = Scalar.fromCanonicalBytes(Arrays.copyOfRange(signature, 64, 96));
      if (pk.isEmpty() || output.isEmpty() || c.isEmpty() || s.isEmpty()) {
        return false;
      }
      if (output.get().isIdentity()) {
        return false;
      }
      RistrettoPoint h = hashToPoint(input, publicKey);
      SchnorrkelTranscripts.protoName(extra, "DLEQProof");
      extra.appendMessage("vrf:h", h.compress());
      RistrettoPoint bigR =
          RistrettoPoint.vartimeDoubleScalarMultiplyBase(c.get(), pk.get(), s.get());
      extra.appendMessage("vrf:R=g^r", bigR.compress());
      RistrettoPoint hr =
          RistrettoPoint.vartimeDoubleScalarMultiply(c.get(), output.get(), s.get(), h);
      extra.appendMessage("vrf:h^r", hr.compress());
      extra.appendMessage("vrf:pk", publicKey);
      extra.appendMessage("vrf:h^sk", Arrays.copyOf(signature, 32));
      return SchnorrkelTranscripts.challengeScalar(extra, "prove").equals(c.get());
    } catch (RuntimeException e) {
      return false;
    }
  }

  /**
   * The VRF output bytes ({@code VRFInOut::make_bytes}) for a verified pre-output: a transcript
   * {@code "VRFResult"} over the context, the input point and the pre-output.
   */
  public static byte[] makeBytes(
      byte[] context, byte[] publicKey, Transcript input, Bytes preOutput, int length) {
    RistrettoPoint h = hashToPoint(input, publicKey);
    Transcript t = new Transcript("VRFResult");
    t.appendMessage("", context);
    t.appendMessage("vrf-in", h.compress());
    t.appendMessage("vrf-out", preOutput.toArray());
    return t.challengeBytes("", length);
  }

  /** The non-malleable input point: commit the public key, then hash 64 challenge bytes. */
  private static RistrettoPoint hashToPoint(Transcript input, byte[] publicKey) {
    input.appendMessage("vrf-nm-pk", publicKey);
    return RistrettoPoint.fromUniformBytes(input.challengeBytes("VRFHash", 64));
  }

  private static Scalar witness(Transcript t, SecureRandom random, byte[] nonce) {
    Transcript.TranscriptRng rng =
        t.buildRng().rekeyWithWitnessBytes(PROVING_LABEL, nonce).keyWith(random);
    byte[] wide = new byte[64];
    rng.fillBytes(wide);
    rng.destroy();
    Scalar r = Scalar.fromBytesModOrderWide(wide);
    Arrays.fill(wide, (byte) 0);
    return r;
  }
}
