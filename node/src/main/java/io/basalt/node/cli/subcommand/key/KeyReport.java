/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.DerivedKeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.crypto.ss58.Ss58AddressFormat;
import io.basalt.primitives.crypto.ss58.Ss58Exception;
import io.basalt.primitives.crypto.suri.SecretUri;
import io.basalt.primitives.crypto.suri.SecretUriException;
import io.basalt.primitives.json.JsonString;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What {@code key generate} and {@code key inspect} print, field for field and space for space as
 * sc-cli's {@code print_from_uri} / {@code print_from_public}; JSON output uses the same field
 * names, pretty-printed with sorted keys as serde_json does.
 */
final class KeyReport {
  /** The SS58 address of the dev phrase, the default of a public URI without an address. */
  static final String DEV_ADDRESS = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV";

  /** One token of base58 characters: what an SS58 address looks like. */
  private static final Pattern SS58_LIKE = Pattern.compile("[1-9A-HJ-NP-Za-km-z]+");

  private KeyReport() {}

  /**
   * Reports a secret phrase, a secret URI or a public URI (SS58 address with soft junctions), in
   * that order of preference, as {@code print_from_uri}.
   *
   * @throws KeyCommandException if the value is none of them
   */
  static void printFromUri(
      PrintWriter out,
      KeyScheme scheme,
      String uri,
      Optional<String> password,
      Optional<Ss58AddressFormat> network,
      KeyOptions.Output.Type output) {
    Ss58AddressFormat format = network.orElse(Ss58AddressFormat.SUBSTRATE);
    Optional<DerivedKeyPair> fromPhrase = attempt(() -> scheme.fromPhrase(uri, password));
    if (fromPhrase.isPresent()) {
      DerivedKeyPair key = fromPhrase.get();
      print(
          out,
          output,
          "Secret phrase:       " + uri,
          "secretPhrase",
          uri,
          format,
          key.seed().map(Bytes::toHex).orElse("n/a"),
          scheme,
          key.pair().publicKey(),
          false);
      return;
    }
    DerivedKeyPair key;
    try {
      key = scheme.fromSuri(uri, password);
    } catch (SecretUriException secretError) {
      PublicKey p;
      try {
        p = publicFromAddressUri(scheme, uri);
      } catch (SecretUriException | Ss58Exception | KeyCommandException publicError) {
        throw new KeyCommandException(
            "Invalid phrase/URI given: " + whyNeither(scheme, uri, secretError, publicError));
      }
      Ss58AddressFormat publicFormat = network.orElse(p.format());
      print(
          out,
          output,
          "Public Key URI `" + uri + "` is account:",
          "publicKeyUri",
          uri,
          publicFormat,
          null,
          scheme,
          p.key(),
          true);
      return;
    }
    print(
        out,
        output,
        "Secret Key URI `" + uri + "` is account:",
        "secretKeyUri",
        uri,
        format,
        key.seed().map(Bytes::toHex).orElse("n/a"),
        scheme,
        key.pair().publicKey(),
        false);
  }

  /** {@code print_from_public}: a hex public key. */
  static void printFromPublic(
      PrintWriter out,
      KeyScheme scheme,
      Bytes publicKey,
      Optional<Ss58AddressFormat> network,
      KeyOptions.Output.Type output) {
    Ss58AddressFormat format = network.orElse(Ss58AddressFormat.SUBSTRATE);
    String ss58 = Ss58.encode(publicKey, format);
    if (output == KeyOptions.Output.Type.JSON) {
      Map<String, String> json = new TreeMap<>();
      json.put("networkId", format.toString());
      json.put("publicKey", publicKey.toHex());
      json.put("accountId", scheme.accountId(publicKey).toHex());
      json.put("ss58PublicKey", ss58);
      json.put("ss58Address", ss58);
      out.println(prettyJson(json));
      return;
    }
    out.println(
        "Network ID/Version: "
            + format
            + "\n  Public key (hex):   "
            + publicKey.toHex()
            + "\n  Account ID:         "
            + scheme.accountId(publicKey).toHex()
            + "\n  Public key (SS58):  "
            + ss58
            + "\n  SS58 Address:       "
            + ss58);
  }

  /** A public key named by a public URI, and the network its address was in. */
  record PublicKey(Bytes key, Ss58AddressFormat format) {}

  /**
   * {@code Public::from_string}: a public key as 0x-hex or an SS58 address (the dev address if
   * omitted), followed by soft junctions; no password allowed. A hex key has no network: the
   * default one is reported.
   */
  static PublicKey publicFromUri(KeyScheme scheme, String uri) {
    SecretUri parsed = parsePublicUri(uri);
    if (!parsed.phraseGiven() || !parsed.phrase().startsWith("0x")) {
      return fromAddress(scheme, parsed);
    }
    Bytes key;
    try {
      key = Bytes.fromHex(parsed.phrase());
    } catch (IllegalArgumentException e) {
      throw new KeyCommandException("Invalid hexadecimal public key: " + e.getMessage());
    }
    if (key.length() != scheme.publicKeyLength()) {
      throw new KeyCommandException(
          "an "
              + scheme.schemeName()
              + " public key is "
              + scheme.publicKeyLength()
              + " bytes, got "
              + key.length());
    }
    return new PublicKey(derivePublic(scheme, key, parsed), Ss58AddressFormat.SUBSTRATE);
  }

  /**
   * {@code Public::from_string_with_version}, what {@code key inspect} tries last: an SS58 address
   * (the dev address if omitted) followed by soft junctions; no password allowed.
   */
  static PublicKey publicFromAddressUri(KeyScheme scheme, String uri) {
    return fromAddress(scheme, parsePublicUri(uri));
  }

  private static PublicKey fromAddress(KeyScheme scheme, SecretUri parsed) {
    String address = parsed.phraseGiven() ? parsed.phrase() : DEV_ADDRESS;
    Ss58.Address decoded = Ss58.decode(address, scheme.publicKeyLength());
    return new PublicKey(derivePublic(scheme, decoded.payload(), parsed), decoded.format());
  }

  private static SecretUri parsePublicUri(String uri) {
    SecretUri parsed = SecretUri.parse(uri);
    if (parsed.password().isPresent()) {
      throw new KeyCommandException("a public URI cannot have a password");
    }
    return parsed;
  }

  private static Bytes derivePublic(KeyScheme scheme, Bytes key, SecretUri parsed) {
    return scheme
        .publicFromSoftPath(key, parsed.junctions())
        .orElseThrow(() -> new KeyCommandException("invalid derivation path for a public key"));
  }

  /**
   * Why a value is neither a secret URI nor a public URI, told by what it looks like: a single
   * base58 token is meant as an SS58 address (its SS58 error), a 0x-hex public key needs {@code
   * --public}, anything else is reported as a bad secret.
   */
  private static String whyNeither(
      KeyScheme scheme, String uri, RuntimeException secretError, RuntimeException publicError) {
    String head = uri.split("/", 2)[0];
    if (publicError instanceof Ss58Exception && SS58_LIKE.matcher(head).matches()) {
      return publicError.getMessage();
    }
    if (head.startsWith("0x") && head.length() == 2 + 2 * scheme.publicKeyLength()) {
      return "this looks like a hex public key: pass --public to inspect it";
    }
    return "not a secret phrase, secret URI or public URI (" + secretError.getMessage() + ")";
  }

  private static void print(
      PrintWriter out,
      KeyOptions.Output.Type output,
      String heading,
      String uriField,
      String uri,
      Ss58AddressFormat format,
      String seed,
      KeyScheme scheme,
      Bytes publicKey,
      boolean publicOnly) {
    Bytes accountId = scheme.accountId(publicKey);
    String ss58PublicKey = Ss58.encode(publicKey, format);
    String ss58Address = publicOnly ? ss58PublicKey : Ss58.encode(accountId, format);
    if (output == KeyOptions.Output.Type.JSON) {
      Map<String, String> json = new TreeMap<>();
      json.put(uriField, uri);
      json.put("networkId", format.toString());
      if (seed != null) {
        json.put("secretSeed", seed);
      }
      json.put("publicKey", publicKey.toHex());
      json.put("ss58PublicKey", ss58PublicKey);
      json.put("accountId", accountId.toHex());
      json.put("ss58Address", ss58Address);
      out.println(prettyJson(json));
      return;
    }
    if (publicOnly) {
      out.println(
          heading
              + "\n  Network ID/Version: "
              + format
              + "\n  Public key (hex):   "
              + publicKey.toHex()
              + "\n  Account ID:         "
              + accountId.toHex()
              + "\n  Public key (SS58):  "
              + ss58PublicKey
              + "\n  SS58 Address:       "
              + ss58Address);
      return;
    }
    out.println(
        heading
            + "\n  Network ID:        "
            + format
            + "\n  Secret seed:       "
            + seed
            + "\n  Public key (hex):  "
            + publicKey.toHex()
            + "\n  Account ID:        "
            + accountId.toHex()
            + "\n  Public key (SS58): "
            + ss58PublicKey
            + "\n  SS58 Address:      "
            + ss58Address);
  }

  /** serde_json's {@code to_string_pretty} of a flat string map (keys already sorted). */
  static String prettyJson(Map<String, String> fields) {
    StringBuilder sb = new StringBuilder("{\n");
    int i = 0;
    for (Map.Entry<String, String> e : fields.entrySet()) {
      sb.append("  ")
          .append(JsonString.encode(e.getKey()))
          .append(": ")
          .append(JsonString.encode(e.getValue()));
      sb.append(++i < fields.size() ? ",\n" : "\n");
    }
    return sb.append('}').toString();
  }

  private static <T> Optional<T> attempt(java.util.function.Supplier<T> supplier) {
    try {
      return Optional.of(supplier.get());
    } catch (SecretUriException | Ss58Exception | KeyCommandException e) {
      return Optional.empty();
    }
  }
}
