/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.kad;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.crypto.PeerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Kademlia's routing table: 256 buckets by XOR distance from our key, each holding at most k
 * contacts ordered from least to most recently seen.
 *
 * <p>Eviction rule (the simplest the paper allows): a full bucket keeps its contacts and turns a
 * newcomer away ({@link Update#BUCKET_FULL}), since long-lived peers are the likeliest to stay. A
 * caller that wants fresher buckets pings {@link #leastRecentlySeen} and, when it does not answer,
 * {@link #remove}s it and offers the newcomer again. Seeing a known contact moves it to the
 * most-recent end and merges its addresses. Thread-safe.
 */
public final class RoutingTable {
  /** Kademlia's bucket size and replication factor, as libp2p uses it. */
  public static final int K = 20;

  /** What {@link #update} did. */
  public enum Update {
    INSERTED,
    UPDATED,
    BUCKET_FULL,
    /** The contact is us. */
    SELF
  }

  private record Entry(Contact contact, RoutingKey key) {}

  private final RoutingKey localKey;
  private final int k;
  private final List<List<Entry>> buckets = new ArrayList<>(RoutingKey.BITS);

  public RoutingTable(PeerId local) {
    this(local, K);
  }

  public RoutingTable(PeerId local, int k) {
    if (k < 1) {
      throw new IllegalArgumentException("a bucket holds at least one contact, not " + k);
    }
    this.localKey = RoutingKey.of(local);
    this.k = k;
    for (int i = 0; i < RoutingKey.BITS; i++) {
      buckets.add(new ArrayList<>());
    }
  }

  /** Our key. */
  public RoutingKey localKey() {
    return localKey;
  }

  /** Records that {@code contact} was seen alive (it answered, or connected to us). */
  public synchronized Update update(Contact contact) {
    RoutingKey key = contact.key();
    int index = localKey.bucketIndex(key);
    if (index < 0) {
      return Update.SELF;
    }
    List<Entry> bucket = buckets.get(index);
    for (int i = 0; i < bucket.size(); i++) {
      Entry entry = bucket.get(i);
      if (entry.contact.peer().equals(contact.peer())) {
        Set<Multiaddr> addresses = new LinkedHashSet<>(entry.contact.addresses());
        addresses.addAll(contact.addresses());
        bucket.remove(i);
        bucket.add(new Entry(new Contact(contact.peer(), List.copyOf(addresses)), key));
        return Update.UPDATED;
      }
    }
    if (bucket.size() >= k) {
      return Update.BUCKET_FULL;
    }
    bucket.add(new Entry(contact, key));
    return Update.INSERTED;
  }

  /**
   * The least recently seen contact of the bucket {@code candidate} belongs in: the one to ping
   * before replacing it. Empty when the bucket has room or {@code candidate} is us.
   */
  public synchronized Optional<Contact> leastRecentlySeen(PeerId candidate) {
    int index = localKey.bucketIndex(RoutingKey.of(candidate));
    if (index < 0 || buckets.get(index).size() < k) {
      return Optional.empty();
    }
    return Optional.of(buckets.get(index).getFirst().contact);
  }

  /** Forgets {@code peer}; returns whether it was in the table. */
  public synchronized boolean remove(PeerId peer) {
    int index = localKey.bucketIndex(RoutingKey.of(peer));
    return index >= 0 && buckets.get(index).removeIf(e -> e.contact.peer().equals(peer));
  }

  /** The contact for {@code peer}, if known. */
  public synchronized Optional<Contact> get(PeerId peer) {
    int index = localKey.bucketIndex(RoutingKey.of(peer));
    if (index < 0) {
      return Optional.empty();
    }
    return buckets.get(index).stream()
        .map(Entry::contact)
        .filter(c -> c.peer().equals(peer))
        .findFirst();
  }

  /** The {@code n} known contacts closest to {@code target}, closest first. */
  public synchronized List<Contact> closest(RoutingKey target, int n) {
    Comparator<RoutingKey> order = target.closestFirst();
    return buckets.stream()
        .flatMap(List::stream)
        .sorted((a, b) -> order.compare(a.key, b.key))
        .limit(n)
        .map(Entry::contact)
        .toList();
  }

  /** The contacts of bucket {@code index}, least recently seen first. */
  public synchronized List<Contact> bucket(int index) {
    return buckets.get(index).stream().map(Entry::contact).toList();
  }

  /** The number of contacts. */
  public synchronized int size() {
    return buckets.stream().mapToInt(List::size).sum();
  }
}
