/* SPDX-License-Identifier: Apache-2.0 */
/**
 * Option groups shared by commands, one class per group as in sc-cli's {@code params}: {@link
 * io.basalt.node.cli.options.SharedOptions} ({@code --chain}, {@code --dev}, {@code -d}, {@code
 * --tmp}, {@code -l}), {@link io.basalt.node.cli.options.ImportOptions} ({@code --wasm-execution},
 * {@code --enable-offchain-indexing}), {@link io.basalt.node.cli.options.PrometheusOptions} ({@code
 * --prometheus-port}, {@code --prometheus-external}, {@code --no-prometheus}), {@link
 * io.basalt.node.cli.options.TransactionPoolOptions} ({@code --pool-limit}, {@code --pool-kbytes},
 * {@code --tx-ban-seconds}) and {@link io.basalt.node.cli.options.RpcOptions} ({@code --rpc-*},
 * folded into the rpc module's {@code RpcServerConfig}). Each folds into a config record.
 *
 * <pre>{@code
 * @ArgGroup(validate = false, heading = "%nExecution:%n")
 * private ImportOptions imports = new ImportOptions();
 * ImportConfig config = imports.toConfig();
 * }</pre>
 */
package io.basalt.node.cli.options;
