/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.extrinsic;

import io.basalt.runtime.demo.account.MultiAddress;

/**
 * The signature part of a signed extrinsic: who signed, the signature, and the extra.
 *
 * @param address the signer's address (only {@code Id} resolves)
 * @param signature the signature over the signing message
 * @param extra era, nonce and tip
 */
public record ExtrinsicSignature(
    MultiAddress address, MultiSignature signature, SignedExtra extra) {}
