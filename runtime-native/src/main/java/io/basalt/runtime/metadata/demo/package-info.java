/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The one description of the {@code basalt-demo} runtime's metadata, shaped like the FRAME runtime
 * it imitates, and the metadata blobs generated from it.
 *
 * <p>{@link io.basalt.runtime.metadata.demo.DemoRuntimeDescription} assembles spec versions 100 and
 * 101 as {@code construct_runtime!} would: {@code SharedTypes} (accounts, weights, dispatch errors,
 * headers, the runtime version), one description per pallet holding its types, storage, calls,
 * events, errors and constants together ({@link
 * io.basalt.runtime.metadata.demo.SystemPalletDescription}, {@code Timestamp}, {@code Balances},
 * {@code TransactionPayment}, {@code Sudo}, {@code Template}), the outer enums built from those,
 * {@code ExtrinsicDescription} and {@link io.basalt.runtime.metadata.demo.RuntimeApisDescription}.
 * The encoded bytes are committed as resources ({@link
 * io.basalt.runtime.metadata.demo.MetadataBlobs}); the Java runtime loads them and the Rust runtime
 * includes the same files, so the two cannot drift. The prose specification is {@code
 * docs/runtime-spec.md}.
 *
 * <pre>{@code
 * Bytes v15 = MetadataBlobs.load(101, MetadataVersion.V15);       // what the runtime serves
 * RuntimeDescription d = DemoRuntimeDescription.description(101);
 * long ed = BalancesPalletDescription.EXISTENTIAL_DEPOSIT.longValueExact();
 * }</pre>
 */
package io.basalt.runtime.metadata.demo;
