/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Runtime metadata as frame-metadata and scale-info define it, and its SCALE encoding.
 *
 * <p>A {@link io.basalt.runtime.metadata.RuntimeDescription} holds a runtime's version, its types
 * (a {@link io.basalt.runtime.metadata.TypeCatalog} keyed by name), pallets (storage, call, event
 * and error enums, constants), extrinsic format and runtime APIs. {@link
 * io.basalt.runtime.metadata.MetadataEncoder} turns a description into {@code
 * RuntimeMetadataPrefixed} bytes (V14 or V15), numbering types like scale-info does. The one
 * description of {@code basalt-demo} is in {@link io.basalt.runtime.metadata.demo}.
 *
 * <pre>{@code
 * RuntimeDescription d = DemoRuntimeDescription.description(101);
 * Bytes v15 = MetadataEncoder.encode(d, MetadataVersion.V15);
 * Bytes numberKey = d.pallet("System").storageEntry("Number").keyPrefix("System");
 * }</pre>
 */
package io.basalt.runtime.metadata;
