/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Genesis of basalt-demo (runtime-spec §10): the {@link
 * io.basalt.runtime.demo.genesis.GenesisPresets presets} ({@code development}, {@code
 * local_testnet}), parsing and validating a {@link io.basalt.runtime.demo.genesis.GenesisConfig},
 * and {@link io.basalt.runtime.demo.genesis.GenesisBuilder} writing the genesis storage.
 *
 * <pre>{@code
 * GenesisConfig config = GenesisConfig.parse(fullJson);
 * Pallets pallets = Pallets.over(storage, DemoRuntimeDescription.version(100), versionReader);
 * GenesisBuilder.build(pallets, config);
 * }</pre>
 */
package io.basalt.runtime.demo.genesis;
