/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ed25519;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.suri.DeriveJunction;
import io.basalt.primitives.crypto.suri.SecretUriException;
import java.util.List;
import org.bouncycastle.math.ec.rfc8032.Ed25519;

/**
 * An Ed25519 key pair over a 32-byte seed (RFC 8032), signing deterministically with BouncyCastle.
 * Derivation supports hard junctions only, as {@code sp_core::ed25519}: each step replaces the seed
 * by {@code blake2_256(SCALE(("Ed25519HDKD", seed, chain_code)))}.
 *
 * <p>Immutable; {@link #toString()} shows only the public key.
 */
public final class Ed25519KeyPair {
  private final byte[] seed;
  private final byte[] publicKey;

  private Ed25519KeyPair(byte[] seed) {
    this.seed = seed;
    this.publicKey = new byte[Ed25519.PUBLIC_KEY_SIZE];
    Ed25519.generatePublicKey(seed, 0, publicKey, 0);
  }

  public static Ed25519KeyPair fromSeed(byte[] seed) {
    if (seed.length != io.basalt.primitives.crypto.ed25519.Ed25519.SEED_LENGTH) {
      throw new IllegalArgumentException("an ed25519 seed is 32 bytes, got " + seed.length);
    }
    return new Ed25519KeyPair(seed.clone());
  }

  public Bytes publicKey() {
    return Bytes.of(publicKey);
  }

  /** The 32-byte seed. Secret: never log it. */
  public Bytes seed() {
    return Bytes.of(seed);
  }

  /** The RFC 8032 signature of {@code message} (deterministic). */
  public byte[] sign(byte[] message) {
    byte[] signature = new byte[Ed25519.SIGNATURE_SIZE];
    Ed25519.sign(seed, 0, publicKey, 0, message, 0, message.length, signature, 0);
    return signature;
  }

  /**
   * Follows a path of hard junctions.
   *
   * @throws SecretUriException if the path has a soft junction
   */
  public Ed25519KeyPair derive(List<DeriveJunction> path) {
    byte[] current = seed.clone();
    for (DeriveJunction j : path) {
      if (j.soft()) {
        throw new SecretUriException("ed25519 keys support only hard (//) derivation junctions");
      }
      current = j.hashDerive("Ed25519HDKD", current);
    }
    return new Ed25519KeyPair(current);
  }

  @Override
  public String toString() {
    return "Ed25519KeyPair(public=" + Hex.encode(publicKey) + ")";
  }
}
