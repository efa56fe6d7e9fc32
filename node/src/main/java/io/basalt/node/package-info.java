/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The Basalt node: {@link io.basalt.node.Main} runs the picocli command line, which wires storage
 * (RocksDB, the state trie, the block store), the executor (Chicory, the host API) and the chain
 * specs together.
 *
 * <p>Packages: {@code cli} (commands and option groups), {@code config} (the immutable
 * configuration they produce), {@code chain} (chain specs, genesis, the chain database), {@code
 * runtime} (runtime execution for the node: cached blobs, genesis building, version JSON), {@code
 * importer} (block import and Substrate's block files), {@code offchain} (the offchain database)
 * and {@code service} (the running daemon, logging).
 *
 * <pre>{@code
 * int exit = Main.run(new String[] {"chain-info", "--chain", "westend.json", "--tmp"}, out, err);
 * }</pre>
 */
package io.basalt.node;
