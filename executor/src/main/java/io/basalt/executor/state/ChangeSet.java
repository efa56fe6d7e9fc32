/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The changes to one key space (the top trie, one child trie, or the offchain index) with an undo
 * log per open transaction: the first write to a key inside a transaction records its previous
 * overlay state, rollback restores it, commit hands the record to the enclosing transaction.
 */
final class ChangeSet {
  private final TreeMap<Bytes, OverlayLookup> changes = new TreeMap<>();
  private final Deque<Map<Bytes, OverlayLookup>> undo = new ArrayDeque<>();

  /** A change set created while {@code depth} transactions are already open. */
  ChangeSet(int depth) {
    for (int i = 0; i < depth; i++) {
      undo.push(new HashMap<>());
    }
  }

  OverlayLookup get(Bytes key) {
    return changes.getOrDefault(key, OverlayLookup.UNKNOWN);
  }

  /** Sets a key to {@link OverlayLookup.Value} or {@link OverlayLookup.Deleted}. */
  void put(Bytes key, OverlayLookup value) {
    if (value instanceof OverlayLookup.Unknown) {
      throw new IllegalArgumentException("an overlay change is a value or a deletion");
    }
    Map<Bytes, OverlayLookup> frame = undo.peek();
    if (frame != null && !frame.containsKey(key)) {
      frame.put(key, get(key));
    }
    changes.put(key, value);
  }

  /** Marks every key with the prefix deleted; returns how many had a value. */
  int deletePrefix(Bytes prefix) {
    List<Bytes> keys = new ArrayList<>();
    for (Bytes k : changes.tailMap(prefix, true).keySet()) {
      if (!k.startsWith(prefix)) {
        break;
      }
      keys.add(k);
    }
    int withValue = 0;
    for (Bytes k : keys) {
      if (changes.get(k) instanceof OverlayLookup.Value) {
        withValue++;
      }
      put(k, OverlayLookup.DELETED);
    }
    return withValue;
  }

  /** Changes with keys strictly after {@code key}, in order. */
  NavigableMap<Bytes, OverlayLookup> after(Bytes key) {
    return changes.tailMap(key, false);
  }

  NavigableMap<Bytes, OverlayLookup> all() {
    return changes;
  }

  boolean isEmpty() {
    return changes.isEmpty();
  }

  void startTransaction() {
    undo.push(new HashMap<>());
  }

  /**
   * The keys written in the innermost open transaction (nested ones committed into it), each with
   * its overlay state before the transaction and now; empty if no transaction is open.
   */
  NavigableMap<Bytes, SavepointChanges.Write> writesInTransaction() {
    Map<Bytes, OverlayLookup> frame = undo.peek();
    TreeMap<Bytes, SavepointChanges.Write> out = new TreeMap<>();
    if (frame != null) {
      frame.forEach((k, before) -> out.put(k, new SavepointChanges.Write(before, get(k))));
    }
    return out;
  }

  void rollbackTransaction() {
    Map<Bytes, OverlayLookup> frame = undo.pop();
    for (Map.Entry<Bytes, OverlayLookup> e : frame.entrySet()) {
      if (e.getValue() instanceof OverlayLookup.Unknown) {
        changes.remove(e.getKey());
      } else {
        changes.put(e.getKey(), e.getValue());
      }
    }
  }

  void commitTransaction() {
    Map<Bytes, OverlayLookup> frame = undo.pop();
    Map<Bytes, OverlayLookup> parent = undo.peek();
    if (parent != null) {
      frame.forEach(parent::putIfAbsent);
    }
  }
}
