/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.bip39.Mnemonic;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.crypto.ss58.Ss58AddressFormat;
import io.basalt.primitives.hash.Hashing;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class KeyCommandTest {
  private static final String ALICE_PUBLIC =
      "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
  private static final String ALICE_SS58 = "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY";
  private static final String DEV_PHRASE =
      "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

  record Run(int exitCode, String out, String err) {}

  private static Run runWithInput(String stdin, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli =
        new CommandLine(
            new KeyCommand(new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8))));
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    int code = cli.execute(args);
    return new Run(code, out.toString(), err.toString());
  }

  private static Run run(String... args) {
    return runWithInput("", args);
  }

  @Test
  void inspectAliceMatchesSubkeyOutputExactly() {
    Run r = run("inspect", "//Alice");
    assertThat(r.exitCode()).isZero();
    assertThat(r.out())
        .isEqualTo(
            """
            Secret Key URI `//Alice` is account:
              Network ID:        substrate
              Secret seed:       0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a
              Public key (hex):  0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
              Account ID:        0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
              Public key (SS58): 5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
              SS58 Address:      5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
            """);
  }

  @Test
  void inspectBobGivesBobsKey() {
    assertThat(run("inspect", "//Bob").out())
        .contains(
            "Public key (hex):  0x8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
  }

  @Test
  void inspectPhraseUsesTheSecretPhraseLayout() {
    Run r = run("inspect", DEV_PHRASE, "--network", "polkadot");
    assertThat(r.out())
        .startsWith("Secret phrase:       " + DEV_PHRASE + "\n  Network ID:        polkadot\n")
        .contains(
            "Secret seed:       0xfac7959dbfe72f052e5a0c3c8d6530f202b02fd8f9f5ca3580ec8deb7797479e");
  }

  @Test
  void softDerivedKeysHaveNoSeed() {
    assertThat(run("inspect", "//Alice/stash").out()).contains("Secret seed:       n/a\n");
  }

  @Test
  void networkChangesTheAddresses() {
    Run r = run("inspect", "//Alice", "-n", "polkadot");
    assertThat(r.out())
        .contains("Network ID:        polkadot")
        .contains("SS58 Address:      15oF4uVJwmo4TdGW7VfQxNLavjCXviqxT9S1MgbjMNHr6Sp5");
    assertThat(run("inspect", "//Alice", "--network", "7391").out())
        .contains("Network ID:        unique_mainnet");
  }

  /**
   * Every address {@code --network} prints decodes again (to that prefix and the account); the
   * reserved prefixes 46 and 47, which SS58 decoders refuse, are refused up front, by number or by
   * registry name.
   */
  @Test
  void networkAddressesAlwaysDecodeAndReservedPrefixesAreRefused() {
    for (String network : new String[] {"0", "2", "45", "48", "63", "64", "255", "16383"}) {
      Run r = run("inspect", "//Alice", "--network", network);
      assertThat(r.exitCode()).as(r.err()).isZero();
      String address =
          r.out().lines().filter(l -> l.contains("SS58 Address:")).findFirst().orElseThrow();
      Ss58.Address decoded = Ss58.decode(address.substring(address.lastIndexOf(' ') + 1));
      assertThat(decoded.format().prefix()).isEqualTo(Integer.parseInt(network));
      assertThat(decoded.payload()).isEqualTo(Bytes.fromHex(ALICE_PUBLIC));
    }
    for (String reserved : new String[] {"46", "47", "reserved46", "Reserved47"}) {
      for (String command : new String[] {"inspect", "generate"}) {
        String[] args =
            command.equals("inspect")
                ? new String[] {"inspect", "//Alice", "--network", reserved}
                : new String[] {"generate", "--network", reserved};
        Run r = run(args);
        assertThat(r.exitCode()).as("%s --network %s", command, reserved).isEqualTo(2);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("is reserved").contains("FormatNotAllowed");
      }
    }
  }

  @Test
  void ecdsaAccountIdIsTheHashOfThePublicKey() {
    Run r = run("inspect", "--scheme", "ecdsa", "//Alice");
    String publicKey = "0x020a1091341fe5664bfa1782d5e04779689068c916b04cb365ec3153755684d9a1";
    Bytes accountId = Bytes.wrap(Hashing.blake2b256(Hex.decode(publicKey)));
    assertThat(r.out())
        .contains("Public key (hex):  " + publicKey)
        .contains("Account ID:        " + accountId.toHex())
        .contains(
            "Public key (SS58): "
                + Ss58.encode(Bytes.fromHex(publicKey), Ss58AddressFormat.SUBSTRATE))
        .contains("SS58 Address:      " + Ss58.encode(accountId, Ss58AddressFormat.SUBSTRATE));
  }

  @Test
  void jsonOutputUsesSubstratesFieldNamesSorted() {
    Run r = run("inspect", "--output-type", "json", "//Alice");
    assertThat(r.out())
        .isEqualTo(
            """
            {
              "accountId": "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
              "networkId": "substrate",
              "publicKey": "0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d",
              "secretKeyUri": "//Alice",
              "secretSeed": "0xe5be9a5092b81bca64be81d212e7f2f9eba183bb7a90954f7b76361f6edb5c0a",
              "ss58Address": "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY",
              "ss58PublicKey": "5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY"
            }
            """);
  }

  @Test
  void inspectPublicKeyAndPublicUri() {
    assertThat(run("inspect", "--public", ALICE_PUBLIC).out())
        .isEqualTo(
            """
            Network ID/Version: substrate
              Public key (hex):   0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
              Account ID:         0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d
              Public key (SS58):  5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
              SS58 Address:       5GrwvaEF5zXb26Fz9rcQpDWS57CtERHpNehXCPcNoHGKutQY
            """);
    String soft =
        KeyScheme.SR25519.fromSuri("//Alice/soft", Optional.empty()).pair().publicKey().toHex();
    Run r = run("inspect", ALICE_SS58 + "/soft");
    assertThat(r.out())
        .startsWith(
            "Public Key URI `"
                + ALICE_SS58
                + "/soft` is account:\n  Network ID/Version: substrate\n")
        .contains("Public key (hex):   " + soft);
  }

  /** {@code --public} takes a hex public key of every scheme, with or without 0x, as sc-cli. */
  @Test
  void inspectPublicTakesHexKeysOfEveryScheme() {
    for (KeyScheme scheme : KeyScheme.values()) {
      Bytes key = scheme.fromSuri("//Alice", Optional.empty()).pair().publicKey();
      String name = scheme.name().toLowerCase(java.util.Locale.ROOT);
      String ss58 = Ss58.encode(key, Ss58AddressFormat.SUBSTRATE);
      Run text = run("inspect", "--public", "--scheme", name, key.toHex());
      assertThat(text.exitCode()).as(text.err()).isZero();
      assertThat(text.out())
          .isEqualTo(
              "Network ID/Version: substrate\n"
                  + "  Public key (hex):   "
                  + key.toHex()
                  + "\n  Account ID:         "
                  + scheme.accountId(key).toHex()
                  + "\n  Public key (SS58):  "
                  + ss58
                  + "\n  SS58 Address:       "
                  + ss58
                  + "\n");
      Run bare = run("inspect", "--public", "--scheme", name, key.toHex().substring(2));
      assertThat(bare.out()).isEqualTo(text.out());
      Run json = run("inspect", "--public", "--scheme", name, "--output-type", "json", key.toHex());
      assertThat(json.out()).contains("\"publicKey\": \"" + key.toHex() + "\"");
      Run wrongLength = run("inspect", "--public", "--scheme", name, key.toHex() + "00");
      assertThat(wrongLength.err())
          .isEqualTo("Error: Failed to construct public key from given hex\n");
    }
    // Without --public a 33-byte hex key is neither a seed nor an address: say what to do.
    Bytes ecdsa = KeyScheme.ECDSA.fromSuri("//Alice", Optional.empty()).pair().publicKey();
    Run withoutFlag = run("inspect", "--scheme", "ecdsa", ecdsa.toHex());
    assertThat(withoutFlag.exitCode()).isEqualTo(1);
    assertThat(withoutFlag.err())
        .isEqualTo(
            "Error: Invalid phrase/URI given: this looks like a hex public key: pass --public to"
                + " inspect it\n");
  }

  /** A public URI may be 0x-hex with soft junctions, as sp-core's Public::from_string reads it. */
  @Test
  void publicUrisMayBeHexKeysOfEverySchemeWithSoftJunctions() {
    for (KeyScheme scheme : KeyScheme.values()) {
      Bytes key = scheme.fromSuri("//Alice", Optional.empty()).pair().publicKey();
      assertThat(KeyReport.publicFromUri(scheme, key.toHex()).key()).isEqualTo(key);
      assertThat(KeyReport.publicFromUri(scheme, Ss58.encode(key, Ss58AddressFormat.SUBSTRATE)))
          .isEqualTo(new KeyReport.PublicKey(key, Ss58AddressFormat.SUBSTRATE));
      assertThatThrownBy(() -> KeyReport.publicFromUri(scheme, key.toHex() + "00"))
          .hasMessageContaining("public key is " + scheme.publicKeyLength() + " bytes, got");
    }
    Bytes soft = KeyScheme.SR25519.fromSuri("//Alice/soft", Optional.empty()).pair().publicKey();
    assertThat(KeyReport.publicFromUri(KeyScheme.SR25519, ALICE_PUBLIC + "/soft").key())
        .isEqualTo(soft);
    // key verify reads its key that way: a signature by //Alice/soft verifies against 0x…/soft.
    Run sign = runWithInput("hello", "sign", "--suri", "//Alice/soft");
    Run verify = run("verify", sign.out(), ALICE_PUBLIC + "/soft", "--message", "hello");
    assertThat(verify.exitCode()).as(verify.err()).isZero();
    assertThat(verify.out()).isEqualTo("Signature verifies correctly.\n");
  }

  /** A mistyped address is reported as an SS58 error, not as a bad mnemonic. */
  @Test
  void inspectReportsTheSs58ErrorOfSomethingThatLooksLikeAnAddress() {
    String badChecksum = ALICE_SS58.substring(0, ALICE_SS58.length() - 1) + "Z";
    Run r = run("inspect", badChecksum);
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.err())
        .isEqualTo("Error: Invalid phrase/URI given: invalid SS58 address: invalid checksum\n");
    assertThat(run("inspect", badChecksum + "/soft").err())
        .isEqualTo("Error: Invalid phrase/URI given: invalid SS58 address: invalid checksum\n");
    assertThat(run("inspect", ALICE_SS58.substring(0, 20)).err())
        .startsWith("Error: Invalid phrase/URI given: invalid SS58 address: bad length");
    assertThat(run("inspect", "--scheme", "ecdsa", ALICE_SS58).err())
        .isEqualTo(
            "Error: Invalid phrase/URI given: invalid SS58 address: bad length: it holds 32 bytes,"
                + " expected 33\n");
    // Words are still reported as a bad phrase.
    assertThat(run("inspect", "bottom drive obey").err()).contains("12");
  }

  @Test
  void expectPublicChecksTheBareUri() {
    assertThat(run("inspect", "//Alice//stash", "--expect-public", ALICE_PUBLIC).exitCode())
        .isEqualTo(1);
    String root =
        KeyScheme.SR25519.fromPhrase(DEV_PHRASE, Optional.empty()).pair().publicKey().toHex();
    assertThat(run("inspect", "//Alice", "--expect-public", root).exitCode()).isZero();
    Run bad = run("inspect", DEV_PHRASE, "--expect-public", ALICE_PUBLIC);
    assertThat(bad.err())
        .isEqualTo("Error: Expected public (" + ALICE_PUBLIC + ") key does not match.\n");
  }

  @Test
  void inspectReadsTheUriFromAFileOrStandardInput(@TempDir Path tmp) throws IOException {
    Path file = tmp.resolve("uri");
    Files.writeString(file, "//Alice\n");
    assertThat(run("inspect", file.toString()).out())
        .contains("Public key (hex):  " + ALICE_PUBLIC);
    assertThat(runWithInput("//Alice\n", "inspect").out())
        .contains("Public key (hex):  " + ALICE_PUBLIC);
  }

  @Test
  void invalidUrisGiveOneLineErrorsWithoutEchoingSecrets() {
    Run r = run("inspect", "not.a.valid uri");
    assertThat(r.exitCode()).isEqualTo(1);
    assertThat(r.out()).isEmpty();
    assertThat(r.err()).startsWith("Error: Invalid phrase/URI given").endsWith("\n");
    assertThat(r.err().lines()).hasSize(1);
    Run phrase =
        run("inspect", "bottom drive obey lake curtain smoke basket hold race lonely fit wall");
    assertThat(phrase.err()).doesNotContain("bottom").contains("checksum");
    assertThat(run("inspect", "--scheme", "rsa", "//Alice").exitCode()).isEqualTo(2);
  }

  @Test
  void generateMakesAValidMnemonicKey() {
    Run r = run("generate", "--words", "24", "--scheme", "ed25519", "--output-type", "json");
    assertThat(r.exitCode()).isZero();
    String phrase =
        r.out().lines().filter(l -> l.contains("secretPhrase")).findFirst().orElseThrow();
    String words = phrase.substring(phrase.indexOf(": \"") + 3, phrase.lastIndexOf('"'));
    assertThat(Mnemonic.parse(words).wordCount()).isEqualTo(24);
    String expected =
        KeyScheme.ED25519.fromPhrase(words, Optional.empty()).pair().publicKey().toHex();
    assertThat(r.out()).contains("\"publicKey\": \"" + expected + "\"");
    assertThat(run("generate").out()).startsWith("Secret phrase:       ");
    Run bad = run("generate", "-w", "13");
    assertThat(bad.exitCode()).isEqualTo(1);
    assertThat(bad.err())
        .isEqualTo("Error: Invalid number of words given for phrase: must be 12/15/18/21/24\n");
  }

  @Test
  void signAndVerifyRoundTripForEveryScheme() {
    for (String scheme : new String[] {"sr25519", "ed25519", "ecdsa"}) {
      Run sign = runWithInput("hello", "sign", "--suri", "//Alice", "--scheme", scheme);
      assertThat(sign.exitCode()).isZero();
      assertThat(sign.out()).startsWith("0x").doesNotEndWith("\n");
      String publicKey =
          KeyScheme.parse(scheme).fromSuri("//Alice", Optional.empty()).pair().publicKey().toHex();
      Run verify = runWithInput("hello", "verify", sign.out(), publicKey, "--scheme", scheme);
      assertThat(verify.out()).isEqualTo("Signature verifies correctly.\n");
      Run wrong = run("verify", sign.out(), publicKey, "--scheme", scheme, "--message", "bye");
      assertThat(wrong.exitCode()).isEqualTo(1);
      assertThat(wrong.err()).isEqualTo("Error: Signature verification failed\n");
    }
  }

  @Test
  void verifiesSubkeySignaturesWithMessagesAndHex() {
    String sig1 =
        "0x4eb25a2285a82374888880af0024eb30c3a21ce086eae3862888d345af607f0ad6fb081312f11730932564f24a9f8ebcee2d46861413ae61307eca58db2c3e81";
    String sig2 =
        "0x026342225155056ea797118c1c8c8b3cc002aa2020c36f4217fa3c302783a572ad3dcd38c231cbaf86cadb93984d329c963ceac0685cc1ee4c1ed50fa443a68f";
    assertThat(run("verify", sig1, ALICE_SS58, "--message", "test message").exitCode()).isZero();
    assertThat(runWithInput("test message", "verify", sig1, ALICE_SS58).exitCode()).isZero();
    assertThat(run("verify", sig2, ALICE_SS58, "--message", "0xaabbcc", "--hex").exitCode())
        .isZero();
    assertThat(runWithInput("aABBcC", "verify", sig2, ALICE_SS58, "--hex").exitCode()).isZero();
    assertThat(run("verify", "0x1234", ALICE_SS58, "--message", "x").err())
        .isEqualTo("Error: Signature is an invalid format.\n");
    assertThat(run("verify", sig1, "0x1234", "--message", "x").err())
        .isEqualTo("Error: Key is an invalid format.\n");
  }

  @Test
  void ed25519SignaturesAreDeterministic() {
    Run a = run("sign", "--suri", "//Alice", "--scheme", "ed25519", "--message", "0x00ff", "--hex");
    Run b = run("sign", "--suri", "//Alice", "--scheme", "ed25519", "--message", "0x00ff", "--hex");
    assertThat(a.out()).isEqualTo(b.out()).hasSize(2 + 128);
  }

  @Test
  void insertWritesSubstratesKeyFile(@TempDir Path tmp) throws IOException {
    Run r =
        run(
            "insert",
            "-d",
            tmp.toString(),
            "--chain",
            "local",
            "--key-type",
            "gran",
            "--scheme",
            "ed25519",
            "--suri",
            "//Alice");
    assertThat(r.exitCode()).as(r.err()).isZero();
    Path file =
        tmp.resolve(
            "chains/local_testnet/keystore/6772616e"
                + "88dc3417d5058ec4b4503e0c12ea1a0a89be200fe98922423d4334014fa6b0ee");
    assertThat(Files.readString(file)).isEqualTo("\"//Alice\"");

    Path dir = tmp.resolve("explicit");
    assertThat(
            runWithInput(
                    "//Bob\n",
                    "insert",
                    "--keystore-path",
                    dir.toString(),
                    "--key-type",
                    "babe",
                    "--scheme",
                    "sr25519")
                .exitCode())
        .isZero();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .containsExactly(
              "62616265" + "8eaf04151687736326c9fea17e25fc5287613693c912909cb226aa4794f26a48");
    }
  }

  /**
   * {@code --chain} takes a chain spec file or a built-in chain and puts the key under that spec's
   * id, as sc-cli's {@code key insert --chain}; {@code --dev} is the built-in {@code dev}.
   */
  @Test
  void insertFindsTheKeystoreThroughTheChainSpec(@TempDir Path tmp) throws IOException {
    io.basalt.node.NodeCli spec = io.basalt.node.NodeCli.run("build-spec", "--chain", "local");
    assertThat(spec.exitCode()).as(spec.err()).isZero();
    Path file = tmp.resolve("my-spec.json");
    Files.writeString(
        file, spec.out().replaceFirst("\"id\": \"local_testnet\"", "\"id\": \"my_chain\""));
    String alice = "d43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d";
    String[] common = {"--key-type", "aura", "--scheme", "sr25519", "--suri", "//Alice"};
    for (String[] location :
        new String[][] {
          {"--chain", file.toString()}, {"--chain", "dev"}, {"--dev"}, {"--chain", "local"}
        }) {
      List<String> args = new ArrayList<>(List.of("insert", "--base-path", tmp.toString()));
      args.addAll(List.of(location));
      args.addAll(List.of(common));
      Run r = run(args.toArray(String[]::new));
      assertThat(r.exitCode()).as("%s: %s", List.of(location), r.err()).isZero();
    }
    for (String id : new String[] {"my_chain", "dev", "local_testnet"}) {
      assertThat(tmp.resolve("chains/" + id + "/keystore/61757261" + alice))
          .as(id)
          .hasContent("\"//Alice\"");
    }
  }

  @Test
  void insertRejectsBadKeyTypesAndMissingLocations(@TempDir Path tmp) {
    Run badType =
        run(
            "insert",
            "--keystore-path",
            tmp.toString(),
            "--key-type",
            "grandpa",
            "--scheme",
            "ed25519",
            "--suri",
            "//Alice");
    assertThat(badType.err())
        .isEqualTo("Error: Unknown key type, must be a known 4-character sequence\n");
    Run nowhere = run("insert", "--key-type", "gran", "--scheme", "ed25519", "--suri", "//Alice");
    assertThat(nowhere.exitCode()).isEqualTo(1);
    assertThat(nowhere.err()).contains("--keystore-path").contains("--chain");
    Run temporary =
        run("insert", "--dev", "--key-type", "gran", "--scheme", "ed25519", "--suri", "//Alice");
    assertThat(temporary.exitCode()).isEqualTo(1);
    assertThat(temporary.err())
        .isEqualTo(
            "Error: without -d the key would go to a temporary base path, deleted on exit: give"
                + " -d <BASE_PATH> or --keystore-path <DIR>\n");
    Run missingSpec =
        run(
            "insert",
            "-d",
            tmp.toString(),
            "--chain",
            tmp.resolve("no-such-spec.json").toString(),
            "--key-type",
            "gran",
            "--scheme",
            "ed25519",
            "--suri",
            "//Alice");
    assertThat(missingSpec.exitCode()).isEqualTo(1);
    assertThat(missingSpec.err()).startsWith("Error: ").contains("no-such-spec.json");
    assertThat(missingSpec.err().lines()).hasSize(1);
    assertThat(run("insert", "--key-type", "gran", "--suri", "//Alice").exitCode()).isEqualTo(2);
  }
}
