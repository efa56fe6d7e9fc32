/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The executive of basalt-demo (runtime-spec §3, §5, §7, §11): {@link
 * io.basalt.runtime.demo.executive.Executive} initializes, applies, finalizes and re-executes
 * blocks, validates transactions with the signed extensions, builds and checks inherents and runs
 * the offchain worker; {@link io.basalt.runtime.demo.executive.Pallets} wires the pallets of one
 * call over its storage.
 *
 * <pre>{@code
 * Executive executive = new Executive(context, DemoRuntimeDescription.version(100));
 * executive.executeBlock(header, extrinsics); // panics with the spec's message if invalid
 * }</pre>
 */
package io.basalt.runtime.demo.executive;
