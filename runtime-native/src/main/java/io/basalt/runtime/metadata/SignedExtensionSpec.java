/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.metadata;

/**
 * A signed extension, in the order it appears in the extrinsic.
 *
 * @param identifier its name, e.g. {@code CheckNonce}
 * @param type the key of the data it adds to the extrinsic ("extra")
 * @param additionalSigned the key of the data it adds only to the signed payload
 */
public record SignedExtensionSpec(String identifier, String type, String additionalSigned) {}
