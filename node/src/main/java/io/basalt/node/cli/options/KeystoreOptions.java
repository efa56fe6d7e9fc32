/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.config.KeystoreConfig;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Option;

/** Where the node's keys live and which dev account's keys to add (sc-cli's KeystoreParams). */
public final class KeystoreOptions {

  @Option(
      names = "--keystore-path",
      paramLabel = "PATH",
      description = "The keystore folder (default: <base path>/chains/<chain id>/keystore).")
  private Path keystorePath;

  @Option(names = "--alice", description = "Add //Alice's dev keys to the keystore (in memory).")
  private boolean alice;

  @Option(names = "--bob", description = "Add //Bob's dev keys to the keystore (in memory).")
  private boolean bob;

  @Option(
      names = "--charlie",
      description = "Add //Charlie's dev keys to the keystore (in memory).")
  private boolean charlie;

  @Option(names = "--dave", description = "Add //Dave's dev keys to the keystore (in memory).")
  private boolean dave;

  @Option(names = "--eve", description = "Add //Eve's dev keys to the keystore (in memory).")
  private boolean eve;

  @Option(names = "--ferdie", description = "Add //Ferdie's dev keys to the keystore (in memory).")
  private boolean ferdie;

  /**
   * Folds the options; {@code --dev} implies {@code --alice} unless another account is chosen.
   *
   * @throws InvalidConfigurationException if more than one dev account is chosen
   */
  public KeystoreConfig toConfig(boolean dev) {
    List<String> chosen = new ArrayList<>();
    addIf(chosen, alice, "Alice");
    addIf(chosen, bob, "Bob");
    addIf(chosen, charlie, "Charlie");
    addIf(chosen, dave, "Dave");
    addIf(chosen, eve, "Eve");
    addIf(chosen, ferdie, "Ferdie");
    if (chosen.size() > 1) {
      throw new InvalidConfigurationException(
          "only one of --alice, --bob, --charlie, --dave, --eve, --ferdie may be given");
    }
    Optional<String> account =
        chosen.isEmpty()
            ? (dev ? Optional.of("Alice") : Optional.empty())
            : Optional.of(chosen.get(0));
    return new KeystoreConfig(
        Optional.ofNullable(keystorePath).map(p -> p.toAbsolutePath().normalize()), account);
  }

  private static void addIf(List<String> chosen, boolean flag, String name) {
    if (flag) {
      chosen.add(name);
    }
  }
}
