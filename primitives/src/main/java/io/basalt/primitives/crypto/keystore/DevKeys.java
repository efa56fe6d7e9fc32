/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.keystore;

import io.basalt.primitives.crypto.KeyScheme;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * The well-known development keys {@code //Alice} .. {@code //Ferdie} (the public dev phrase with
 * one hard junction), for {@code --alice} .. {@code --ferdie} and {@code --dev}. They are added the
 * way Substrate adds them, as ephemeral keys generated from a seed: in memory, never written to a
 * key store directory.
 *
 * <pre>{@code
 * DevKeys.insert(keystore, "Alice", List.of(
 *     new DevKeys.KeySpec(KeyTypeId.AURA, KeyScheme.SR25519),
 *     new DevKeys.KeySpec(KeyTypeId.GRANDPA, KeyScheme.ED25519)));
 * }</pre>
 */
public final class DevKeys {
  /** The dev account names, in Substrate's order. */
  public static final List<String> NAMES =
      List.of("Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie");

  private DevKeys() {}

  /** A key to create: its key type and scheme (a runtime's session keys). */
  public record KeySpec(KeyTypeId keyType, KeyScheme scheme) {}

  /**
   * Adds the dev account's key for each spec, e.g. {@code ("aura", sr25519)} and {@code ("gran",
   * ed25519)}. The name is case-insensitive ({@code alice} or {@code Alice}).
   *
   * @throws IllegalArgumentException if the name is not one of {@link #NAMES}
   */
  public static void insert(Keystore keystore, String name, List<KeySpec> specs) {
    String suri = "//" + canonicalName(name);
    for (KeySpec spec : specs) {
      keystore.generate(spec.keyType(), spec.scheme(), Optional.of(suri));
    }
  }

  /** {@code Alice} for {@code alice}, {@code ALICE} or {@code Alice}. */
  public static String canonicalName(String name) {
    for (String known : NAMES) {
      if (known.toLowerCase(Locale.ROOT).equals(name.toLowerCase(Locale.ROOT))) {
        return known;
      }
    }
    throw new IllegalArgumentException(
        "unknown dev account '" + name + "': expected one of " + String.join(", ", NAMES));
  }
}
