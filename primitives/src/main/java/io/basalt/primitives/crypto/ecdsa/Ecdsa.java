/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ecdsa;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.Result;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.math.ec.ECAlgorithms;
import org.bouncycastle.math.ec.ECCurve;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.util.BigIntegers;

/**
 * ECDSA over secp256k1 as Substrate uses it ({@code sp_core::ecdsa}, sp-io's {@code secp256k1_*}):
 * 33-byte compressed public keys, 65-byte recoverable signatures {@code r || s || v} (v = recovery
 * id 0..3) over BLAKE2b-256 of the message, verification by public-key recovery.
 *
 * <p>Two parsing regimes exist because Substrate changed libraries:
 *
 * <ul>
 *   <li><b>lenient</b> (host v1 functions, libsecp256k1 {@code parse_overflowing}): r and s are
 *       taken modulo the group order n, so overflowing values are accepted;
 *   <li><b>strict</b> (host v2 functions and {@code Pair::verify}, secp256k1 {@code from_compact}):
 *       r or s at least n is rejected ({@link EcdsaVerifyError#BAD_RS}).
 * </ul>
 *
 * In both, r = 0 or s = 0 fails recovery, high s is accepted (recovery does not normalise), and the
 * recovery id must be 0..3. The host recover functions additionally map v = 27/28 to 0/1; {@code
 * verify} does not. Nothing here throws on malformed input.
 */
public final class Ecdsa {
  public static final int PUBLIC_KEY_LENGTH = 33;
  public static final int SIGNATURE_LENGTH = 65;
  public static final int SEED_LENGTH = 32;

  static final X9ECParameters CURVE = CustomNamedCurves.getByName("secp256k1");
  static final BigInteger N = CURVE.getN();
  static final BigInteger HALF_N = N.shiftRight(1);
  private static final BigInteger P = CURVE.getCurve().getField().getCharacteristic();

  private Ecdsa() {}

  /** Whether r and s may overflow the group order (v1 host functions) or not (v2). */
  public enum Parsing {
    LENIENT,
    STRICT
  }

  /** Strict verification of a signature over blake2-256(message): {@code ecdsa_verify} v2. */
  public static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
    return verify(signature, message, publicKey, Parsing.STRICT);
  }

  /** Verification over blake2-256(message) with the given parsing ({@code ecdsa_verify} v1/v2). */
  public static boolean verify(
      byte[] signature, byte[] message, byte[] publicKey, Parsing parsing) {
    if (message == null) {
      return false;
    }
    return verifyPrehashed(signature, Hashing.blake2b256(message), publicKey, parsing);
  }

  /** Strict verification of a signature over a 32-byte hash: {@code ecdsa_verify_prehashed}. */
  public static boolean verifyPrehashed(byte[] signature, byte[] hash, byte[] publicKey) {
    return verifyPrehashed(signature, hash, publicKey, Parsing.STRICT);
  }

  public static boolean verifyPrehashed(
      byte[] signature, byte[] hash, byte[] publicKey, Parsing parsing) {
    if (signature == null || hash == null || publicKey == null) {
      return false;
    }
    if (signature.length != SIGNATURE_LENGTH
        || hash.length != 32
        || publicKey.length != PUBLIC_KEY_LENGTH) {
      return false;
    }
    Result<ECPoint, EcdsaVerifyError> recovered =
        recoverPoint(signature, signature[64] & 0xff, hash, parsing);
    return recovered instanceof Result.Ok<ECPoint, EcdsaVerifyError> ok
        && Arrays.equals(ok.value().getEncoded(true), publicKey);
  }

  /**
   * {@code secp256k1_ecdsa_recover}: the 64-byte uncompressed public key (x || y, no 0x04 prefix)
   * that made {@code signature} over {@code hash}. v may be 0..3 or 27/28.
   */
  public static Result<Bytes, EcdsaVerifyError> recover(
      byte[] signature, byte[] hash, Parsing parsing) {
    return recoverWithHostV(signature, hash, parsing)
        .map(p -> Bytes.wrap(Arrays.copyOfRange(p.getEncoded(false), 1, 65)));
  }

  /** {@code secp256k1_ecdsa_recover_compressed}: as {@link #recover}, 33-byte compressed key. */
  public static Result<Bytes, EcdsaVerifyError> recoverCompressed(
      byte[] signature, byte[] hash, Parsing parsing) {
    return recoverWithHostV(signature, hash, parsing).map(p -> Bytes.wrap(p.getEncoded(true)));
  }

  /** Decompresses and validates a 33-byte public key; empty if it is not on the curve. */
  public static Optional<ECPoint> decodePublicKey(byte[] publicKey) {
    try {
      if (publicKey.length != PUBLIC_KEY_LENGTH) {
        return Optional.empty();
      }
      ECPoint p = CURVE.getCurve().decodePoint(publicKey);
      return p.isValid() ? Optional.of(p) : Optional.empty();
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static Recovery recoverWithHostV(byte[] signature, byte[] hash, Parsing parsing) {
    if (signature == null
        || hash == null
        || signature.length != SIGNATURE_LENGTH
        || hash.length != 32) {
      return new Recovery(Result.err(EcdsaVerifyError.BAD_SIGNATURE));
    }
    int v = signature[64] & 0xff;
    if (v > 26) {
      v -= 27;
    }
    return new Recovery(recoverPoint(signature, v, hash, parsing));
  }

  /** A recovery result with a mapping helper (Result itself has none). */
  private record Recovery(Result<ECPoint, EcdsaVerifyError> result) {
    Result<Bytes, EcdsaVerifyError> map(java.util.function.Function<ECPoint, Bytes> f) {
      return switch (result) {
        case Result.Ok<ECPoint, EcdsaVerifyError> ok -> Result.ok(f.apply(ok.value()));
        case Result.Err<ECPoint, EcdsaVerifyError> err -> Result.err(err.error());
      };
    }
  }

  /** Public-key recovery (SEC 1 §4.1.6) with libsecp256k1's acceptance rules. */
  static Result<ECPoint, EcdsaVerifyError> recoverPoint(
      byte[] signature, int recoveryId, byte[] hash, Parsing parsing) {
    if (recoveryId < 0 || recoveryId > 3) {
      return Result.err(EcdsaVerifyError.BAD_V);
    }
    BigInteger r = new BigInteger(1, Arrays.copyOfRange(signature, 0, 32));
    BigInteger s = new BigInteger(1, Arrays.copyOfRange(signature, 32, 64));
    if (parsing == Parsing.STRICT) {
      if (r.compareTo(N) >= 0 || s.compareTo(N) >= 0) {
        return Result.err(EcdsaVerifyError.BAD_RS);
      }
    } else {
      r = r.mod(N);
      s = s.mod(N);
    }
    if (r.signum() == 0 || s.signum() == 0) {
      return Result.err(EcdsaVerifyError.BAD_SIGNATURE);
    }
    BigInteger x = (recoveryId & 2) != 0 ? r.add(N) : r;
    if (x.compareTo(P) >= 0) {
      return Result.err(EcdsaVerifyError.BAD_SIGNATURE);
    }
    ECCurve curve = CURVE.getCurve();
    byte[] compressed = new byte[33];
    compressed[0] = (byte) ((recoveryId & 1) == 0 ? 0x02 : 0x03);
    System.arraycopy(BigIntegers.asUnsignedByteArray(32, x), 0, compressed, 1, 32);
    ECPoint bigR;
    try {
      bigR = curve.decodePoint(compressed);
    } catch (IllegalArgumentException e) {
      return Result.err(EcdsaVerifyError.BAD_SIGNATURE);
    }
    BigInteger e = new BigInteger(1, hash).mod(N);
    BigInteger rInv = r.modInverse(N);
    // Q = r^-1 (s R - e G)
    ECPoint q =
        ECAlgorithms.sumOfTwoMultiplies(
                bigR, s.multiply(rInv).mod(N), CURVE.getG(), e.negate().multiply(rInv).mod(N))
            .normalize();
    if (q.isInfinity()) {
      return Result.err(EcdsaVerifyError.BAD_SIGNATURE);
    }
    return Result.ok(q);
  }
}
