/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The offchain database: {@link io.basalt.node.offchain.DatabaseOffchainStorage} implements the
 * executor's {@code OffchainStorage} seam over the node database's {@code OFFCHAIN} column, in
 * Substrate's layout (PERSISTENT space under the prefix {@code storage}). Block import writes the
 * {@code ext_offchain_index_*} changes to the same keys when {@code --enable-offchain-indexing
 * true} is given, so offchain workers read what the runtime indexed.
 *
 * <pre>{@code
 * OffchainStorage storage = new DatabaseOffchainStorage(kv);
 * HostServices services = Runtimes.services().withOffchain(context, storage);
 * }</pre>
 */
package io.basalt.node.offchain;
