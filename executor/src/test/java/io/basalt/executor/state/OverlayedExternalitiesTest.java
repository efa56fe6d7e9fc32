/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.StateVersion;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.trie.TrieRoot;
import io.basalt.testsupport.RandomCases;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class OverlayedExternalitiesTest {
  static Bytes b(int... v) {
    return Bytes.ofUnsigned(v);
  }

  static OverlayedExternalities ext(Map<Bytes, Bytes> top) {
    return new OverlayedExternalities(new OverlayedChanges(), TestBackends.of(top));
  }

  @Test
  void nextKeyMergesOverlayAndBackendAndSkipsDeletedKeys() {
    OverlayedExternalities ext = ext(Map.of(b(10), b(10), b(20), b(20), b(40), b(40)));
    ext.clear(b(20));
    ext.set(b(30), b(31));

    assertThat(ext.nextKey(b(5))).contains(b(10));
    assertThat(ext.nextKey(b(10))).contains(b(30));
    assertThat(ext.nextKey(b(20))).contains(b(30));
    assertThat(ext.nextKey(b(30))).contains(b(40));
    assertThat(ext.nextKey(b(40))).isEmpty();
    ext.set(b(50), b(50));
    assertThat(ext.nextKey(b(40))).contains(b(50));
  }

  @Test
  void nextKeySkipsARunOfDeletedBackendKeys() {
    OverlayedExternalities ext = ext(Map.of(b(1), b(1), b(2), b(2), b(3), b(3), b(4), b(4)));
    ext.clear(b(2));
    ext.clear(b(3));
    assertThat(ext.nextKey(b(1))).contains(b(4));
  }

  @Test
  void rollbackRestoresAndNestedCommitFoldsIntoTheOuterTransaction() {
    OverlayedExternalities ext = ext(Map.of(b(1), b(1)));
    ext.startTransaction();
    ext.set(b(1), b(2));
    ext.startTransaction();
    ext.set(b(1), b(3));
    ext.set(b(9), b(9));
    ext.commitTransaction();
    assertThat(ext.get(b(1))).contains(b(3));
    ext.rollbackTransaction();
    assertThat(ext.get(b(1))).contains(b(1));
    assertThat(ext.get(b(9))).isEmpty();
    assertThat(ext.overlay().topChanges()).isEmpty();
  }

  @Test
  void childChangesCreatedInsideATransactionRollBack() {
    OverlayedExternalities ext = ext(Map.of());
    ext.startTransaction();
    ext.childSet(b(7), b(1), b(1));
    ext.rollbackTransaction();
    assertThat(ext.childGet(b(7), b(1))).isEmpty();
  }

  @Test
  void commitOrRollbackWithoutTransactionFails() {
    OverlayedExternalities ext = ext(Map.of());
    assertThatThrownBy(ext::commitTransaction)
        .isInstanceOf(NoOpenTransactionException.class)
        .hasMessageContaining("no transaction is open");
    assertThatThrownBy(ext::rollbackTransaction).isInstanceOf(NoOpenTransactionException.class);
  }

  @Test
  void clearPrefixHonoursTheLimitAndResumesFromTheCursor() {
    TreeMap<Bytes, Bytes> top = new TreeMap<>();
    for (int i = 1; i <= 5; i++) {
      top.put(b(0xaa, i), b(i));
    }
    top.put(b(0xab), b(0));
    OverlayedExternalities ext = ext(top);
    ext.set(b(0xaa, 9), b(9));

    RemovalResult first = ext.clearPrefix(b(0xaa), OptionalLong.of(2), Optional.empty());
    assertThat(first.cursor()).contains(b(0xaa, 3));
    assertThat(first.backend()).isEqualTo(2);
    assertThat(first.unique()).isEqualTo(3);
    assertThat(first.loops()).isEqualTo(2);

    RemovalResult second = ext.clearPrefix(b(0xaa), OptionalLong.empty(), first.cursor());
    assertThat(second.allRemoved()).isTrue();
    assertThat(second.backend()).isEqualTo(3);
    assertThat(ext.nextKey(b(0))).contains(b(0xab));
  }

  @Test
  void clearPrefixWithoutCursorRevisitsDeletedKeysWithoutCountingThem() {
    OverlayedExternalities ext = ext(Map.of(b(1, 1), b(1), b(1, 2), b(2)));
    ext.clearPrefix(b(1), OptionalLong.empty(), Optional.empty());
    RemovalResult again = ext.clearPrefix(b(1), OptionalLong.empty(), Optional.empty());
    assertThat(again.backend()).isZero();
    assertThat(again.loops()).isEqualTo(2);
  }

  @Test
  void childStorageKeysAreProtectedInTheTopTrie() {
    Bytes rootKey = WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX.concat(b(1));
    OverlayedExternalities ext = ext(Map.of(rootKey, b(5)));
    ext.set(rootKey, b(6));
    ext.clear(rootKey);
    assertThat(ext.get(rootKey)).contains(b(5));
    assertThat(ext.clearPrefix(Bytes.fromHex("0x3a"), OptionalLong.empty(), Optional.empty()))
        .isEqualTo(RemovalResult.NONE);
    assertThat(ext.get(rootKey)).contains(b(5));
  }

  @Test
  void appendBuildsAScaleVec() {
    OverlayedExternalities ext = ext(Map.of(b(2), b(4, 7), b(3), b(0xff)));
    ext.append(b(1), b(9));
    ext.append(b(1), b(8));
    assertThat(ext.get(b(1))).contains(b(8, 9, 8));
    ext.append(b(2), b(5));
    assertThat(ext.get(b(2))).contains(b(8, 7, 5));
    // 0xff starts a big-integer compact that does not fit: not a Vec, reset to [item].
    ext.append(b(3), b(1));
    assertThat(ext.get(b(3))).contains(b(4, 1));
  }

  @Test
  void appendCrossesTheCompactWidthBoundary() {
    Bytes vec = b(63 << 2);
    for (int i = 0; i < 63; i++) {
      vec = vec.concat(b(i));
    }
    OverlayedExternalities ext = ext(Map.of(b(1), vec));
    ext.append(b(1), b(99));
    Bytes result = ext.get(b(1)).orElseThrow();
    assertThat(result.slice(0, 2)).isEqualTo(b((64 << 2 | 1) & 0xff, (64 << 2) >> 8));
    assertThat(result.length()).isEqualTo(2 + 64);
  }

  @Test
  void extrinsicIndexIsAnOrdinaryKey() {
    Bytes key = Bytes.wrap(":extrinsic_index".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    OverlayedExternalities ext = ext(Map.of());
    ext.set(key, b(1, 0, 0, 0));
    assertThat(ext.get(key)).contains(b(1, 0, 0, 0));
    assertThat(ext.overlay().topChanges()).hasSize(1);
  }

  @Test
  void storageRootRecomputesChildRootsFirst() {
    TreeMap<Bytes, Bytes> child = new TreeMap<>(Map.of(b(1), b(1)));
    Bytes rootKey = WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX.concat(b(0xc1));
    TreeMap<Bytes, Bytes> top = new TreeMap<>();
    top.put(b(5), b(5));
    top.put(rootKey, TrieRoot.of(child, StateVersion.V1).toBytes());
    OverlayedExternalities ext =
        new OverlayedExternalities(
            new OverlayedChanges(), TestBackends.of(top, Map.of(b(0xc1), child)));

    ext.childSet(b(0xc1), b(2), b(2));
    ext.childSet(b(0xc2), b(3), b(3));

    TreeMap<Bytes, Bytes> child1 = new TreeMap<>(Map.of(b(1), b(1), b(2), b(2)));
    TreeMap<Bytes, Bytes> child2 = new TreeMap<>(Map.of(b(3), b(3)));
    TreeMap<Bytes, Bytes> expectedTop = new TreeMap<>(top);
    expectedTop.put(rootKey, TrieRoot.of(child1, StateVersion.V1).toBytes());
    expectedTop.put(
        WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX.concat(b(0xc2)),
        TrieRoot.of(child2, StateVersion.V1).toBytes());
    assertThat(ext.storageRoot(StateVersion.V1))
        .isEqualTo(TrieRoot.of(expectedTop, StateVersion.V1));
    assertThat(ext.childStorageRoot(b(0xc1), StateVersion.V1))
        .isEqualTo(TrieRoot.of(child1, StateVersion.V1));

    // Killing a child trie removes its root from the top trie.
    RemovalResult killed = ext.killChild(b(0xc1), OptionalLong.empty(), Optional.empty());
    assertThat(killed.unique()).isEqualTo(2);
    expectedTop.remove(rootKey);
    assertThat(ext.storageRoot(StateVersion.V1))
        .isEqualTo(TrieRoot.of(expectedTop, StateVersion.V1));
  }

  @Test
  void rootIsIndependentOfWriteOrder() {
    RandomCases.forAll(
        50, r -> keyLists(r, 12, 0), OverlayedExternalitiesTest::rootIsIndependentOfWriteOrderFor);
  }

  private static void rootIsIndependentOfWriteOrderFor(List<List<Byte>> keys) {
    TreeMap<Bytes, Bytes> expected = new TreeMap<>();
    OverlayedExternalities forward = ext(Map.of());
    OverlayedExternalities backward = ext(Map.of());
    for (List<Byte> k : keys) {
      byte[] raw = new byte[k.size()];
      for (int i = 0; i < raw.length; i++) {
        raw[i] = k.get(i);
      }
      Bytes key = Bytes.wrap(raw);
      if (key.startsWith(b(0x3a))) {
        continue;
      }
      expected.put(key, key.concat(b(1)));
      forward.set(key, key.concat(b(1)));
    }
    expected.descendingMap().forEach(backward::set);
    assertThat(forward.storageRoot(StateVersion.V0))
        .isEqualTo(backward.storageRoot(StateVersion.V0))
        .isEqualTo(TrieRoot.of(expected, StateVersion.V0));
  }

  /** Up to {@code max} keys of {@code minLength}..3 random bytes each. */
  private static List<List<Byte>> keyLists(SplittableRandom r, int max, int minLength) {
    List<List<Byte>> out = new ArrayList<>();
    int n = r.nextInt(max + 1);
    for (int i = 0; i < n; i++) {
      List<Byte> key = new ArrayList<>();
      int length = r.nextInt(minLength, 4);
      for (int j = 0; j < length; j++) {
        key.add((byte) r.nextInt(256));
      }
      out.add(key);
    }
    return out;
  }
}
