/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import io.basalt.executor.host.CryptoProvider;
import io.basalt.executor.host.EcdsaVerifyError;
import io.basalt.executor.host.HostFunctionException;
import io.basalt.primitives.scale.Result;
import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Test-only stand-in for the crypto provider, which is wired on another branch: it reports every
 * ed25519/sr25519 signature as valid and counts the verifications. Used only with the real fixture
 * blocks, whose signatures are valid, so "valid" is the right answer for them; ECDSA traps. Replace
 * it with the real provider once crypto is wired into {@code Runtimes.services()}.
 */
public final class TrustingCrypto implements CryptoProvider {
  private final AtomicInteger sr25519 = new AtomicInteger();
  private final AtomicInteger ed25519 = new AtomicInteger();

  /** sr25519 verifications so far. */
  public int sr25519Verifications() {
    return sr25519.get();
  }

  /** ed25519 verifications so far. */
  public int ed25519Verifications() {
    return ed25519.get();
  }

  @Override
  public boolean ed25519Verify(Bytes signature, Bytes message, Bytes publicKey) {
    ed25519.incrementAndGet();
    return true;
  }

  @Override
  public boolean sr25519Verify(
      Bytes signature, Bytes message, Bytes publicKey, boolean allowLegacy) {
    sr25519.incrementAndGet();
    return true;
  }

  @Override
  public boolean ecdsaVerifyPrehashed(
      Bytes signature, Hash256 messageHash, Bytes publicKey, boolean strict) {
    throw new HostFunctionException("ECDSA is not stubbed in tests");
  }

  @Override
  public Result<Bytes, EcdsaVerifyError> secp256k1Recover(
      Bytes signature, Hash256 messageHash, boolean compressed, boolean strict) {
    throw new HostFunctionException("ECDSA is not stubbed in tests");
  }
}
