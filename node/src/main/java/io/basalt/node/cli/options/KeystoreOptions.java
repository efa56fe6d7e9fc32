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

  @Option(
      names = "--alice",
      description = "Shortcut for --name Alice --validator, with //Alice's dev keys in memory.")
  private boolean alice;

  @Option(
      names = "--bob",
      description = "Shortcut for --name Bob --validator, with //Bob's dev keys in memory.")
  private boolean bob;

  @Option(
      names = "--charlie",
      description = "Shortcut for --name Charlie --validator, with //Charlie's dev keys in memory.")
  private boolean charlie;

  @Option(
      names = "--dave",
      description = "Shortcut for --name Dave --validator, with //Dave's dev keys in memory.")
  private boolean dave;

  @Option(
      names = "--eve",
      description = "Shortcut for --name Eve --validator, with //Eve's dev keys in memory.")
  private boolean eve;

  @Option(
      names = "--ferdie",
      description = "Shortcut for --name Ferdie --validator, with //Ferdie's dev keys in memory.")
  private boolean ferdie;

  /**
   * Folds the options; {@code --dev} implies {@code --alice} unless another account is chosen.
   *
   * @throws InvalidConfigurationException if more than one dev account is chosen
   */
  public KeystoreConfig toConfig(boolean dev) {
    Optional<String> chosen = chosenAccount();
    Optional<String> account = chosen.isEmpty() && dev ? Optional.of("Alice") : chosen;
    return new KeystoreConfig(
        Optional.ofNullable(keystorePath).map(p -> p.toAbsolutePath().normalize()), account);
  }

  /**
   * The dev account named by {@code --alice} .. {@code --ferdie} (not the one {@code --dev}
   * implies): sc-cli's keyring, which also makes the node an authority named after it.
   *
   * @throws InvalidConfigurationException if more than one is given
   */
  public Optional<String> chosenAccount() {
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
    return chosen.stream().findFirst();
  }

  private static void addIf(List<String> chosen, boolean flag, String name) {
    if (flag) {
      chosen.add(name);
    }
  }
}
