/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.UnaryOperator;

/**
 * Test-only, straightforward Substrate trie root (host-api digest §8): recursive node encoding over
 * sorted keys, no storage. The production trie lives in the storage module.
 */
public final class ReferenceTrie {
  private ReferenceTrie() {}

  public static Hash256 root(SortedMap<Bytes, Bytes> entries, StateVersion version) {
    return root(entries, version, Hashing::blake2b256);
  }

  public static Hash256 root(
      SortedMap<Bytes, Bytes> entries, StateVersion version, UnaryOperator<byte[]> hasher) {
    List<byte[]> keys = new ArrayList<>(entries.size());
    List<Bytes> values = new ArrayList<>(entries.size());
    for (Map.Entry<Bytes, Bytes> e : entries.entrySet()) {
      keys.add(nibbles(e.getKey().unsafeArray()));
      values.add(e.getValue());
    }
    byte[] encoded =
        keys.isEmpty() ? new byte[] {0} : encode(keys, values, 0, keys.size(), 0, version, hasher);
    return Hash256.wrap(hasher.apply(encoded));
  }

  private static byte[] nibbles(byte[] key) {
    byte[] out = new byte[key.length * 2];
    for (int i = 0; i < key.length; i++) {
      out[2 * i] = (byte) ((key[i] >> 4) & 0x0f);
      out[2 * i + 1] = (byte) (key[i] & 0x0f);
    }
    return out;
  }

  private static byte[] encode(
      List<byte[]> keys,
      List<Bytes> values,
      int from,
      int to,
      int depth,
      StateVersion version,
      UnaryOperator<byte[]> hasher) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    if (to - from == 1) {
      byte[] key = keys.get(from);
      Bytes value = values.get(from);
      boolean hashed = version.hashesValue(value.length());
      // Leaf: variant bits 01 (2 bits) or, with a hashed value, 001 (3 bits).
      header(out, 1, hashed ? 3 : 2, key.length - depth);
      partial(out, key, depth, key.length);
      value(out, value, hashed, hasher);
      return out.toByteArray();
    }
    int common = commonPrefix(keys, from, to, depth);
    int end = depth + common;
    int childStart = from;
    Bytes branchValue = null;
    if (keys.get(from).length == end) {
      branchValue = values.get(from);
      childStart++;
    }
    boolean hashed = branchValue != null && version.hashesValue(branchValue.length());
    if (branchValue == null) {
      header(out, 0b10, 2, common);
    } else if (hashed) {
      header(out, 0b0001, 4, common);
    } else {
      header(out, 0b11, 2, common);
    }
    partial(out, keys.get(from), depth, end);
    int bitmap = 0;
    List<byte[]> children = new ArrayList<>();
    int i = childStart;
    while (i < to) {
      int nibble = keys.get(i)[end];
      int j = i;
      while (j < to && keys.get(j)[end] == nibble) {
        j++;
      }
      bitmap |= 1 << nibble;
      children.add(encode(keys, values, i, j, end + 1, version, hasher));
      i = j;
    }
    out.write(bitmap & 0xff);
    out.write((bitmap >> 8) & 0xff);
    if (branchValue != null) {
      value(out, branchValue, hashed, hasher);
    }
    for (byte[] child : children) {
      byte[] ref = child.length < 32 ? child : hasher.apply(child);
      out.writeBytes(new ScaleWriter().writeByteVec(ref).toByteArray());
    }
    return out.toByteArray();
  }

  private static int commonPrefix(List<byte[]> keys, int from, int to, int depth) {
    byte[] first = keys.get(from);
    byte[] last = keys.get(to - 1);
    int n = 0;
    while (depth + n < first.length
        && depth + n < last.length
        && first[depth + n] == last[depth + n]) {
      n++;
    }
    return n;
  }

  private static void header(ByteArrayOutputStream out, int variant, int variantBits, int count) {
    int lengthBits = 8 - variantBits;
    int max = (1 << lengthBits) - 1;
    int first = variant << lengthBits;
    if (count < max) {
      out.write(first | count);
      return;
    }
    out.write(first | max);
    int rem = count - max;
    while (rem >= 255) {
      out.write(255);
      rem -= 255;
    }
    out.write(rem);
  }

  private static void partial(ByteArrayOutputStream out, byte[] key, int from, int to) {
    int n = to - from;
    int i = from;
    if (n % 2 == 1) {
      out.write(key[i++]);
    }
    while (i < to) {
      out.write((key[i] << 4) | key[i + 1]);
      i += 2;
    }
  }

  private static void value(
      ByteArrayOutputStream out, Bytes value, boolean hashed, UnaryOperator<byte[]> hasher) {
    if (hashed) {
      out.writeBytes(hasher.apply(value.unsafeArray()));
    } else {
      out.writeBytes(new ScaleWriter().writeByteVec(value).toByteArray());
    }
  }
}
