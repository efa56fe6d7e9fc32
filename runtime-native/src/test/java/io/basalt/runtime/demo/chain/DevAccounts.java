/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.primitives.crypto.KeyPair;
import io.basalt.primitives.crypto.KeyScheme;
import io.basalt.runtime.demo.account.AccountId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The well-known dev accounts ({@code //Alice} … {@code //Ferdie}) in each signature scheme,
 * derived from the dev phrase with {@link KeyScheme#fromSuri}. The presets endow the sr25519 ones.
 */
public final class DevAccounts {
  public static final List<String> NAMES =
      List.of("Alice", "Bob", "Charlie", "Dave", "Eve", "Ferdie");

  private static final Map<String, KeyPair> PAIRS = new ConcurrentHashMap<>();

  private DevAccounts() {}

  /** The key pair {@code //name} of a scheme. */
  public static KeyPair pair(KeyScheme scheme, String name) {
    return PAIRS.computeIfAbsent(
        scheme + "//" + name, k -> scheme.fromSuri("//" + name, Optional.empty()).pair());
  }

  /** The sr25519 key pair {@code //name}. */
  public static KeyPair sr25519(String name) {
    return pair(KeyScheme.SR25519, name);
  }

  /** The account of a key pair. */
  public static AccountId account(KeyPair pair) {
    return new AccountId(pair.accountId());
  }

  public static KeyPair alice() {
    return sr25519("Alice");
  }

  public static KeyPair bob() {
    return sr25519("Bob");
  }

  public static AccountId aliceId() {
    return account(alice());
  }

  public static AccountId bobId() {
    return account(bob());
  }
}
