/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.subcommand.key;

import io.basalt.primitives.crypto.DerivedKeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.crypto.ss58.Ss58AddressFormat;
import io.basalt.primitives.crypto.ss58.Ss58Exception;
import io.basalt.primitives.crypto.suri.SecretUri;
import io.basalt.primitives.crypto.suri.SecretUriException;
import io.basalt.primitives.json.JsonString;
import io.basalt.primitives.types.Bytes;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What {@code key generate} and {@code key inspect} print, field for field and space for space as
 * sc-cli's {@code print_from_uri} / {@code print_from_public}; JSON output uses the same field
 * names, pretty-printed with sorted keys as serde_json does.
 */
final class KeyReport {
  /** The SS58 address of the dev phrase, the default of a public URI without an address. */
  static final String DEV_ADDRESS = "5DfhGyQdFobKM8NsWvEeAKk5EQQgYe9AydgJ7rMB6E1EqRzV";

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
      Optional<PublicKey> publicKey = attempt(() -> publicFromUri(scheme, uri));
      if (publicKey.isEmpty()) {
        throw new KeyCommandException(
            "Invalid phrase/URI given: not a secret phrase, secret URI or public URI ("
                + secretError.getMessage()
                + ")");
      }
      PublicKey p = publicKey.get();
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
   * {@code Public::from_string_with_version}: an SS58 address (the dev address if omitted) followed
   * by soft junctions; no password allowed.
   */
  static PublicKey publicFromUri(KeyScheme scheme, String uri) {
    SecretUri parsed = SecretUri.parse(uri);
    if (parsed.password().isPresent()) {
      throw new KeyCommandException("a public URI cannot have a password");
    }
    String address = parsed.phraseGiven() ? parsed.phrase() : DEV_ADDRESS;
    Ss58.Address decoded = Ss58.decode(address, scheme.publicKeyLength());
    Bytes key =
        scheme
            .publicFromSoftPath(decoded.payload(), parsed.junctions())
            .orElseThrow(() -> new KeyCommandException("invalid derivation path for a public key"));
    return new PublicKey(key, decoded.format());
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
