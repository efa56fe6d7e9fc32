/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.keystore;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.merlin.Transcript;
import io.basalt.primitives.crypto.sr25519.Sr25519Vrf;
import java.util.List;
import java.util.Optional;

/**
 * The node's key store, the seam behind the host API's crypto functions ({@code *_public_keys},
 * {@code *_generate}, {@code *_sign}) and block authoring. Keys are indexed by key type and public
 * key and stored as the secret URI they come from, as Substrate's {@code LocalKeystore} does.
 *
 * <p>Implementations are thread-safe. Secrets never leave the key store except as signatures.
 */
public interface Keystore {
  /**
   * Stores a key under {@code keyType}. The public key is the caller's claim; it is checked when
   * the key is used, and a key whose URI does not produce it is never used.
   */
  void insert(KeyTypeId keyType, String suri, Bytes publicKey);

  /** The public keys of {@code keyType} that are keys of {@code scheme}, in a stable order. */
  List<Bytes> publicKeys(KeyTypeId keyType, KeyScheme scheme);

  /** True if every listed (key type, public key) is present. */
  boolean hasKeys(List<KeyReference> keys);

  /**
   * Signs with the key {@code publicKey} of {@code keyType} under {@code scheme}; empty if there is
   * no such key.
   */
  Optional<byte[]> sign(KeyTypeId keyType, KeyScheme scheme, Bytes publicKey, byte[] message);

  /** {@code ecdsa_sign_prehashed}: signs a 32-byte hash with an ecdsa key; empty if absent. */
  Optional<byte[]> signPrehashed(KeyTypeId keyType, Bytes publicKey, byte[] hash);

  /** Produces a VRF signature with an sr25519 key (BABE slot claims); empty if absent. */
  Optional<Sr25519Vrf.VrfSignature> sr25519VrfSign(
      KeyTypeId keyType, Bytes publicKey, Transcript input);

  /**
   * The host's {@code *_generate}: with a seed (a secret URI), derives that key and keeps it in
   * memory only; without, creates a random mnemonic key and stores it persistently.
   *
   * @return the new public key
   * @throws io.basalt.primitives.crypto.suri.SecretUriException if the seed is not a valid URI
   */
  Bytes generate(KeyTypeId keyType, KeyScheme scheme, Optional<String> seed);

  /** A key named by its type and public key. */
  record KeyReference(KeyTypeId keyType, Bytes publicKey) {}
}
