/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.KeyScheme;
import java.io.IOException;
import java.io.InputStream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

/**
 * {@code key verify}: checks a hex signature over a message (from {@code --message} or standard
 * input) against a public key given as hex or as a public URI: 0x-hex or an SS58 address, with
 * optional soft junctions ({@code Public::from_string}).
 */
@Command(
    name = "verify",
    description =
        "Verify a signature for a message, provided on STDIN, with a given (public or secret) key.",
    mixinStandardHelpOptions = true)
final class VerifyCommand extends KeySubcommand {
  @Parameters(index = "0", paramLabel = "<SIG>", description = "Signature, hex-encoded.")
  String signature;

  @Parameters(
      index = "1",
      arity = "0..1",
      paramLabel = "<URI>",
      description =
          "The public key: hex, or a public URI (0x-hex or SS58 address, optionally with soft"
              + " junctions). A file name means its content.")
  String uri;

  @Mixin KeyOptions.Message message;
  @Mixin KeyOptions.Scheme scheme;

  @Override
  void execute() throws IOException {
    InputStream stdin = parent.stdin();
    byte[] msg = message.read(stdin);
    byte[] sig;
    try {
      sig = Hex.decode(signature);
    } catch (IllegalArgumentException e) {
      throw new KeyCommandException("Invalid hexadecimal string data: " + e.getMessage());
    }
    KeyScheme s = scheme.scheme;
    if (sig.length != s.signatureLength()) {
      throw new KeyCommandException("Signature is an invalid format.");
    }
    String value = KeyOptions.readUri(uri, stdin, "public key URI");
    Bytes publicKey;
    byte[] hexKey = tryHex(value);
    if (hexKey != null) {
      if (hexKey.length != s.publicKeyLength()) {
        throw new KeyCommandException("Key is an invalid format.");
      }
      publicKey = Bytes.wrap(hexKey);
    } else {
      try {
        publicKey = KeyReport.publicFromUri(s, value).key();
      } catch (IllegalArgumentException e) {
        throw new KeyCommandException(
            "Invalid URI; expecting either a secret URI or a public URI. (" + e.getMessage() + ")");
      }
    }
    if (!s.verify(sig, msg, publicKey.toArray())) {
      throw new KeyCommandException("Signature verification failed");
    }
    out().println("Signature verifies correctly.");
  }

  private static byte[] tryHex(String text) {
    try {
      return Hex.decode(text);
    } catch (IllegalArgumentException e) {
      return null;
    }
  }
}
