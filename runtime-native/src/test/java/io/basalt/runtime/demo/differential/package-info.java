/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The cross-check of the two basalt-demo implementations (issue 5): the Java runtime and the Wasm
 * twin ({@code runtime-wasm/blobs}, compiled and interpreted) run the same genesis, random blocks,
 * upgrades, root calls, root-corrupted state, polkadot.js transactions and conformance cases
 * (runtime-spec §16), compared call by call, write by write and root by root ({@link
 * io.basalt.runtime.demo.differential.LockstepChains}).
 *
 * <pre>{@code
 * ./mvnw -B -ntp verify -pl runtime-native -am -Dtest='*DifferentialTest,PolkadotJsTransferTest'
 * }</pre>
 */
package io.basalt.runtime.demo.differential;
