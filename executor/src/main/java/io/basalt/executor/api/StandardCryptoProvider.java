/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.ecdsa.Ecdsa;
import io.basalt.primitives.crypto.ecdsa.EcdsaVerifyError;
import io.basalt.primitives.crypto.ed25519.Ed25519;
import io.basalt.primitives.crypto.sr25519.Sr25519;
import io.basalt.primitives.scale.Result;

/** {@link CryptoProvider} over Basalt's own sr25519, ed25519 (ZIP-215) and secp256k1 code. */
enum StandardCryptoProvider implements CryptoProvider {
  INSTANCE;

  @Override
  public boolean ed25519Verify(Bytes signature, Bytes message, Bytes publicKey) {
    return Ed25519.verify(signature.unsafeArray(), message.unsafeArray(), publicKey.unsafeArray());
  }

  @Override
  public boolean sr25519Verify(
      Bytes signature, Bytes message, Bytes publicKey, boolean allowLegacy) {
    return Sr25519.verify(
        signature.unsafeArray(), message.unsafeArray(), publicKey.unsafeArray(), allowLegacy);
  }

  @Override
  public boolean ecdsaVerifyPrehashed(
      Bytes signature, Hash256 messageHash, Bytes publicKey, boolean strict) {
    return Ecdsa.verifyPrehashed(
        signature.unsafeArray(),
        messageHash.unsafeArray(),
        publicKey.unsafeArray(),
        parsing(strict));
  }

  @Override
  public Result<Bytes, EcdsaVerifyError> secp256k1Recover(
      Bytes signature, Hash256 messageHash, boolean compressed, boolean strict) {
    return compressed
        ? Ecdsa.recoverCompressed(
            signature.unsafeArray(), messageHash.unsafeArray(), parsing(strict))
        : Ecdsa.recover(signature.unsafeArray(), messageHash.unsafeArray(), parsing(strict));
  }

  private static Ecdsa.Parsing parsing(boolean strict) {
    return strict ? Ecdsa.Parsing.STRICT : Ecdsa.Parsing.LENIENT;
  }
}
