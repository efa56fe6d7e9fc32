/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.node.LogCapture;
import io.basalt.node.cli.options.KeystoreOptions;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.KeystoreConfig;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.primitives.crypto.keystore.Keystore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class NodeKeysTest {

  private static KeystoreConfig parse(boolean dev, String... args) {
    KeystoreOptions options = new KeystoreOptions();
    new CommandLine(options).parseArgs(args);
    return options.toConfig(dev);
  }

  @Test
  void devAccountFlagsAddThatAccountsKeysInMemoryOnly(@TempDir Path base) throws Exception {
    Keystore keystore = NodeKeys.open(parse(false, "--bob"), new BasePath(base, false), "dev");
    assertThat(keystore.publicKeys(KeyTypeId.AURA, KeyScheme.SR25519))
        .containsExactly(key(KeyScheme.SR25519, "//Bob"));
    assertThat(keystore.publicKeys(KeyTypeId.GRANDPA, KeyScheme.ED25519))
        .containsExactly(key(KeyScheme.ED25519, "//Bob"));
    assertThat(keystore.publicKeys(KeyTypeId.BEEFY, KeyScheme.ECDSA))
        .containsExactly(key(KeyScheme.ECDSA, "//Bob"));
    Path folder = base.resolve("chains/dev/keystore");
    if (Files.exists(folder)) {
      assertThat(folder).as("dev keys are never written to the keystore folder").isEmptyDirectory();
    }
  }

  @Test
  void devImpliesAliceUnlessAnotherAccountIsChosen() {
    assertThat(parse(true).devAccount()).contains("Alice");
    assertThat(parse(true, "--eve").devAccount()).contains("Eve");
    assertThat(parse(false).devAccount()).isEmpty();
    assertThatThrownBy(() -> parse(false, "--alice", "--bob"))
        .hasMessage("only one of --alice, --bob, --charlie, --dave, --eve, --ferdie may be given");
  }

  @Test
  void keystorePathOverridesTheDefaultFolder(@TempDir Path dir) {
    KeystoreConfig config = parse(false, "--keystore-path", dir.resolve("keys").toString());
    assertThat(config.path()).contains(dir.resolve("keys").toAbsolutePath());
    Keystore keystore = NodeKeys.open(config, new BasePath(dir, false), "dev");
    keystore.insert(KeyTypeId.AURA, "//Charlie", key(KeyScheme.SR25519, "//Charlie"));
    assertThat(dir.resolve("keys"))
        .isDirectoryContaining(p -> p.getFileName().toString().startsWith("61757261"));
  }

  @Test
  void aKeyFileThatIsNotAJsonStringIsLoggedAndSkipped(@TempDir Path base) throws Exception {
    Path folder = base.resolve("chains/dev/keystore");
    Files.createDirectories(folder);
    String alice = key(KeyScheme.SR25519, "//Alice").toHex().substring(2);
    Files.writeString(folder.resolve("61757261" + alice), "//Alice, not JSON");
    Keystore keystore = NodeKeys.open(parse(false, "--bob"), new BasePath(base, false), "dev");
    LogCapture.Captured<java.util.List<io.basalt.primitives.bytes.Bytes>> listed =
        LogCapture.run(() -> keystore.publicKeys(KeyTypeId.AURA, KeyScheme.SR25519));
    assertThat(listed.result()).containsExactly(key(KeyScheme.SR25519, "//Bob"));
    assertThat(listed.lines())
        .singleElement()
        .satisfies(
            line ->
                assertThat(line)
                    .contains("61757261" + alice)
                    .contains("does not hold a JSON string")
                    .doesNotContain("//Alice"));
  }

  private static io.basalt.primitives.bytes.Bytes key(KeyScheme scheme, String suri) {
    return scheme.fromSuri(suri, Optional.empty()).pair().publicKey();
  }
}
