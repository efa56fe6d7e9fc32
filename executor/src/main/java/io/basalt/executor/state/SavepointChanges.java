/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;
import java.util.Collections;
import java.util.List;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * What a call did to an {@link OverlayedChanges} since a {@link OverlayedChanges.Savepoint}: every
 * key it wrote, with the overlay's knowledge of the key before and after (a key written back to its
 * old state still appears), and the transaction-index operations it added.
 *
 * @param top top-trie writes by key
 * @param children default child-trie writes by child key, then key (child tries without writes are
 *     absent)
 * @param offchainIndex offchain-index writes by key
 * @param transactionIndex transaction-index operations, in call order
 */
public record SavepointChanges(
    NavigableMap<Bytes, Write> top,
    NavigableMap<Bytes, NavigableMap<Bytes, Write>> children,
    NavigableMap<Bytes, Write> offchainIndex,
    List<OverlayedChanges.TransactionIndexOperation> transactionIndex) {

  public SavepointChanges {
    top = Collections.unmodifiableNavigableMap(new TreeMap<>(top));
    TreeMap<Bytes, NavigableMap<Bytes, Write>> copy = new TreeMap<>();
    children.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            copy.put(k, Collections.unmodifiableNavigableMap(new TreeMap<>(v)));
          }
        });
    children = Collections.unmodifiableNavigableMap(copy);
    offchainIndex = Collections.unmodifiableNavigableMap(new TreeMap<>(offchainIndex));
    transactionIndex = List.copyOf(transactionIndex);
  }

  /**
   * One written key.
   *
   * @param before the overlay's knowledge of the key when the savepoint was taken ({@link
   *     OverlayLookup.Unknown}: the backend's value stood)
   * @param after the overlay's knowledge of it now: a value or a deletion
   */
  public record Write(OverlayLookup before, OverlayLookup after) {}
}
