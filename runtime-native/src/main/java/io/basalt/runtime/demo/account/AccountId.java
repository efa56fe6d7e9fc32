/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.account;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * An {@code AccountId32}: 32 bytes, the public key of an sr25519/ed25519 signer or the BLAKE2b-256
 * of an ecdsa signer's compressed key.
 *
 * @param bytes the 32 bytes
 */
public record AccountId(Bytes bytes) {
  public static final int LENGTH = 32;

  /** The all-zero account that {@code CheckNonZeroSender} rejects. */
  public static final AccountId ZERO = new AccountId(Bytes.wrap(new byte[LENGTH]));

  public AccountId {
    if (bytes.length() != LENGTH) {
      throw new IllegalArgumentException(
          "an AccountId32 has 32 bytes, got " + bytes.length() + ": " + bytes);
    }
  }

  /** Parses 32 bytes given in hex. */
  public static AccountId fromHex(String hex) {
    return new AccountId(Bytes.fromHex(hex));
  }

  public static AccountId decode(ScaleReader r) {
    return new AccountId(r.readFixed(LENGTH));
  }

  public void encode(ScaleWriter w) {
    w.writeRaw(bytes);
  }

  public boolean isZero() {
    return equals(ZERO);
  }

  @Override
  public String toString() {
    return bytes.toHex();
  }
}
