/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.kad;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.hash.Hashing;
import java.math.BigInteger;
import java.util.Comparator;

/**
 * A point in Kademlia's 256-bit key space: the SHA-256 of a peer id's multihash, or of a record
 * key. Distance is the XOR of two points read as an unsigned big-endian integer.
 *
 * @param bytes the 32 bytes
 */
public record RoutingKey(Bytes bytes) {
  /** Bits in a key, and so the number of buckets. */
  public static final int BITS = 256;

  public RoutingKey {
    if (bytes.length() != 32) {
      throw new IllegalArgumentException("a routing key has 32 bytes, not " + bytes.length());
    }
  }

  /** The key of {@code peer}: SHA-256 of its multihash bytes. */
  public static RoutingKey of(PeerId peer) {
    return new RoutingKey(Bytes.wrap(Hashing.sha256(peer.multihash().toArray())));
  }

  /** The key of a record or provider key: SHA-256 of its bytes. */
  public static RoutingKey ofKey(byte[] key) {
    return new RoutingKey(Bytes.wrap(Hashing.sha256(key)));
  }

  /** The XOR distance to {@code other}, as a non-negative integer. */
  public BigInteger distance(RoutingKey other) {
    return new BigInteger(1, xor(other));
  }

  /**
   * The bucket {@code other} falls in as seen from this key: 255 minus the number of leading bits
   * they share, so 255 holds half the key space and 0 the single closest sibling; -1 for the key
   * itself.
   */
  public int bucketIndex(RoutingKey other) {
    byte[] xor = xor(other);
    for (int i = 0; i < xor.length; i++) {
      int b = xor[i] & 0xff;
      if (b != 0) {
        return BITS - 1 - (i * 8 + Integer.numberOfLeadingZeros(b) - 24);
      }
    }
    return -1;
  }

  /** Orders keys by their distance to this one, closest first. */
  public Comparator<RoutingKey> closestFirst() {
    return (a, b) -> compareUnsigned(xor(a), xor(b));
  }

  private byte[] xor(RoutingKey other) {
    byte[] a = bytes.unsafeArray();
    byte[] b = other.bytes.unsafeArray();
    byte[] out = new byte[32];
    for (int i = 0; i < 32; i++) {
      out[i] = (byte) (a[i] ^ b[i]);
    }
    return out;
  }

  private static int compareUnsigned(byte[] a, byte[] b) {
    for (int i = 0; i < a.length; i++) {
      int c = Integer.compare(a[i] & 0xff, b[i] & 0xff);
      if (c != 0) {
        return c;
      }
    }
    return 0;
  }
}
