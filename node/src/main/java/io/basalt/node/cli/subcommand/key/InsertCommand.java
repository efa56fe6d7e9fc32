/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

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
 * id>/keystore} from {@code -d/--base-path} and {@code --chain-id} ({@code --dev} means chain id
 * {@code dev}). Unlike Substrate this does not load a chain spec to learn its id: give the id.
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

  @Option(
      names = {"-d", "--base-path"},
      paramLabel = "<PATH>",
      description = "The node's base path; the key store is <PATH>/chains/<chain id>/keystore.")
  Path basePath;

  @Option(
      names = "--chain-id",
      paramLabel = "<ID>",
      description = "The chain spec id (the \"id\" field) under the base path.")
  String chainId;

  @Option(names = "--dev", description = "Use the development chain id, dev.")
  boolean dev;

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
    String id = chainId != null ? chainId : dev ? "dev" : null;
    if (basePath == null || id == null) {
      throw new KeyCommandException(
          "no key store given: use --keystore-path <DIR>, or -d <BASE_PATH> with --chain-id <ID>"
              + " (or --dev)");
    }
    return FileKeystore.directory(basePath, id);
  }
}
