/* SPDX-License-Identifier: Apache-2.0 */
/**
 * The command line: {@link io.basalt.node.cli.NodeCommand} ({@code node}, runs the daemon) with the
 * subcommands in {@code cli.subcommand} and the option groups in {@code cli.options}, named as in
 * Substrate. {@link io.basalt.node.cli.ExitPolicy} is the one failure policy: a bad input or
 * configuration is one {@code Error: …} line and exit 1; a usage error adds clap's {@code For more
 * information, try '--help'.} (exit 2); running out of heap and bugs are one line too.
 *
 * <pre>{@code
 * CommandLine cli = NodeCommand.commandLine();
 * cli.setExecutionExceptionHandler(ExitPolicy::handleExecutionException);
 * cli.setParameterExceptionHandler(ExitPolicy::handleParameterException);
 * int exit = cli.execute("import-blocks", "--chain", "westend.json", "--binary", "blocks.bin");
 * }</pre>
 */
package io.basalt.node.cli;
