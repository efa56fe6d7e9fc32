/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The one description of the {@code basalt-demo} runtime's metadata, and its SCALE encoding.
 *
 * <p>{@link io.basalt.runtime.metadata.BasaltDemoRuntime} declares the runtime's types, pallets
 * (storage, calls, events, errors, constants), signed extensions and runtime APIs for spec versions
 * 100 and 101. {@link io.basalt.runtime.metadata.MetadataEncoder} turns a description into {@code
 * RuntimeMetadataPrefixed} bytes (V14 or V15), numbering types like scale-info does. The generated
 * bytes are committed as resources ({@link io.basalt.runtime.metadata.MetadataBlobs}); the Java
 * runtime loads them and the Rust runtime includes the same files, so the two cannot drift. The
 * prose specification is {@code docs/runtime-spec.md}.
 *
 * <pre>{@code
 * Bytes v15 = MetadataBlobs.load(101, MetadataVersion.V15);       // what the runtime serves
 * RuntimeDescription d = BasaltDemoRuntime.description(101);
 * Bytes numberKey = d.pallet("System").storageEntry("Number").keyPrefix("System");
 * }</pre>
 */
package io.basalt.runtime.metadata;
