/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The subcommands: {@code chain-info}, {@code build-spec [--raw]}, {@code purge-chain}, {@code
 * import-blocks [--binary] [FILE|-]}, {@code export-blocks [--from N] [--to M] [--binary] [FILE|-]}
 * and {@code inspect-runtime (--chain X | --wasm FILE)}. Each loads the chain spec, builds genesis
 * with the node's runtimes when needed, works on the chain database and prints Substrate-shaped
 * output.
 *
 * <pre>
 * node import-blocks --chain westend.json -d /data --binary westend.bin
 * node export-blocks --chain westend.json -d /data --from 1 --to 128 --binary out.bin
 * node inspect-runtime --wasm westend-runtime-v9300.wasm
 * </pre>
 */
package io.basalt.node.cli.subcommand;
