/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.extrinsic.AdditionalSigned;
import io.basalt.runtime.demo.extrinsic.Era;
import io.basalt.runtime.demo.extrinsic.MultiSignature;
import io.basalt.runtime.demo.extrinsic.SignedExtra;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import java.math.BigInteger;

/**
 * Builds version-4 extrinsics as a wallet does (runtime-spec §3): signs {@code call ‖ extra ‖
 * additional_signed} (hashed when longer than 256 bytes) with sr25519, ed25519 or ecdsa.
 *
 * <pre>{@code
 * ExtrinsicFactory xts = new ExtrinsicFactory(100, chain.genesisHash());
 * UncheckedExtrinsic xt = xts.signed(DevAccounts.alice(), call, 0);
 * }</pre>
 *
 * @param specVersion the spec version the signature commits to
 * @param genesisHash the chain's genesis hash ({@code System.BlockHash[0]} after block 1)
 */
public record ExtrinsicFactory(long specVersion, Hash256 genesisHash) {

  /** An immortal, tip-free signed extrinsic. */
  public UncheckedExtrinsic signed(KeyPair signer, RuntimeCall call, long nonce) {
    return signed(signer, call, nonce, BigInteger.ZERO, Era.IMMORTAL, genesisHash);
  }

  /**
   * A signed extrinsic.
   *
   * @param eraBlockHash the hash of the era's birth block (the genesis hash when immortal)
   */
  public UncheckedExtrinsic signed(
      KeyPair signer, RuntimeCall call, long nonce, BigInteger tip, Era era, Hash256 eraBlockHash) {
    SignedExtra extra = new SignedExtra(era, nonce, tip);
    Bytes message =
        new AdditionalSigned(specVersion, 1, genesisHash, eraBlockHash)
            .signingMessage(call.encode(), extra);
    return withSignature(signer, call, extra, Bytes.wrap(signer.sign(message.toArray())));
  }

  /** A signed extrinsic carrying the given signature bytes (valid or not). */
  public static UncheckedExtrinsic withSignature(
      KeyPair signer, RuntimeCall call, SignedExtra extra, Bytes signature) {
    MultiSignature sig =
        switch (signer.scheme()) {
          case ED25519 -> new MultiSignature.Ed25519(signature);
          case SR25519 -> new MultiSignature.Sr25519(signature);
          case ECDSA -> new MultiSignature.Ecdsa(signature);
        };
    return UncheckedExtrinsic.signed(
        MultiAddress.id(DevAccounts.account(signer)), sig, extra, call);
  }

  /** The unsigned (inherent) form of a call. */
  public static UncheckedExtrinsic unsigned(RuntimeCall call) {
    return UncheckedExtrinsic.unsigned(call);
  }
}
