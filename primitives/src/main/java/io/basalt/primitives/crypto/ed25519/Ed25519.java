/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ed25519;

import io.basalt.primitives.crypto.curve25519.EdwardsPoint;
import io.basalt.primitives.crypto.curve25519.Scalar;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * Ed25519 verification with the ZIP-215 rules of ed25519-zebra, which {@code sp_core::ed25519} and
 * the host's {@code ed25519_verify} use: the public key A and the point R may be non-canonical
 * encodings (y at least p, or x = 0 with the sign bit set) and may have small order, S must be a
 * canonical scalar, and the check is the cofactored equation [8]([S]B - [k]A - R) = 0 with k =
 * SHA-512(R || A || M) over the bytes as given.
 *
 * <p>This accepts every signature RFC 8032's strict verification accepts, plus the edge cases
 * ZIP-215 makes valid, so all nodes agree on them. Never throws: malformed input gives false.
 */
public final class Ed25519 {
  public static final int PUBLIC_KEY_LENGTH = 32;
  public static final int SIGNATURE_LENGTH = 64;
  public static final int SEED_LENGTH = 32;

  private Ed25519() {}

  public static boolean verify(byte[] signature, byte[] message, byte[] publicKey) {
    try {
      if (signature == null || message == null || publicKey == null) {
        return false;
      }
      if (signature.length != SIGNATURE_LENGTH || publicKey.length != PUBLIC_KEY_LENGTH) {
        return false;
      }
      byte[] rBytes = Arrays.copyOf(signature, 32);
      Optional<Scalar> s = Scalar.fromCanonicalBytes(Arrays.copyOfRange(signature, 32, 64));
      Optional<EdwardsPoint> a = EdwardsPoint.decompressLenient(publicKey);
      Optional<EdwardsPoint> r = EdwardsPoint.decompressLenient(rBytes);
      if (s.isEmpty() || a.isEmpty() || r.isEmpty()) {
        return false;
      }
      MessageDigest sha512 = MessageDigest.getInstance("SHA-512");
      sha512.update(rBytes);
      sha512.update(publicKey);
      sha512.update(message);
      Scalar k = Scalar.fromBytesModOrderWide(sha512.digest());
      EdwardsPoint check =
          EdwardsPoint.vartimeDoubleScalarMultiplyBase(k, a.get().negate(), s.get())
              .subtract(r.get());
      return check.multiplyByCofactor().isIdentity();
    } catch (NoSuchAlgorithmException | RuntimeException e) {
      return false;
    }
  }
}
