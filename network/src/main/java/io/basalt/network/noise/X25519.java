/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.spec.NamedParameterSpec;
import java.security.spec.XECPrivateKeySpec;
import java.security.spec.XECPublicKeySpec;
import javax.crypto.KeyAgreement;

/** X25519 (RFC 7748) on raw 32-byte keys, with the JDK's XDH provider. */
final class X25519 {
  static final int KEY_LENGTH = 32;
  private static final byte[] BASE_POINT = new byte[KEY_LENGTH];

  static {
    BASE_POINT[0] = 9;
  }

  private X25519() {}

  /** A random private key. */
  static byte[] generatePrivateKey(SecureRandom random) {
    byte[] key = new byte[KEY_LENGTH];
    random.nextBytes(key);
    return key;
  }

  /** The public key of a private key. */
  static byte[] publicKey(byte[] privateKey) {
    return dh(privateKey, BASE_POINT);
  }

  /**
   * The shared secret of our private key and the peer's public key.
   *
   * @throws NoiseException when the public key has a small order (the secret would be zero)
   */
  static byte[] dh(byte[] privateKey, byte[] publicKey) {
    try {
      KeyFactory factory = KeyFactory.getInstance("XDH");
      PrivateKey ours =
          factory.generatePrivate(new XECPrivateKeySpec(NamedParameterSpec.X25519, privateKey));
      PublicKey theirs =
          factory.generatePublic(new XECPublicKeySpec(NamedParameterSpec.X25519, u(publicKey)));
      KeyAgreement agreement = KeyAgreement.getInstance("XDH");
      agreement.init(ours);
      agreement.doPhase(theirs, true);
      return agreement.generateSecret();
    } catch (InvalidKeyException e) {
      throw new NoiseException("the peer's X25519 key is unusable: " + e.getMessage(), e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks X25519", e);
    }
  }

  /** The u coordinate of a little-endian public key, its top bit masked as RFC 7748 says. */
  private static BigInteger u(byte[] publicKey) {
    byte[] bigEndian = new byte[KEY_LENGTH];
    for (int i = 0; i < KEY_LENGTH; i++) {
      bigEndian[i] = publicKey[KEY_LENGTH - 1 - i];
    }
    bigEndian[0] &= 0x7f;
    return new BigInteger(1, bigEndian);
  }
}
