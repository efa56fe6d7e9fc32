/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import io.basalt.primitives.scale.Result;
import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;

/**
 * Signature verification and public-key recovery for the {@code ext_crypto_*} host functions. The
 * node wires the crypto package in; until then {@link #unconfigured()} traps with a clear message
 * (never a fake "valid").
 *
 * <p>Sizes: ed25519/sr25519 public key 32 bytes, signature 64; ECDSA (secp256k1) compressed public
 * key 33 bytes, signature 65 ({@code r ‖ s ‖ v}).
 */
public interface CryptoProvider {
  /** ed25519 verification with ed25519-zebra (ZIP-215) rules, as Substrate uses by default. */
  boolean ed25519Verify(Bytes signature, Bytes message, Bytes publicKey);

  /**
   * sr25519 (Schnorrkel, signing context {@code substrate}) verification.
   *
   * @param allowLegacy {@code ext_crypto_sr25519_verify_version_1} also accepts pre-0.8 ("legacy")
   *     signatures; version 2 is strict
   */
  boolean sr25519Verify(Bytes signature, Bytes message, Bytes publicKey, boolean allowLegacy);

  /**
   * ECDSA verification of a 32-byte message hash against a compressed public key.
   *
   * @param strict version 2 of {@code ecdsa_verify} and {@code ecdsa_verify_prehashed} parse the
   *     signature strictly; version 1 of {@code ecdsa_verify} accepts overflowing r/s
   */
  boolean ecdsaVerifyPrehashed(
      Bytes signature, Hash256 messageHash, Bytes publicKey, boolean strict);

  /**
   * Recovers the public key that produced a signature over a 32-byte message hash.
   *
   * @param compressed 33-byte compressed key if true, else the 64-byte uncompressed key without the
   *     {@code 0x04} tag
   * @param strict version 2 rejects overflowing r/s
   */
  Result<Bytes, EcdsaVerifyError> secp256k1Recover(
      Bytes signature, Hash256 messageHash, boolean compressed, boolean strict);

  /** A provider that traps on every call: crypto is not wired in. */
  static CryptoProvider unconfigured() {
    return UnconfiguredCrypto.INSTANCE;
  }
}
