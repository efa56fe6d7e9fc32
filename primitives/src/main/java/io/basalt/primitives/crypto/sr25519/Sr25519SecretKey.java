/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.sr25519;

import io.basalt.primitives.crypto.curve25519.RistrettoPoint;
import io.basalt.primitives.crypto.curve25519.Scalar;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Optional;

/**
 * A schnorrkel secret key: the secret scalar and a 32-byte nonce seed that is mixed into every
 * signing nonce. Immutable; {@link #toString()} never shows either part.
 */
public final class Sr25519SecretKey {
  private final Scalar key;
  private final byte[] nonce;

  Sr25519SecretKey(Scalar key, byte[] nonce) {
    this.key = key;
    this.nonce = nonce.clone();
  }

  /**
   * Expands a 32-byte mini secret key the way Substrate does ({@code ExpansionMode::Ed25519}):
   * SHA-512, clamp the first half as Ed25519 does, divide it by the cofactor 8; the second half is
   * the nonce seed.
   */
  public static Sr25519SecretKey fromMiniSecret(byte[] miniSecret) {
    if (miniSecret.length != 32) {
      throw new IllegalArgumentException(
          "an sr25519 mini secret key is 32 bytes, got " + miniSecret.length);
    }
    byte[] h = sha512(miniSecret);
    byte[] key = Arrays.copyOf(h, 32);
    key[0] &= (byte) 248;
    key[31] &= 63;
    key[31] |= 64;
    // Divide by 8: shift the 256-bit little-endian value right by three bits.
    int low = 0;
    for (int i = 31; i >= 0; i--) {
      int b = key[i] & 0xff;
      key[i] = (byte) ((b >>> 3) | (low << 5));
      low = b & 7;
    }
    Sr25519SecretKey secret =
        new Sr25519SecretKey(Scalar.fromBytesModOrder(key), Arrays.copyOfRange(h, 32, 64));
    Arrays.fill(h, (byte) 0);
    Arrays.fill(key, (byte) 0);
    return secret;
  }

  /**
   * Parses schnorrkel's 64-byte form: the canonical scalar then the nonce seed. Empty if the scalar
   * is not canonical.
   */
  public static Optional<Sr25519SecretKey> fromBytes(byte[] bytes) {
    if (bytes.length != 64) {
      return Optional.empty();
    }
    return Scalar.fromCanonicalBytes(Arrays.copyOf(bytes, 32))
        .map(k -> new Sr25519SecretKey(k, Arrays.copyOfRange(bytes, 32, 64)));
  }

  /** Schnorrkel's 64-byte form (scalar then nonce seed). Secret: handle with care. */
  public byte[] toBytes() {
    byte[] out = Arrays.copyOf(key.toBytes(), 64);
    System.arraycopy(nonce, 0, out, 32, 32);
    return out;
  }

  /** The public key: the scalar times the ristretto255 generator. */
  public RistrettoPoint publicPoint() {
    return RistrettoPoint.multiplyBase(key);
  }

  Scalar key() {
    return key;
  }

  byte[] nonce() {
    return nonce.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Sr25519SecretKey other
        && key.equals(other.key)
        && MessageDigest.isEqual(nonce, other.nonce);
  }

  @Override
  public int hashCode() {
    return key.hashCode();
  }

  @Override
  public String toString() {
    return "Sr25519SecretKey(<redacted>)";
  }

  static byte[] sha512(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-512").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-512", e);
    }
  }
}
