/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.hash;

import io.basalt.primitives.bytes.Hash256;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The hash functions of the Polkadot host API (spec §10), as plain static functions.
 *
 * <p>{@code twoxN} runs xxHash64 with seeds 0..N/64-1 over the same input and concatenates the
 * results little-endian; {@code blake2_N} is BLAKE2b with an N-bit digest length.
 */
public final class Hashing {
  private static final ThreadLocal<Blake2b> BLAKE2B_256 =
      ThreadLocal.withInitial(() -> new Blake2b(32));

  private Hashing() {}

  public static byte[] blake2b(byte[] data, int digestBytes) {
    return new Blake2b(digestBytes).update(data).digest();
  }

  /** BLAKE2b-64: runtime API ids. */
  public static byte[] blake2b64(byte[] data) {
    return blake2b(data, 8);
  }

  public static byte[] blake2b128(byte[] data) {
    return blake2b(data, 16);
  }

  /** BLAKE2b-256: block hashes, trie node hashes, code hashes. */
  public static byte[] blake2b256(byte[] data) {
    return blake2b256(data, 0, data.length);
  }

  public static byte[] blake2b256(byte[] data, int offset, int length) {
    Blake2b h = BLAKE2B_256.get();
    h.update(data, offset, length);
    return h.digest();
  }

  public static Hash256 blake2b256Hash(byte[] data) {
    return Hash256.wrap(blake2b256(data));
  }

  public static byte[] blake2b512(byte[] data) {
    return blake2b(data, 64);
  }

  public static byte[] twox64(byte[] data) {
    return twox(data, 1);
  }

  public static byte[] twox128(byte[] data) {
    return twox(data, 2);
  }

  public static byte[] twox256(byte[] data) {
    return twox(data, 4);
  }

  private static byte[] twox(byte[] data, int rounds) {
    byte[] out = new byte[8 * rounds];
    for (int seed = 0; seed < rounds; seed++) {
      LittleEndian.writeLong(out, 8 * seed, XxHash64.hash(data, 0, data.length, seed));
    }
    return out;
  }

  public static byte[] keccak256(byte[] data) {
    return KeccakSponge.keccak(data, 32);
  }

  public static byte[] keccak512(byte[] data) {
    return KeccakSponge.keccak(data, 64);
  }

  public static byte[] sha256(byte[] data) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(data);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
