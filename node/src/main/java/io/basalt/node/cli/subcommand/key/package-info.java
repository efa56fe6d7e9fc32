/* SPDX-License-Identifier: Apache-2.0 */
/**
 * {@code node key}: Substrate's key utilities on the command line ({@code generate}, {@code
 * inspect}, {@code sign}, {@code verify}, {@code insert}), with sc-cli's flags, text layout and
 * JSON field names, built on {@code io.basalt.primitives.crypto}.
 *
 * <pre>{@code
 * node key inspect //Alice
 * node key generate --scheme ed25519 --output-type json
 * echo -n hello | node key sign --suri //Alice
 * node key insert -d /var/lib/basalt --chain dev --key-type babe --scheme sr25519 --suri //Alice
 * }</pre>
 *
 * <p>Errors are one line on stderr ({@code Error: ...}) with exit code 1; picocli usage errors exit
 * with 2. Secrets are printed only where Substrate prints them (the phrase and seed in {@code
 * inspect}/{@code generate} output), never in errors.
 */
package io.basalt.node.cli.subcommand.key;
