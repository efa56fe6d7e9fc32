/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.ss58.Ss58AddressFormat;
import io.basalt.primitives.crypto.ss58.Ss58Exception;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The option groups the {@code key} subcommands share, named as in sc-cli. */
final class KeyOptions {
  private KeyOptions() {}

  /** {@code --scheme}: sr25519 (default), ed25519 or ecdsa, case-insensitive. */
  static final class Scheme {
    @Option(
        names = "--scheme",
        paramLabel = "<SCHEME>",
        defaultValue = "sr25519",
        converter = SchemeConverter.class,
        description = "Cryptography scheme: sr25519, ed25519 or ecdsa (default: ${DEFAULT-VALUE}).")
    KeyScheme scheme = KeyScheme.SR25519;
  }

  static final class SchemeConverter implements ITypeConverter<KeyScheme> {
    @Override
    public KeyScheme convert(String value) {
      return KeyScheme.parse(value);
    }
  }

  /** {@code -n/--network}: an SS58 network name or prefix. */
  static final class Network {
    @Option(
        names = {"-n", "--network"},
        paramLabel = "<NETWORK>",
        converter = NetworkConverter.class,
        description =
            "Network address format: a registered name (polkadot, kusama, substrate, ...) or an"
                + " SS58 prefix 0..16383 other than the reserved 46 and 47. Default: substrate"
                + " (42).")
    Ss58AddressFormat network;

    Optional<Ss58AddressFormat> network() {
      return Optional.ofNullable(network);
    }
  }

  /**
   * Parses {@code --network}, refusing the reserved prefixes 46 and 47: sp-core's decoder (and
   * Basalt's) refuses addresses with them ({@code FormatNotAllowed}), so printing one would give an
   * address nothing accepts. sc-cli takes registry names only and would encode {@code reserved46}
   * regardless; numbers are Basalt's extension.
   */
  static final class NetworkConverter implements ITypeConverter<Ss58AddressFormat> {
    @Override
    public Ss58AddressFormat convert(String value) {
      Ss58AddressFormat format;
      try {
        format = Ss58AddressFormat.parse(value);
      } catch (Ss58Exception e) {
        throw new TypeConversionException(e.getMessage());
      }
      if (format.isReserved()) {
        throw new TypeConversionException(
            "SS58 prefix "
                + format.prefix()
                + " is reserved: addresses with it are refused by SS58 decoders (sp-core's"
                + " FormatNotAllowed), so no address is printed for it");
      }
      return format;
    }
  }

  /** {@code --output-type}: text (default) or json. */
  static final class Output {
    enum Type {
      TEXT,
      JSON
    }

    @Option(
        names = "--output-type",
        paramLabel = "<FORMAT>",
        defaultValue = "text",
        converter = OutputConverter.class,
        description = "Output format: text or json (default: ${DEFAULT-VALUE}).")
    Type type = Type.TEXT;
  }

  static final class OutputConverter implements ITypeConverter<Output.Type> {
    @Override
    public Output.Type convert(String value) {
      return switch (value.toLowerCase(java.util.Locale.ROOT)) {
        case "text" -> Output.Type.TEXT;
        case "json" -> Output.Type.JSON;
        default ->
            throw new IllegalArgumentException(
                "unknown output type '" + value + "': expected text or json");
      };
    }
  }

  /** {@code --password} / {@code --password-filename}: the password for secret URIs. */
  static final class Password {
    @Option(
        names = "--password",
        paramLabel = "<PASSWORD>",
        description =
            "Password used by the keystore and for secret phrases (overrides ///password).")
    String password;

    @Option(
        names = "--password-filename",
        paramLabel = "<PATH>",
        description = "File holding the password (trailing whitespace is removed).")
    Path passwordFile;

    Optional<String> read() throws IOException {
      if (password != null && passwordFile != null) {
        throw new KeyCommandException("give either --password or --password-filename, not both");
      }
      if (passwordFile != null) {
        return Optional.of(Files.readString(passwordFile, StandardCharsets.UTF_8).stripTrailing());
      }
      return Optional.ofNullable(password);
    }
  }

  /** {@code --message} / {@code --hex}: the message, or standard input. */
  static final class Message {
    @Option(
        names = "--message",
        paramLabel = "<MESSAGE>",
        description = "Message to process; read from standard input if omitted.")
    String message;

    @Option(names = "--hex", description = "The message is hex-encoded data (0x optional).")
    boolean hex;

    byte[] read(InputStream stdin) throws IOException {
      byte[] raw =
          message != null ? message.getBytes(StandardCharsets.UTF_8) : stdin.readAllBytes();
      if (!hex) {
        return raw;
      }
      String text = new String(raw, StandardCharsets.UTF_8).strip();
      try {
        return Hex.decode(text);
      } catch (IllegalArgumentException e) {
        throw new KeyCommandException("invalid hex message: " + e.getMessage());
      }
    }
  }

  /**
   * A URI argument as sc-cli reads it: if it names an existing file, the file's content (trailing
   * whitespace removed) is the URI; if absent, the first line of standard input.
   */
  static String readUri(String value, InputStream stdin, String what) throws IOException {
    if (value == null) {
      String line =
          new String(stdin.readAllBytes(), StandardCharsets.UTF_8).lines().findFirst().orElse("");
      if (line.isBlank()) {
        throw new KeyCommandException(
            "no " + what + " given (as an argument or on standard input)");
      }
      return line.strip();
    }
    try {
      Path file = Path.of(value);
      if (!value.isEmpty() && Files.isRegularFile(file)) {
        return Files.readString(file, StandardCharsets.UTF_8).stripTrailing();
      }
    } catch (InvalidPathException e) {
      // Not a file name: the value is the URI itself.
    }
    return value;
  }
}
