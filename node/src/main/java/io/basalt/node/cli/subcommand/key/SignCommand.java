/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.KeyPair;
import java.io.IOException;
import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code key sign}: signs a message (from {@code --message} or standard input) with a secret URI
 * and prints the {@code 0x}-hex signature, without a trailing newline, as sc-cli does.
 */
@Command(
    name = "sign",
    description = "Sign a message, with a given (secret) key.",
    mixinStandardHelpOptions = true)
final class SignCommand extends KeySubcommand {
  @Option(
      names = "--suri",
      paramLabel = "<SURI>",
      description = "The secret key URI; a file name means its content.",
      required = true)
  String suri;

  @Mixin KeyOptions.Message message;
  @Mixin KeyOptions.Password password;
  @Mixin KeyOptions.Scheme scheme;

  @Override
  void execute() throws IOException {
    InputStream stdin = parent.stdin();
    String secret = KeyOptions.readUri(suri, stdin, "secret URI");
    KeyPair pair;
    try {
      pair = scheme.scheme.fromSuri(secret, password.read()).pair();
    } catch (IllegalArgumentException e) {
      throw new KeyCommandException("Invalid phrase: " + e.getMessage());
    }
    out().print(Hex.encode(pair.sign(message.read(stdin))));
  }
}
