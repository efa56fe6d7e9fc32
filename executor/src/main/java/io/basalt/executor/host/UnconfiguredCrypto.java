/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import io.basalt.primitives.scale.Result;
import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;

/** The crypto provider used until one is configured: every call traps. */
final class UnconfiguredCrypto implements CryptoProvider, Keystore {
  static final UnconfiguredCrypto INSTANCE = new UnconfiguredCrypto();

  private UnconfiguredCrypto() {}

  private static HostFunctionException missing(String what) {
    return new HostFunctionException(
        what + " is unavailable: no crypto provider/keystore is configured for this executor");
  }

  @Override
  public boolean ed25519Verify(Bytes signature, Bytes message, Bytes publicKey) {
    throw missing("ed25519 verification");
  }

  @Override
  public boolean sr25519Verify(
      Bytes signature, Bytes message, Bytes publicKey, boolean allowLegacy) {
    throw missing("sr25519 verification");
  }

  @Override
  public boolean ecdsaVerifyPrehashed(
      Bytes signature, Hash256 messageHash, Bytes publicKey, boolean strict) {
    throw missing("ECDSA verification");
  }

  @Override
  public Result<Bytes, EcdsaVerifyError> secp256k1Recover(
      Bytes signature, Hash256 messageHash, boolean compressed, boolean strict) {
    throw missing("secp256k1 public key recovery");
  }

  @Override
  public java.util.List<Bytes> publicKeys(KeyTypeId keyType, Scheme scheme) {
    throw missing("the keystore");
  }

  @Override
  public Bytes generate(KeyTypeId keyType, Scheme scheme, java.util.Optional<String> seed) {
    throw missing("the keystore");
  }

  @Override
  public java.util.Optional<Bytes> sign(
      KeyTypeId keyType, Scheme scheme, Bytes publicKey, Bytes message) {
    throw missing("the keystore");
  }

  @Override
  public java.util.Optional<Bytes> ecdsaSignPrehashed(
      KeyTypeId keyType, Bytes publicKey, Hash256 messageHash) {
    throw missing("the keystore");
  }
}
