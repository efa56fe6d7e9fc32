/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.hash;

/**
 * The Keccak-f[1600] permutation, exposed for the original Keccak hashes (padding {@code 0x01}, as
 * Ethereum and Substrate use them) and for sponge constructions such as STROBE.
 */
public final class KeccakSponge {
  private static final long[] RC = {
    0x0000000000000001L, 0x0000000000008082L, 0x800000000000808aL, 0x8000000080008000L,
    0x000000000000808bL, 0x0000000080000001L, 0x8000000080008081L, 0x8000000000008009L,
    0x000000000000008aL, 0x0000000000000088L, 0x0000000080008009L, 0x000000008000000aL,
    0x000000008000808bL, 0x800000000000008bL, 0x8000000000008089L, 0x8000000000008003L,
    0x8000000000008002L, 0x8000000000000080L, 0x000000000000800aL, 0x800000008000000aL,
    0x8000000080008081L, 0x8000000000008080L, 0x0000000080000001L, 0x8000000080008008L
  };
  private static final int[] ROTATIONS = {
    0, 1, 62, 28, 27, 36, 44, 6, 55, 20, 3, 10, 43, 25, 39, 41, 45, 15, 21, 8, 18, 2, 61, 56, 14
  };

  private KeccakSponge() {}

  /** Applies Keccak-f[1600] to the 25-lane state in place. */
  public static void permute(long[] a) {
    long[] b = new long[25];
    long[] c = new long[5];
    for (int round = 0; round < 24; round++) {
      for (int x = 0; x < 5; x++) {
        c[x] = a[x] ^ a[x + 5] ^ a[x + 10] ^ a[x + 15] ^ a[x + 20];
      }
      for (int x = 0; x < 5; x++) {
        long d = c[(x + 4) % 5] ^ Long.rotateLeft(c[(x + 1) % 5], 1);
        for (int y = 0; y < 25; y += 5) {
          a[x + y] ^= d;
        }
      }
      for (int x = 0; x < 5; x++) {
        for (int y = 0; y < 5; y++) {
          int i = x + 5 * y;
          b[y + 5 * ((2 * x + 3 * y) % 5)] = Long.rotateLeft(a[i], ROTATIONS[i]);
        }
      }
      for (int y = 0; y < 25; y += 5) {
        for (int x = 0; x < 5; x++) {
          a[x + y] = b[x + y] ^ (~b[(x + 1) % 5 + y] & b[(x + 2) % 5 + y]);
        }
      }
      a[0] ^= RC[round];
    }
  }

  /** Applies the permutation to a 200-byte state held as bytes (lanes little-endian). */
  public static void permute(byte[] state) {
    long[] lanes = new long[25];
    for (int i = 0; i < 25; i++) {
      lanes[i] = LittleEndian.readLong(state, 8 * i);
    }
    permute(lanes);
    for (int i = 0; i < 25; i++) {
      LittleEndian.writeLong(state, 8 * i, lanes[i]);
    }
  }

  /** Original Keccak (pad {@code 0x01}) with the given output length in bytes (32 or 64). */
  static byte[] keccak(byte[] data, int outputLength) {
    int rate = 200 - 2 * outputLength;
    byte[] state = new byte[200];
    int offset = 0;
    while (data.length - offset >= rate) {
      xorInto(state, data, offset, rate);
      permute(state);
      offset += rate;
    }
    int tail = data.length - offset;
    xorInto(state, data, offset, tail);
    state[tail] ^= 0x01;
    state[rate - 1] ^= (byte) 0x80;
    permute(state);
    return java.util.Arrays.copyOf(state, outputLength);
  }

  private static void xorInto(byte[] state, byte[] data, int offset, int length) {
    for (int i = 0; i < length; i++) {
      state[i] ^= data[offset + i];
    }
  }
}
