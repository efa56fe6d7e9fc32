/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.keystore;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.bip39.Mnemonic;
import io.basalt.primitives.json.JsonString;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileKeystoreTest extends KeystoreContractTest {
  @TempDir Path dir;

  @Override
  Keystore keystore(Optional<String> password) {
    return new FileKeystore(dir.resolve("keystore"), password);
  }

  @Test
  void usesSubstratesFileLayout() throws IOException {
    FileKeystore ks = new FileKeystore(FileKeystore.directory(dir, "dev"));
    ks.insert(KeyTypeId.BABE, "//Alice", ALICE_SR);
    Path file =
        dir.resolve(
            "chains/dev/keystore/62616265"
                + "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");
    assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo("\"//Alice\"");
    if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
      assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
          .isEqualTo("rw-------");
    }
  }

  @Test
  void readsKeyFilesWrittenBySubstrate() throws IOException {
    Path keystore = dir.resolve("substrate");
    Files.createDirectories(keystore);
    // serde_json escapes: a phrase with a password containing a quote and a backslash.
    Bytes pub = KeyScheme.SR25519.fromSuri("//Bob///p\"w\\", Optional.empty()).pair().publicKey();
    Files.writeString(
        keystore.resolve("61757261" + pub.toHex().substring(2)),
        "\"//Bob///p\\\"w\\\\\"\n",
        StandardCharsets.UTF_8);
    FileKeystore ks = new FileKeystore(keystore);
    assertThat(ks.publicKeys(KeyTypeId.AURA, KeyScheme.SR25519)).containsExactly(pub);
    // Unrelated files in the directory are ignored.
    Files.writeString(keystore.resolve("README"), "not a key");
    assertThat(ks.publicKeys(KeyTypeId.AURA, KeyScheme.SR25519)).containsExactly(pub);
  }

  @Test
  void seededKeysStayInMemoryAndRandomKeysArePersistedAsMnemonics() throws IOException {
    FileKeystore ks = new FileKeystore(dir.resolve("ks"));
    ks.generate(KeyTypeId.BABE, KeyScheme.SR25519, Optional.of("//Alice"));
    Bytes random = ks.generate(KeyTypeId.GRANDPA, KeyScheme.ED25519, Optional.empty());
    try (Stream<Path> files = Files.list(dir.resolve("ks"))) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly("6772616e" + random.toHex().substring(2));
    }
    String content =
        Files.readString(dir.resolve("ks").resolve("6772616e" + random.toHex().substring(2)));
    assertThat(Mnemonic.isValid(JsonString.decode(content))).isTrue();
    // A second key store on the same directory sees the persisted key only.
    FileKeystore reopened = new FileKeystore(dir.resolve("ks"));
    assertThat(reopened.publicKeys(KeyTypeId.GRANDPA, KeyScheme.ED25519)).containsExactly(random);
    assertThat(reopened.publicKeys(KeyTypeId.BABE, KeyScheme.SR25519)).isEmpty();
  }

  /**
   * A key file that is not a JSON string (or not text) is not a key: listing skips it, signing
   * finds nothing, the other keys still work, and the warning names the file once, not its content.
   */
  @Test
  void unusableKeyFilesAreSkippedWithOneWarningEach() throws IOException {
    Path keystore = dir.resolve("damaged");
    Files.createDirectories(keystore);
    Bytes bob = KeyScheme.SR25519.fromSuri("//Bob", Optional.empty()).pair().publicKey();
    Bytes charlie = KeyScheme.SR25519.fromSuri("//Charlie", Optional.empty()).pair().publicKey();
    Files.writeString(keystore.resolve("61757261" + ALICE_SR.toHex().substring(2)), "//Alice");
    Files.write(
        keystore.resolve("61757261" + charlie.toHex().substring(2)),
        new byte[] {'"', (byte) 0xff, (byte) 0xfe, '"'});
    Files.writeString(keystore.resolve("61757261" + bob.toHex().substring(2)), "\"//Bob\"");
    List<String> warnings = new ArrayList<>();
    FileKeystore ks = new FileKeystore(keystore, Optional.empty(), warnings::add);

    assertThat(ks.publicKeys(KeyTypeId.AURA, KeyScheme.SR25519)).containsExactly(bob);
    assertThat(ks.publicKeys(KeyTypeId.AURA, KeyScheme.SR25519)).containsExactly(bob);
    byte[] message = "m".getBytes(StandardCharsets.UTF_8);
    assertThat(ks.sign(KeyTypeId.AURA, KeyScheme.SR25519, ALICE_SR, message)).isEmpty();
    assertThat(ks.sign(KeyTypeId.AURA, KeyScheme.SR25519, charlie, message)).isEmpty();
    assertThat(ks.sign(KeyTypeId.AURA, KeyScheme.SR25519, bob, message)).isPresent();
    assertThat(ks.hasKeys(List.of(new Keystore.KeyReference(KeyTypeId.AURA, ALICE_SR)))).isFalse();

    assertThat(warnings).hasSize(2);
    assertThat(warnings)
        .anySatisfy(
            w ->
                assertThat(w)
                    .contains(ALICE_SR.toHex().substring(2))
                    .contains("does not hold a JSON string"))
        .anySatisfy(w -> assertThat(w).contains(charlie.toHex().substring(2)).contains("UTF-8"))
        .allSatisfy(w -> assertThat(w).doesNotContain("//Alice").contains("not used as a key"));
  }
}
