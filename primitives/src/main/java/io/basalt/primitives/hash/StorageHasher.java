/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.hash;

/**
 * FRAME's storage-key hashers: how a map key becomes part of a storage key. The {@code _CONCAT} and
 * {@code IDENTITY} hashers keep the key readable after the hash, so maps can be iterated back to
 * their keys. Variant order matches FRAME metadata's {@code StorageHasher} enum.
 */
public enum StorageHasher {
  BLAKE2_128,
  BLAKE2_256,
  BLAKE2_128_CONCAT,
  TWOX_128,
  TWOX_256,
  TWOX_64_CONCAT,
  IDENTITY;

  /** Hashes an already SCALE-encoded key. */
  public byte[] hash(byte[] encodedKey) {
    return switch (this) {
      case BLAKE2_128 -> Hashing.blake2b128(encodedKey);
      case BLAKE2_256 -> Hashing.blake2b256(encodedKey);
      case BLAKE2_128_CONCAT -> concat(Hashing.blake2b128(encodedKey), encodedKey);
      case TWOX_128 -> Hashing.twox128(encodedKey);
      case TWOX_256 -> Hashing.twox256(encodedKey);
      case TWOX_64_CONCAT -> concat(Hashing.twox64(encodedKey), encodedKey);
      case IDENTITY -> encodedKey.clone();
    };
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
