/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.kad;

import io.basalt.primitives.crypto.PeerId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An iterative {@code FIND_NODE} lookup as a state machine without I/O. It keeps the candidates it
 * has heard of ordered by distance to the target, asks at most alpha of them at a time, and is
 * finished when each of the k closest candidates that did not fail has answered. The caller sends
 * the requests {@link #nextToQuery()} names and reports each outcome with {@link #onResponse} or
 * {@link #onFailure} (including its own timeouts). Thread-safe.
 */
public final class FindNodeQuery {
  /** Requests in flight at once, as in the kad-dht spec. */
  public static final int ALPHA = 3;

  private enum State {
    WAITING,
    IN_FLIGHT,
    SUCCEEDED,
    FAILED
  }

  private static final class Candidate {
    Contact contact;
    State state = State.WAITING;

    Candidate(Contact contact) {
      this.contact = contact;
    }
  }

  private final PeerId local;
  private final RoutingKey target;
  private final int alpha;
  private final int k;
  private final TreeMap<RoutingKey, Candidate> candidates;
  private final Map<PeerId, RoutingKey> keys = new HashMap<>();
  private int inFlight;
  private int responses;

  /** A lookup with alpha 3 and k 20. */
  public FindNodeQuery(PeerId local, RoutingKey target, Collection<Contact> seeds) {
    this(local, target, seeds, ALPHA, RoutingTable.K);
  }

  public FindNodeQuery(
      PeerId local, RoutingKey target, Collection<Contact> seeds, int alpha, int k) {
    if (alpha < 1 || k < 1) {
      throw new IllegalArgumentException("alpha and k are positive: " + alpha + ", " + k);
    }
    this.local = local;
    this.target = target;
    this.alpha = alpha;
    this.k = k;
    this.candidates = new TreeMap<>(target.closestFirst());
    seeds.forEach(this::learn);
  }

  /** The key being looked up. */
  public RoutingKey target() {
    return target;
  }

  /** The contacts to send {@code FIND_NODE} to now; they count as in flight until answered. */
  public synchronized List<Contact> nextToQuery() {
    List<Contact> out = new ArrayList<>();
    if (isFinished()) {
      return out;
    }
    int seen = 0;
    for (Candidate candidate : candidates.values()) {
      if (candidate.state == State.FAILED) {
        continue;
      }
      if (seen++ >= k || inFlight >= alpha) {
        break;
      }
      if (candidate.state == State.WAITING) {
        candidate.state = State.IN_FLIGHT;
        inFlight++;
        out.add(candidate.contact);
      }
    }
    return out;
  }

  /** {@code from} answered with {@code closerPeers}. Answers from peers not asked are ignored. */
  public synchronized void onResponse(PeerId from, List<Contact> closerPeers) {
    Candidate candidate = inFlightCandidate(from);
    if (candidate == null) {
      return;
    }
    candidate.state = State.SUCCEEDED;
    inFlight--;
    responses++;
    closerPeers.forEach(this::learn);
  }

  /** {@code from} did not answer (error, timeout, unreachable). */
  public synchronized void onFailure(PeerId from) {
    Candidate candidate = inFlightCandidate(from);
    if (candidate == null) {
      return;
    }
    candidate.state = State.FAILED;
    inFlight--;
  }

  /**
   * Whether the lookup is over: the k closest candidates that did not fail have all answered, or
   * nothing is left to ask and nothing is in flight.
   */
  public synchronized boolean isFinished() {
    int seen = 0;
    for (Candidate candidate : candidates.values()) {
      if (candidate.state == State.FAILED) {
        continue;
      }
      if (seen++ >= k) {
        break;
      }
      if (candidate.state != State.SUCCEEDED) {
        return false;
      }
    }
    return true;
  }

  /** The up to k closest contacts that answered, closest first. */
  public synchronized List<Contact> result() {
    return candidates.values().stream()
        .filter(c -> c.state == State.SUCCEEDED)
        .limit(k)
        .map(c -> c.contact)
        .toList();
  }

  /** The number of peers that answered so far. */
  public synchronized int responses() {
    return responses;
  }

  /** The number of requests in flight. */
  public synchronized int inFlight() {
    return inFlight;
  }

  private Candidate inFlightCandidate(PeerId peer) {
    RoutingKey key = keys.get(peer);
    Candidate candidate = key == null ? null : candidates.get(key);
    return candidate != null && candidate.state == State.IN_FLIGHT ? candidate : null;
  }

  private void learn(Contact contact) {
    if (contact.peer().equals(local)) {
      return;
    }
    RoutingKey key = keys.computeIfAbsent(contact.peer(), RoutingKey::of);
    Candidate known = candidates.get(key);
    if (known == null) {
      candidates.put(key, new Candidate(contact));
    } else if (known.contact.addresses().isEmpty() && !contact.addresses().isEmpty()) {
      known.contact = contact;
    }
  }
}
