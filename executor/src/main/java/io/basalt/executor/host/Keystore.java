/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import java.util.List;
import java.util.Optional;

/**
 * The node's keys, as runtimes reach them through {@code ext_crypto_*_public_keys/generate/sign}
 * (session keys, offchain workers, authoring). The node wires its keystore in; {@link
 * #unavailable()} traps, as Substrate does when no keystore is registered for a call.
 */
public interface Keystore {
  /** The signature schemes keys are kept for. */
  enum Scheme {
    ED25519,
    SR25519,
    ECDSA
  }

  /** Public keys of a scheme under a key type (ECDSA keys are 33-byte compressed). */
  List<Bytes> publicKeys(KeyTypeId keyType, Scheme scheme);

  /**
   * Generates and stores a key pair.
   *
   * @param seed a secret URI or mnemonic; random if empty
   * @return the public key
   * @throws HostFunctionException if generation fails
   */
  Bytes generate(KeyTypeId keyType, Scheme scheme, Optional<String> seed);

  /**
   * Signs with the key for {@code publicKey}; ECDSA signs BLAKE2b-256 of the message.
   *
   * @return the signature (64 bytes, or 65 for ECDSA), empty if the key is not in the keystore
   */
  Optional<Bytes> sign(KeyTypeId keyType, Scheme scheme, Bytes publicKey, Bytes message);

  /** Signs a 32-byte hash with an ECDSA key; empty if the key is not in the keystore. */
  Optional<Bytes> ecdsaSignPrehashed(KeyTypeId keyType, Bytes publicKey, Hash256 messageHash);

  /** A keystore that traps on every call. */
  static Keystore unavailable() {
    return UnconfiguredCrypto.INSTANCE;
  }
}
