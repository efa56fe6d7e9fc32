/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The extrinsic format of basalt-demo (runtime-spec §3): {@link
 * io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic} (version 4, signed or unsigned), its {@link
 * io.basalt.runtime.demo.extrinsic.Era}, {@link io.basalt.runtime.demo.extrinsic.MultiSignature}
 * and {@link io.basalt.runtime.demo.extrinsic.SignedExtra}, the {@link
 * io.basalt.runtime.demo.extrinsic.AdditionalSigned signing payload}, and the validity outcomes
 * ({@link io.basalt.runtime.demo.extrinsic.TransactionValidityError}, {@link
 * io.basalt.runtime.demo.extrinsic.ValidTransaction}).
 *
 * <pre>{@code
 * SignedExtra extra = new SignedExtra(Era.IMMORTAL, nonce, BigInteger.ZERO);
 * Bytes message = new AdditionalSigned(100, 1, genesis, genesis).signingMessage(call.encode(), extra);
 * UncheckedExtrinsic xt = UncheckedExtrinsic.signed(MultiAddress.id(alice),
 *     new MultiSignature.Sr25519(Bytes.wrap(pair.sign(message.toArray()))), extra, call);
 * }</pre>
 */
package io.basalt.runtime.demo.extrinsic;
