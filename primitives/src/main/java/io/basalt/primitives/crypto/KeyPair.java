/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.ecdsa.EcdsaKeyPair;
import io.basalt.primitives.crypto.ed25519.Ed25519KeyPair;
import io.basalt.primitives.crypto.sr25519.Sr25519KeyPair;

/**
 * A key pair of any {@link KeyScheme}: its public key and a signing function. Signing follows
 * sp-core: sr25519 in the {@code "substrate"} context (randomised), ed25519 per RFC 8032
 * (deterministic), ecdsa over blake2-256 of the message (deterministic, 65 bytes with recovery id).
 *
 * <p>Implementations never expose secrets through {@code toString}.
 */
public sealed interface KeyPair {
  KeyScheme scheme();

  /** 32 bytes (sr25519, ed25519) or 33 (ecdsa, compressed). */
  Bytes publicKey();

  byte[] sign(byte[] message);

  /** The AccountId32 of this key (ecdsa: blake2-256 of the public key). */
  default Bytes accountId() {
    return scheme().accountId(publicKey());
  }

  /** An sr25519 key pair. */
  record Sr25519(Sr25519KeyPair inner) implements KeyPair {
    @Override
    public KeyScheme scheme() {
      return KeyScheme.SR25519;
    }

    @Override
    public Bytes publicKey() {
      return inner.publicKey();
    }

    @Override
    public byte[] sign(byte[] message) {
      return inner.sign(message);
    }
  }

  /** An ed25519 key pair. */
  record Ed25519(Ed25519KeyPair inner) implements KeyPair {
    @Override
    public KeyScheme scheme() {
      return KeyScheme.ED25519;
    }

    @Override
    public Bytes publicKey() {
      return inner.publicKey();
    }

    @Override
    public byte[] sign(byte[] message) {
      return inner.sign(message);
    }
  }

  /** An ecdsa (secp256k1) key pair. */
  record Ecdsa(EcdsaKeyPair inner) implements KeyPair {
    @Override
    public KeyScheme scheme() {
      return KeyScheme.ECDSA;
    }

    @Override
    public Bytes publicKey() {
      return inner.publicKey();
    }

    @Override
    public byte[] sign(byte[] message) {
      return inner.sign(message);
    }

    /** Signs a 32-byte hash directly ({@code ecdsa_sign_prehashed}). */
    public byte[] signPrehashed(byte[] hash) {
      return inner.signPrehashed(hash);
    }
  }
}
