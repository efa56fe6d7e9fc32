/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The command line: {@link io.basalt.node.cli.NodeCommand} ({@code node}, runs the daemon) with the
 * subcommands in {@code cli.subcommand} and the option groups in {@code cli.options}, named as in
 * Substrate. {@link io.basalt.node.cli.ExitPolicy} turns failures into exit codes: a bad input or
 * configuration is one {@code Error: …} line and exit 1; usage errors are picocli's (exit 2).
 *
 * <pre>{@code
 * CommandLine cli = NodeCommand.commandLine();
 * cli.setExecutionExceptionHandler(ExitPolicy::handleExecutionException);
 * int exit = cli.execute("import-blocks", "--chain", "westend.json", "--binary", "blocks.bin");
 * }</pre>
 */
package io.basalt.node.cli;
