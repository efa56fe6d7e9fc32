/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.crypto.suri.SecretUri;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code key inspect}: the public key, account id and SS58 addresses of a secret phrase, secret
 * URI, public URI (SS58 address with soft junctions) or, with {@code --public}, a hex public key.
 */
@Command(
    name = "inspect",
    description = "Gets a public key and a SS58 address from the provided Secret URI.",
    mixinStandardHelpOptions = true)
final class InspectCommand extends KeySubcommand {
  @Parameters(
      index = "0",
      arity = "0..1",
      paramLabel = "<URI>",
      description =
          "A key URI: secret phrase, secret URI (with derivation paths and password), SS58"
              + " address, or with --public a hex public key. A file name means its content."
              + " Read from standard input if omitted.")
  String uri;

  @Option(names = "--public", description = "Is the given URI a hex-encoded public key?")
  boolean isPublic;

  @Option(
      names = "--expect-public",
      paramLabel = "<EXPECT_PUBLIC>",
      description =
          "Expect that the URI, without its derivation path, has this public key (0x hex) or"
              + " account id (SS58).")
  String expectPublic;

  @Mixin KeyOptions.Password password;
  @Mixin KeyOptions.Network network;
  @Mixin KeyOptions.Output output;
  @Mixin KeyOptions.Scheme scheme;

  @Override
  void execute() throws IOException {
    String value = KeyOptions.readUri(uri, parent.stdin(), "URI");
    Optional<String> pass = password.read();
    KeyScheme s = scheme.scheme;
    if (isPublic) {
      if (expectPublic != null) {
        throw new KeyCommandException("--expect-public cannot be used with --public");
      }
      Bytes key;
      try {
        key = Bytes.wrap(Hex.decode(value));
      } catch (IllegalArgumentException e) {
        throw new KeyCommandException("Invalid hexadecimal string data: " + e.getMessage());
      }
      if (key.length() != s.publicKeyLength()) {
        throw new KeyCommandException("Failed to construct public key from given hex");
      }
      KeyReport.printFromPublic(out(), s, key, network.network(), output.type);
      return;
    }
    if (expectPublic != null) {
      checkExpectedPublic(s, value, pass);
    }
    KeyReport.printFromUri(out(), s, value, pass, network.network(), output.type);
  }

  /** The bare URI (phrase and password, no derivation) must have the expected public key. */
  private void checkExpectedPublic(KeyScheme s, String value, Optional<String> pass) {
    SecretUri parsed = SecretUri.parse(value);
    Bytes expected;
    if (expectPublic.startsWith("0x")) {
      try {
        expected = Bytes.fromHex(expectPublic);
      } catch (IllegalArgumentException e) {
        throw new KeyCommandException("Invalid expected public key hex: `" + expectPublic + "`");
      }
      if (expected.length() != s.publicKeyLength()) {
        throw new KeyCommandException("Invalid expected public key: `" + expectPublic + "`");
      }
    } else {
      try {
        expected = Ss58.decode(expectPublic, s.publicKeyLength()).payload();
      } catch (IllegalArgumentException e) {
        throw new KeyCommandException("Invalid expected account id: `" + expectPublic + "`");
      }
    }
    Optional<String> effective = pass.or(parsed::password);
    KeyPair bare =
        s.derive(
                parsed.isHexSeed()
                    ? s.fromSuri(parsed.phrase(), Optional.empty())
                    : s.fromPhrase(parsed.phrase(), effective),
                List.of())
            .pair();
    if (!bare.publicKey().equals(expected)) {
      throw new KeyCommandException("Expected public (" + expectPublic + ") key does not match.");
    }
  }
}
