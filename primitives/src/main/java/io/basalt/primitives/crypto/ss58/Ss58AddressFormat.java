/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ss58;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * An SS58 network prefix (0..16383) and, if registered, its network name from the SS58 registry
 * (the {@code ss58-registry} data sp-core uses; e.g. 0 {@code polkadot}, 2 {@code kusama}, 42
 * {@code substrate}). Prefixes 46 and 47 are reserved and not allowed in addresses.
 *
 * @param prefix the network prefix
 */
public record Ss58AddressFormat(int prefix) {
  /** The generic Substrate prefix, Substrate's default. */
  public static final Ss58AddressFormat SUBSTRATE = new Ss58AddressFormat(42);

  public static final int MAX_PREFIX = 16383;

  private static final Registry REGISTRY = Registry.load();

  public Ss58AddressFormat {
    if (prefix < 0 || prefix > MAX_PREFIX) {
      throw new Ss58Exception(
          Ss58Exception.Kind.UNKNOWN_FORMAT,
          "an SS58 prefix is between 0 and 16383, got " + prefix);
    }
  }

  /**
   * Parses a registered network name (case-insensitive, e.g. {@code polkadot}) or a decimal prefix.
   *
   * @throws Ss58Exception if it is neither
   */
  public static Ss58AddressFormat parse(String nameOrPrefix) {
    String key = nameOrPrefix.trim();
    Integer byName = REGISTRY.byName.get(key.toLowerCase(Locale.ROOT));
    if (byName != null) {
      return new Ss58AddressFormat(byName);
    }
    if (key.matches("[0-9]{1,5}")) {
      return new Ss58AddressFormat(Integer.parseInt(key));
    }
    throw new Ss58Exception(
        Ss58Exception.Kind.UNKNOWN_FORMAT,
        "unknown SS58 network '"
            + nameOrPrefix
            + "': give a registered network name such as polkadot, kusama or substrate, or a"
            + " prefix 0..16383");
  }

  /** The registered network name, if any. */
  public Optional<String> name() {
    return Optional.ofNullable(REGISTRY.byPrefix.get(prefix));
  }

  /** 46 and 47 are reserved by the registry and rejected in addresses. */
  public boolean isReserved() {
    return prefix == 46 || prefix == 47;
  }

  /** The network name if registered, else the number: how Substrate prints a network id. */
  @Override
  public String toString() {
    return name().orElse(Integer.toString(prefix));
  }

  private record Registry(Map<Integer, String> byPrefix, Map<String, Integer> byName) {
    static Registry load() {
      Map<Integer, String> byPrefix = new HashMap<>();
      Map<String, Integer> byName = new HashMap<>();
      try (InputStream in = Ss58AddressFormat.class.getResourceAsStream("registry.tsv")) {
        if (in == null) {
          throw new IllegalStateException("SS58 registry registry.tsv missing from the classpath");
        }
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
          if (line.isBlank() || line.startsWith("#")) {
            continue;
          }
          int tab = line.indexOf('\t');
          int prefix = Integer.parseInt(line.substring(0, tab));
          String name = line.substring(tab + 1).strip();
          byPrefix.put(prefix, name);
          byName.put(name.toLowerCase(Locale.ROOT), prefix);
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read the SS58 registry", e);
      }
      return new Registry(Map.copyOf(byPrefix), Map.copyOf(byName));
    }
  }
}
