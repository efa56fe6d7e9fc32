/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

import io.basalt.chainspec.ChainSpec;
import io.basalt.chainspec.InvalidChainSpecException;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.cli.options.SharedOptions;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.FileKeystore;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code key insert}: stores a secret URI in a node's key store, in Substrate's file layout.
 *
 * <p>The directory is {@code --keystore-path}, or else {@code <base path>/chains/<chain
 * id>/keystore}, where the chain id is the {@code id} of the chain spec {@code --chain} names (a
 * file or a built-in chain; {@code --dev} is the built-in {@code dev}) and the base path is {@code
 * -d/--base-path} or the default one, as sc-cli's {@code InsertKeyCmd}. Where sc-cli would insert
 * into a temporary base path ({@code --dev} without {@code -d}), deleted on exit, Basalt refuses.
 */
@Command(
    name = "insert",
    description = "Insert a key to the keystore of a node.",
    mixinStandardHelpOptions = true)
final class InsertCommand extends KeySubcommand {
  @Option(
      names = "--suri",
      paramLabel = "<SURI>",
      description = "The secret key URI; a file name means its content. Standard input if omitted.")
  String suri;

  @Option(
      names = "--key-type",
      paramLabel = "<KEY_TYPE>",
      required = true,
      description = "Key type, a 4-character sequence such as babe, gran or imon.")
  String keyType;

  @Option(
      names = "--scheme",
      paramLabel = "<SCHEME>",
      required = true,
      converter = KeyOptions.SchemeConverter.class,
      description = "The scheme of the key: sr25519, ed25519 or ecdsa.")
  KeyScheme scheme;

  @Mixin SharedOptions shared = new SharedOptions();

  @Option(
      names = "--keystore-path",
      paramLabel = "<PATH>",
      description = "The key store directory itself (overrides --base-path).")
  Path keystorePath;

  @Mixin KeyOptions.Password password;

  @Override
  void execute() throws IOException {
    KeyTypeId type;
    try {
      type = KeyTypeId.of(keyType);
    } catch (IllegalArgumentException e) {
      throw new KeyCommandException("Unknown key type, must be a known 4-character sequence");
    }
    Path dir = keystoreDirectory();
    String secret = KeyOptions.readUri(suri, parent.stdin(), "secret URI");
    Optional<String> pass = password.read();
    KeyPair pair;
    try {
      pair = scheme.fromSuri(secret, pass).pair();
    } catch (IllegalArgumentException e) {
      throw new KeyCommandException("Invalid phrase: " + e.getMessage());
    }
    new FileKeystore(dir, pass).insert(type, secret, pair.publicKey());
  }

  private Path keystoreDirectory() {
    if (keystorePath != null) {
      return keystorePath;
    }
    if (shared.chainIfGiven().isEmpty()) {
      throw new KeyCommandException(
          "no key store given: use --keystore-path <DIR>, or --chain <CHAIN_SPEC> (or --dev) for"
              + " <BASE_PATH>/chains/<chain id>/keystore");
    }
    try {
      BasePath base =
          shared
              .persistentBasePath()
              .orElseThrow(
                  () ->
                      new KeyCommandException(
                          "without -d the key would go to a temporary base path, deleted on exit:"
                              + " give -d <BASE_PATH> or --keystore-path <DIR>"));
      ChainSpec spec = ChainSpecs.load(shared.chain());
      return base.keystoreDir(spec.id());
    } catch (InvalidChainSpecException | InvalidConfigurationException e) {
      throw new KeyCommandException(e.getMessage());
    }
  }
}
