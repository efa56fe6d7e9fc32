/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ecdsa;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.suri.DeriveJunction;
import io.basalt.primitives.crypto.suri.SecretUriException;
import io.basalt.primitives.hash.Hashing;
import java.math.BigInteger;
import java.util.List;
import org.bouncycastle.crypto.digests.SHA256Digest;
import org.bouncycastle.crypto.signers.HMacDSAKCalculator;
import org.bouncycastle.math.ec.ECPoint;
import org.bouncycastle.math.ec.FixedPointCombMultiplier;
import org.bouncycastle.util.BigIntegers;

/**
 * A secp256k1 key pair whose 32-byte seed is the secret scalar, signing like libsecp256k1's {@code
 * sign_ecdsa_recoverable}: RFC 6979 nonces (HMAC-SHA256), low-s normalisation, and the recovery id
 * in the 65th byte. Signatures are therefore deterministic. Hard derivation only ({@code
 * "Secp256k1HDKD"}).
 *
 * <p>The account id of an ecdsa key is blake2-256 of the compressed public key ({@link
 * #accountId()}). Immutable; {@link #toString()} shows only the public key.
 */
public final class EcdsaKeyPair {
  private final BigInteger secret;
  private final byte[] publicKey;

  private EcdsaKeyPair(BigInteger secret) {
    this.secret = secret;
    this.publicKey =
        new FixedPointCombMultiplier().multiply(Ecdsa.CURVE.getG(), secret).getEncoded(true);
  }

  /**
   * The key pair whose secret scalar is the given 32 big-endian bytes.
   *
   * @throws IllegalArgumentException if the seed is not 32 bytes or not in [1, n-1]
   */
  public static EcdsaKeyPair fromSeed(byte[] seed) {
    if (seed.length != Ecdsa.SEED_LENGTH) {
      throw new IllegalArgumentException("an ecdsa seed is 32 bytes, got " + seed.length);
    }
    BigInteger d = new BigInteger(1, seed);
    if (d.signum() == 0 || d.compareTo(Ecdsa.N) >= 0) {
      throw new IllegalArgumentException(
          "an ecdsa secret key must be between 1 and the group order minus 1");
    }
    return new EcdsaKeyPair(d);
  }

  /** The 33-byte compressed public key. */
  public Bytes publicKey() {
    return Bytes.of(publicKey);
  }

  /** blake2-256 of the compressed public key: the AccountId32 of this key. */
  public Bytes accountId() {
    return Bytes.wrap(Hashing.blake2b256(publicKey));
  }

  /** The 32-byte secret scalar. Secret: never log it. */
  public Bytes seed() {
    return Bytes.wrap(BigIntegers.asUnsignedByteArray(32, secret));
  }

  /** Signs blake2-256(message). */
  public byte[] sign(byte[] message) {
    return signPrehashed(Hashing.blake2b256(message));
  }

  /** Signs a 32-byte hash: {@code r || s || recovery id}, low s. */
  public byte[] signPrehashed(byte[] hash) {
    if (hash.length != 32) {
      throw new IllegalArgumentException(
          "a prehashed ecdsa message is 32 bytes, got " + hash.length);
    }
    BigInteger n = Ecdsa.N;
    BigInteger e = new BigInteger(1, hash).mod(n);
    HMacDSAKCalculator nonces = new HMacDSAKCalculator(new SHA256Digest());
    nonces.init(n, secret, hash);
    FixedPointCombMultiplier multiplier = new FixedPointCombMultiplier();
    while (true) {
      BigInteger k = nonces.nextK();
      ECPoint bigR = multiplier.multiply(Ecdsa.CURVE.getG(), k).normalize();
      BigInteger x = bigR.getAffineXCoord().toBigInteger();
      BigInteger r = x.mod(n);
      if (r.signum() == 0) {
        continue;
      }
      BigInteger s = k.modInverse(n).multiply(e.add(r.multiply(secret))).mod(n);
      if (s.signum() == 0) {
        continue;
      }
      int recoveryId =
          (bigR.getAffineYCoord().testBitZero() ? 1 : 0) | (x.compareTo(n) >= 0 ? 2 : 0);
      if (s.compareTo(Ecdsa.HALF_N) > 0) {
        s = n.subtract(s);
        recoveryId ^= 1;
      }
      byte[] signature = new byte[Ecdsa.SIGNATURE_LENGTH];
      System.arraycopy(BigIntegers.asUnsignedByteArray(32, r), 0, signature, 0, 32);
      System.arraycopy(BigIntegers.asUnsignedByteArray(32, s), 0, signature, 32, 32);
      signature[64] = (byte) recoveryId;
      return signature;
    }
  }

  /**
   * Follows a path of hard junctions: each replaces the seed by {@code
   * blake2_256(SCALE(("Secp256k1HDKD", seed, chain_code)))}.
   *
   * @throws SecretUriException if the path has a soft junction, or a derived seed is not a valid
   *     secret key (probability about 2^-128)
   */
  public EcdsaKeyPair derive(List<DeriveJunction> path) {
    byte[] current = BigIntegers.asUnsignedByteArray(32, secret);
    for (DeriveJunction j : path) {
      if (j.soft()) {
        throw new SecretUriException("ecdsa keys support only hard (//) derivation junctions");
      }
      current = j.hashDerive("Secp256k1HDKD", current);
    }
    try {
      return fromSeed(current);
    } catch (IllegalArgumentException e) {
      throw new SecretUriException("the derivation path leads to an invalid ecdsa secret key");
    }
  }

  @Override
  public String toString() {
    return "EcdsaKeyPair(public=" + Hex.encode(publicKey) + ")";
  }
}
