/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.ecdsa.EcdsaVerifyError;
import io.basalt.primitives.scale.Result;

/**
 * Signature verification and key recovery behind {@code ext_crypto_*}. The {@link #standard()}
 * provider is the real cryptography of {@code io.basalt.primitives.crypto}; the seam exists so that
 * tests and tools can substitute another (e.g. a recording or mocking verifier).
 *
 * <p>Implementations never throw on malformed input: a signature that cannot be valid is invalid.
 */
public interface CryptoProvider {

  boolean ed25519Verify(Bytes signature, Bytes message, Bytes publicKey);

  /**
   * Verifies an sr25519 signature in the {@code substrate} signing context.
   *
   * @param allowLegacy also accept pre-2019 schnorrkel signatures ({@code
   *     sr25519_verify_version_1})
   */
  boolean sr25519Verify(Bytes signature, Bytes message, Bytes publicKey, boolean allowLegacy);

  /**
   * Verifies a 65-byte recoverable ecdsa signature over a 32-byte hash against a compressed key, by
   * recovering the key and comparing. Both rule sets accept a high S, as sp-io does (recovery does
   * not normalise s).
   *
   * @param strict refuse r or s at least the group order ({@code ecdsa_verify_version_2}, {@code
   *     ecdsa_verify_prehashed}); otherwise reduce them modulo the order ({@code
   *     ecdsa_verify_version_1}, libsecp256k1's {@code parse_overflowing})
   */
  boolean ecdsaVerifyPrehashed(
      Bytes signature, Hash256 messageHash, Bytes publicKey, boolean strict);

  /**
   * Recovers the public key that made a 65-byte recoverable signature over a 32-byte hash.
   *
   * @param compressed return the 33-byte compressed key instead of the 64-byte uncompressed one
   * @param strict apply {@code secp256k1_ecdsa_recover_version_2}'s rules (r or s at least the
   *     group order is {@code BAD_RS}) instead of version 1's (reduced modulo the order); a high S
   *     is accepted by both
   */
  Result<Bytes, EcdsaVerifyError> secp256k1Recover(
      Bytes signature, Hash256 messageHash, boolean compressed, boolean strict);

  /** The real implementation over {@code io.basalt.primitives.crypto}. */
  static CryptoProvider standard() {
    return StandardCryptoProvider.INSTANCE;
  }
}
