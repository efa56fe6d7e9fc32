/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.hash;

/**
 * BLAKE2b (RFC 7693) with a configurable digest length of 1 to 64 bytes, unkeyed.
 *
 * <p>The digest length is a parameter of the hash, not a truncation: blake2b-64 of "Core" is not
 * the first 8 bytes of its blake2b-256. Instances are not thread-safe; the static helpers in {@link
 * Hashing} allocate a fresh one per call.
 */
public final class Blake2b {
  private static final long[] IV = {
    0x6a09e667f3bcc908L, 0xbb67ae8584caa73bL, 0x3c6ef372fe94f82bL, 0xa54ff53a5f1d36f1L,
    0x510e527fade682d1L, 0x9b05688c2b3e6c1fL, 0x1f83d9abfb41bd6bL, 0x5be0cd19137e2179L
  };

  private static final byte[][] SIGMA = {
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3},
    {11, 8, 12, 0, 5, 2, 15, 13, 10, 14, 3, 6, 7, 1, 9, 4},
    {7, 9, 3, 1, 13, 12, 11, 14, 2, 6, 5, 10, 4, 0, 15, 8},
    {9, 0, 5, 7, 2, 4, 10, 15, 14, 1, 11, 12, 6, 8, 3, 13},
    {2, 12, 6, 10, 0, 11, 8, 3, 4, 13, 7, 5, 15, 14, 1, 9},
    {12, 5, 1, 15, 14, 13, 4, 10, 0, 7, 6, 3, 9, 2, 8, 11},
    {13, 11, 7, 14, 12, 1, 3, 9, 5, 0, 15, 4, 8, 6, 2, 10},
    {6, 15, 14, 9, 11, 3, 0, 8, 12, 2, 13, 7, 1, 4, 10, 5},
    {10, 2, 8, 4, 7, 6, 1, 5, 15, 11, 9, 14, 3, 12, 13, 0},
    {0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15},
    {14, 10, 4, 8, 9, 15, 13, 6, 1, 12, 0, 2, 11, 7, 5, 3}
  };

  private final int digestLength;
  private final long[] h = new long[8];
  private final long[] m = new long[16];
  private final long[] v = new long[16];
  private final byte[] block = new byte[128];
  private int blockFill;
  private long counter;

  /**
   * Creates a hasher with the given digest length.
   *
   * @param digestLength output length in bytes, 1 to 64
   */
  public Blake2b(int digestLength) {
    if (digestLength < 1 || digestLength > 64) {
      throw new IllegalArgumentException(
          "BLAKE2b digest length must be 1..64, got " + digestLength);
    }
    this.digestLength = digestLength;
    reset();
  }

  /** Restarts the hash, keeping the digest length. */
  public void reset() {
    System.arraycopy(IV, 0, h, 0, 8);
    h[0] ^= 0x01010000L ^ digestLength;
    blockFill = 0;
    counter = 0;
  }

  public Blake2b update(byte[] data) {
    return update(data, 0, data.length);
  }

  public Blake2b update(byte[] data, int offset, int length) {
    while (length > 0) {
      if (blockFill == 128) {
        // Only compress a full block once more input follows: the last block is final.
        counter += 128;
        compress(block, 0, false);
        blockFill = 0;
      }
      if (blockFill == 0 && length > 128) {
        counter += 128;
        compress(data, offset, false);
        offset += 128;
        length -= 128;
        continue;
      }
      int n = Math.min(128 - blockFill, length);
      System.arraycopy(data, offset, block, blockFill, n);
      blockFill += n;
      offset += n;
      length -= n;
    }
    return this;
  }

  public Blake2b update(byte b) {
    if (blockFill == 128) {
      counter += 128;
      compress(block, 0, false);
      blockFill = 0;
    }
    block[blockFill++] = b;
    return this;
  }

  /** Finishes the hash, returns the digest and resets the hasher. */
  public byte[] digest() {
    byte[] out = new byte[digestLength];
    digest(out, 0);
    return out;
  }

  /** Finishes the hash into {@code out} at {@code offset} and resets the hasher. */
  public void digest(byte[] out, int offset) {
    counter += blockFill;
    java.util.Arrays.fill(block, blockFill, 128, (byte) 0);
    compress(block, 0, true);
    for (int i = 0; i < digestLength; i++) {
      out[offset + i] = (byte) (h[i >>> 3] >>> (8 * (i & 7)));
    }
    reset();
  }

  private void compress(byte[] in, int offset, boolean last) {
    for (int i = 0; i < 16; i++) {
      m[i] = LittleEndian.readLong(in, offset + 8 * i);
    }
    System.arraycopy(h, 0, v, 0, 8);
    System.arraycopy(IV, 0, v, 8, 8);
    v[12] ^= counter;
    if (last) {
      v[14] = ~v[14];
    }
    for (int r = 0; r < 12; r++) {
      byte[] s = SIGMA[r];
      g(0, 4, 8, 12, m[s[0]], m[s[1]]);
      g(1, 5, 9, 13, m[s[2]], m[s[3]]);
      g(2, 6, 10, 14, m[s[4]], m[s[5]]);
      g(3, 7, 11, 15, m[s[6]], m[s[7]]);
      g(0, 5, 10, 15, m[s[8]], m[s[9]]);
      g(1, 6, 11, 12, m[s[10]], m[s[11]]);
      g(2, 7, 8, 13, m[s[12]], m[s[13]]);
      g(3, 4, 9, 14, m[s[14]], m[s[15]]);
    }
    for (int i = 0; i < 8; i++) {
      h[i] ^= v[i] ^ v[i + 8];
    }
  }

  private void g(int a, int b, int c, int d, long x, long y) {
    long[] v = this.v;
    v[a] = v[a] + v[b] + x;
    v[d] = Long.rotateRight(v[d] ^ v[a], 32);
    v[c] = v[c] + v[d];
    v[b] = Long.rotateRight(v[b] ^ v[c], 24);
    v[a] = v[a] + v[b] + y;
    v[d] = Long.rotateRight(v[d] ^ v[a], 16);
    v[c] = v[c] + v[d];
    v[b] = Long.rotateRight(v[b] ^ v[c], 63);
  }
}
