/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

import java.util.List;

/**
 * The extrinsic format.
 *
 * @param version the extrinsic format version (4)
 * @param uncheckedExtrinsic the key of {@code UncheckedExtrinsic<Address, Call, Signature, Extra>}
 * @param address the key of the address type
 * @param call the key of the outer call enum
 * @param signature the key of the signature type
 * @param extra the key of the tuple of all extensions' extra data
 * @param signedExtensions the signed extensions in order
 */
public record ExtrinsicSpec(
    int version,
    String uncheckedExtrinsic,
    String address,
    String call,
    String signature,
    String extra,
    List<SignedExtensionSpec> signedExtensions) {
  public ExtrinsicSpec {
    signedExtensions = List.copyOf(signedExtensions);
  }
}
