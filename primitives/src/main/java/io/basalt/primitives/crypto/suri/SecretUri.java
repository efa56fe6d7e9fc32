/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.suri;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A parsed secret URI ("SURI") in Substrate's grammar: {@code [phrase][/soft |
 * //hard]*[///password]}.
 *
 * <p>The phrase is a BIP39 mnemonic or a {@code 0x}-prefixed hex seed and may only contain ASCII
 * letters, digits and spaces; when absent it defaults to the public {@link #DEV_PHRASE}, so {@code
 * //Alice} is the dev phrase with one hard junction. Path elements run to the next {@code /}; the
 * password is everything after {@code ///} up to (not including) a newline. Parsing mirrors {@code
 * sp_core::crypto::AddressUri::parse} and reports its error kinds.
 *
 * <p>{@link #toString()} never shows the phrase or the password.
 *
 * @param phrase the mnemonic or hex seed (the dev phrase if the URI had none)
 * @param password the {@code ///password} part, if any
 * @param junctions the derivation path, in order
 * @param phraseGiven false if the URI relied on the default dev phrase
 */
public record SecretUri(
    String phrase, Optional<String> password, List<DeriveJunction> junctions, boolean phraseGiven) {

  /** The publicly known dev phrase behind {@code //Alice}, {@code //Bob}, ... */
  public static final String DEV_PHRASE =
      "bottom drive obey lake curtain smoke basket hold race lonely fit walk";

  public SecretUri {
    junctions = List.copyOf(junctions);
  }

  /**
   * Parses a secret URI.
   *
   * @throws SecretUriException naming the part that is malformed (never echoing the secret)
   */
  public static SecretUri parse(String uri) {
    int i = 0;
    int n = uri.length();
    while (i < n && isPhraseChar(uri.charAt(i))) {
      i++;
    }
    String phrase = i > 0 ? uri.substring(0, i) : null;
    String password = null;
    List<DeriveJunction> junctions = new ArrayList<>();
    while (i < n) {
      if (uri.startsWith("///", i)) {
        int end = i + 3;
        while (end < n && uri.charAt(end) != '\n') {
          end++;
        }
        password = uri.substring(i + 3, end);
        i = end;
        if (i < n) {
          throw new SecretUriException(
              "invalid secret URI: invalid character in password (a newline at offset " + i + ")");
        }
      } else if (uri.startsWith("//", i)) {
        int end = pathEnd(uri, i + 2);
        if (end == i + 2) {
          throw new SecretUriException(
              "invalid secret URI: empty hard derivation path at offset " + i);
        }
        junctions.add(DeriveJunction.parse(uri.substring(i + 1, end)));
        i = end;
      } else if (uri.charAt(i) == '/') {
        int end = pathEnd(uri, i + 1);
        if (end == i + 1) {
          throw new SecretUriException(
              "invalid secret URI: empty soft derivation path at offset " + i);
        }
        junctions.add(DeriveJunction.parse(uri.substring(i + 1, end)));
        i = end;
      } else {
        throw new SecretUriException(
            "invalid secret URI: invalid character in phrase at offset "
                + i
                + " (a phrase holds only ASCII letters, digits and spaces)");
      }
    }
    return new SecretUri(
        phrase == null ? DEV_PHRASE : phrase,
        Optional.ofNullable(password),
        junctions,
        phrase != null);
  }

  /** True if the phrase is a {@code 0x}-prefixed hex seed rather than a mnemonic. */
  public boolean isHexSeed() {
    return phrase.startsWith("0x");
  }

  private static boolean isPhraseChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == ' ';
  }

  private static int pathEnd(String uri, int from) {
    int end = from;
    while (end < uri.length() && uri.charAt(end) != '/') {
      end++;
    }
    return end;
  }

  @Override
  public String toString() {
    return "SecretUri(phrase=<redacted>, password="
        + (password.isPresent() ? "<redacted>" : "none")
        + ", junctions="
        + junctions.size()
        + ")";
  }
}
