/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Runtime upgrade rehearsal ({@code node try-upgrade}): on a throw-away copy of a chain, check new
 * code as {@code set_code} would, apply it, build the upgrade block and more through the node's own
 * block building, and report what the migration did (events, storage diff, weight, proof size,
 * TryRuntime checks, native-vs-Wasm divergences).
 */
package io.basalt.node.upgrade;
