/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import io.basalt.primitives.bytes.Bytes;
import java.util.Optional;

/**
 * A key pair together with the 32-byte seed it is a direct function of, when there is one (what
 * {@code subkey inspect} prints as "Secret seed"; absent after an sr25519 soft junction). The seed
 * is secret: {@link #toString()} never shows it.
 *
 * @param pair the key pair
 * @param seed the seed, if the key has one
 */
public record DerivedKeyPair(KeyPair pair, Optional<Bytes> seed) {
  @Override
  public String toString() {
    return "DerivedKeyPair(" + pair + ", seed=" + (seed.isPresent() ? "<redacted>" : "none") + ")";
  }
}
