/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

/** A {@code key} subcommand cannot do what was asked; the message is shown as one line. */
final class KeyCommandException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  KeyCommandException(String message) {
    super(message);
  }
}
