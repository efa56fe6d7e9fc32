/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

import io.basalt.primitives.crypto.bip39.Mnemonic;
import java.io.IOException;
import java.security.SecureRandom;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code key generate}: a random mnemonic and the key it gives, printed like {@code inspect}. */
@Command(
    name = "generate",
    description = "Generate a random account.",
    mixinStandardHelpOptions = true)
final class GenerateCommand extends KeySubcommand {
  @Option(
      names = {"-w", "--words"},
      paramLabel = "<WORDS>",
      description = "The number of words in the phrase: 12 (default), 15, 18, 21 or 24.")
  Integer words;

  @Mixin KeyOptions.Password password;
  @Mixin KeyOptions.Network network;
  @Mixin KeyOptions.Output output;
  @Mixin KeyOptions.Scheme scheme;

  @Override
  void execute() throws IOException {
    int count = words == null ? 12 : words;
    if (count != 12 && count != 15 && count != 18 && count != 21 && count != 24) {
      throw new KeyCommandException(
          "Invalid number of words given for phrase: must be 12/15/18/21/24");
    }
    String phrase = Mnemonic.generate(count, new SecureRandom()).phrase();
    KeyReport.printFromUri(
        out(), scheme.scheme, phrase, password.read(), network.network(), output.type);
  }
}
