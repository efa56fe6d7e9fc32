/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.crypto.PeerId;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The peers we know and what we do with them: reputations (decayed once per elapsed second of the
 * injected clock, as {@code peer_store} does), bans, inbound and outbound slots, reserved peers,
 * and the next peers to dial. Thread-safe; listeners run on the reporting thread after the state
 * changed.
 *
 * <p>Lifecycle of a peer: {@link #addAddress} makes it known; {@link #peersToDial()} moves it to
 * {@link PeerState#DIALING} (taking an outbound slot); {@link #dialSucceeded} or {@link
 * #dialFailed} (backoff) follow; {@link #acceptInbound} decides on peers that dial us; {@link
 * #disconnected} frees the slot and costs {@link Reputation#DISCONNECT_CHANGE}.
 */
public final class PeerSet implements PeerReporter {
  private static final Logger LOG = LoggerFactory.getLogger("peerset");

  /**
   * A peer back at reputation 0, not connected and not reserved, is forgotten (with its addresses)
   * this long after anything last happened to it, as {@code peer_store} does.
   */
  public static final Duration FORGET_AFTER = Duration.ofHours(1);

  private final Clock clock;
  private final boolean allowPrivateIp;
  private final int maxIn;
  private final int maxOut;
  private final Duration backoffBase;
  private final Duration backoffMax;
  private final Map<PeerId, Entry> peers = new HashMap<>();
  private final Set<PeerId> reserved = new LinkedHashSet<>();
  private final List<Consumer<PeerId>> disconnectListeners = new CopyOnWriteArrayList<>();
  private boolean reservedOnly;
  private long decayedUntilSecond;

  private static final class Entry {
    final Set<Multiaddr> addresses = new LinkedHashSet<>();
    int reputation;
    PeerState state = PeerState.NOT_CONNECTED;
    int failures;
    long nextDialMillis;
    long touchedMillis;
  }

  private Entry entry(PeerId peer) {
    Entry entry = peers.computeIfAbsent(peer, p -> new Entry());
    entry.touchedMillis = clock.millis();
    return entry;
  }

  public PeerSet(PeerSetConfig config, Clock clock) {
    this.clock = clock;
    this.allowPrivateIp = config.allowPrivateIp();
    this.maxIn = config.inPeers();
    this.maxOut = config.outPeers();
    this.backoffBase = config.backoffBase();
    this.backoffMax = config.backoffMax();
    this.reservedOnly = config.reservedOnly();
    this.decayedUntilSecond = clock.millis() / 1000;
    for (PeerId peer : config.reserved()) {
      reserved.add(peer);
      peers.computeIfAbsent(peer, p -> new Entry());
    }
  }

  /** Calls {@code listener} with each peer that must be disconnected (banned by a report). */
  public void addDisconnectListener(Consumer<PeerId> listener) {
    disconnectListeners.add(listener);
  }

  /**
   * Adds an address of {@code peer} (its trailing {@code /p2p/…} removed). Returns false when the
   * address was filtered out: private while private addresses are not allowed.
   */
  public synchronized boolean addAddress(PeerId peer, Multiaddr address) {
    if (!allowPrivateIp && AddressScope.isPrivate(address)) {
      return false;
    }
    entry(peer).addresses.add(address.withoutPeer());
    return true;
  }

  /** Forgets one address of {@code peer}, e.g. after it failed to dial. */
  public synchronized void removeAddress(PeerId peer, Multiaddr address) {
    Entry entry = peers.get(peer);
    if (entry != null) {
      entry.addresses.remove(address.withoutPeer());
    }
  }

  /** The known addresses of {@code peer}, oldest first. */
  public synchronized List<Multiaddr> addresses(PeerId peer) {
    Entry entry = peers.get(peer);
    return entry == null ? List.of() : List.copyOf(entry.addresses);
  }

  /** Whether we know anything of {@code peer}. */
  public synchronized boolean isKnown(PeerId peer) {
    advanceTime();
    return peers.containsKey(peer);
  }

  /** The number of known peers. */
  public synchronized int size() {
    advanceTime();
    return peers.size();
  }

  /** The current reputation of {@code peer} (0 for unknown peers). */
  public synchronized int reputation(PeerId peer) {
    advanceTime();
    Entry entry = peers.get(peer);
    return entry == null ? 0 : entry.reputation;
  }

  /** Whether {@code peer} is banned now. */
  public synchronized boolean isBanned(PeerId peer) {
    return Reputation.isBanned(reputation(peer));
  }

  /** Where we stand with {@code peer}. */
  public synchronized PeerState state(PeerId peer) {
    Entry entry = peers.get(peer);
    return entry == null ? PeerState.NOT_CONNECTED : entry.state;
  }

  /** The peers connected now, in either direction. */
  public synchronized Set<PeerId> connectedPeers() {
    Set<PeerId> out = new HashSet<>();
    peers.forEach(
        (peer, entry) -> {
          if (entry.state == PeerState.INBOUND || entry.state == PeerState.OUTBOUND) {
            out.add(peer);
          }
        });
    return out;
  }

  public synchronized boolean isReserved(PeerId peer) {
    return reserved.contains(peer);
  }

  /** Makes {@code peer} reserved: it leaves its slot if it had one, and is dialed first. */
  public synchronized void addReserved(PeerId peer) {
    reserved.add(peer);
    peers.computeIfAbsent(peer, p -> new Entry());
  }

  /**
   * Makes {@code peer} a regular peer again. Returns true when it must be disconnected: it is
   * connected and reserved-only mode is on, or no slot is free for it.
   */
  public synchronized boolean removeReserved(PeerId peer) {
    if (!reserved.remove(peer)) {
      return false;
    }
    Entry entry = peers.get(peer);
    if (entry == null) {
      return false;
    }
    return switch (entry.state) {
      case INBOUND -> reservedOnly || countRegular(PeerState.INBOUND) > maxIn;
      case OUTBOUND, DIALING -> reservedOnly || countOutbound() > maxOut;
      case NOT_CONNECTED -> false;
    };
  }

  /**
   * Turns reserved-only mode on or off. Returns the connected regular peers to disconnect (all of
   * them when turning it on).
   */
  public synchronized List<PeerId> setReservedOnly(boolean only) {
    reservedOnly = only;
    if (!only) {
      return List.of();
    }
    List<PeerId> drop = new ArrayList<>();
    peers.forEach(
        (peer, entry) -> {
          if (!reserved.contains(peer) && entry.state.isActive()) {
            drop.add(peer);
          }
        });
    return drop;
  }

  /**
   * Applies {@code change} to {@code peer}. When the peer crosses the ban threshold, logs one info
   * line ({@code Banned peer 12D3… for 10s: Genesis mismatch}) and, unless it is reserved, tells
   * the disconnect listeners.
   */
  @Override
  public ReportOutcome report(PeerId peer, ReputationChange change) {
    ReportOutcome outcome;
    synchronized (this) {
      advanceTime();
      Entry entry = entry(peer);
      boolean wasBanned = Reputation.isBanned(entry.reputation);
      entry.reputation = Reputation.add(entry.reputation, change.value());
      if (!Reputation.isBanned(entry.reputation)) {
        LOG.trace(
            "Report {}: {} to {}: {}", peer, change.value(), entry.reputation, change.reason());
        return ReportOutcome.kept(entry.reputation);
      }
      Duration banDuration = Duration.ofSeconds(Reputation.secondsUntilUnbanned(entry.reputation));
      boolean disconnect = !reserved.contains(peer) && entry.state.isActive();
      if (wasBanned) {
        LOG.debug("Report {} (banned): {}", peer, change.reason());
      } else {
        LOG.info("Banned peer {} for {}s: {}", peer, banDuration.toSeconds(), change.reason());
      }
      outcome = new ReportOutcome(entry.reputation, true, disconnect, banDuration);
    }
    if (outcome.disconnect()) {
      disconnectListeners.forEach(listener -> listener.accept(peer));
    }
    return outcome;
  }

  /**
   * Decides on a peer that connected to us and, when accepting it, records it as {@link
   * PeerState#INBOUND}. Reserved peers need no slot but are refused while banned.
   */
  public synchronized InboundDecision acceptInbound(PeerId peer) {
    advanceTime();
    boolean isReserved = reserved.contains(peer);
    if (reservedOnly && !isReserved) {
      return InboundDecision.REFUSE_RESERVED_ONLY;
    }
    Entry entry = entry(peer);
    if (Reputation.isBanned(entry.reputation)) {
      return InboundDecision.REFUSE_BANNED;
    }
    if (!isReserved
        && entry.state != PeerState.INBOUND
        && countRegular(PeerState.INBOUND) >= maxIn) {
      return InboundDecision.REFUSE_NO_SLOT;
    }
    entry.state = PeerState.INBOUND;
    return InboundDecision.ACCEPT;
  }

  /**
   * The peers to dial now, marked {@link PeerState#DIALING}: reserved peers not connected first,
   * then (unless reserved-only) the best-reputation regular peers that fill the free outbound
   * slots. Skips banned peers, peers without addresses and peers still backing off.
   */
  public synchronized List<PeerId> peersToDial() {
    advanceTime();
    long now = clock.millis();
    List<PeerId> out = new ArrayList<>();
    for (PeerId peer : reserved) {
      Entry entry = peers.get(peer);
      if (dialable(entry, now)) {
        entry.state = PeerState.DIALING;
        out.add(peer);
      }
    }
    if (reservedOnly) {
      return out;
    }
    int free = maxOut - countOutbound();
    if (free <= 0) {
      return out;
    }
    List<Map.Entry<PeerId, Entry>> candidates = new ArrayList<>();
    for (Map.Entry<PeerId, Entry> e : peers.entrySet()) {
      if (!reserved.contains(e.getKey()) && dialable(e.getValue(), now)) {
        candidates.add(e);
      }
    }
    candidates.sort(
        Comparator.comparingInt((Map.Entry<PeerId, Entry> e) -> e.getValue().reputation)
            .reversed());
    for (Map.Entry<PeerId, Entry> e : candidates.subList(0, Math.min(free, candidates.size()))) {
      e.getValue().state = PeerState.DIALING;
      out.add(e.getKey());
    }
    return out;
  }

  /** A dial chosen by {@link #peersToDial()} connected: the peer is {@link PeerState#OUTBOUND}. */
  public synchronized void dialSucceeded(PeerId peer) {
    Entry entry = entry(peer);
    entry.state = PeerState.OUTBOUND;
    entry.failures = 0;
    entry.nextDialMillis = 0;
  }

  /**
   * A dial failed: the peer is not connected and is not dialed again before its backoff ends (the
   * base, doubled for each failure in a row, at most the maximum). Returns the backoff.
   */
  public synchronized Duration dialFailed(PeerId peer) {
    Entry entry = entry(peer);
    entry.state = PeerState.NOT_CONNECTED;
    entry.failures++;
    Duration backoff = backoffBase.multipliedBy(1L << Math.min(entry.failures - 1, 20));
    if (backoff.compareTo(backoffMax) > 0) {
      backoff = backoffMax;
    }
    entry.nextDialMillis = clock.millis() + backoff.toMillis();
    return backoff;
  }

  /** A connection to {@code peer} ended: its slot is free and it loses a little reputation. */
  public synchronized void disconnected(PeerId peer) {
    advanceTime();
    Entry entry = peers.get(peer);
    if (entry == null || !entry.state.isActive()) {
      return;
    }
    entry.state = PeerState.NOT_CONNECTED;
    entry.reputation = Reputation.add(entry.reputation, Reputation.DISCONNECT_CHANGE);
    entry.touchedMillis = clock.millis();
  }

  /** The number of regular (not reserved) peers in {@code state}. */
  public synchronized int count(PeerState state) {
    return countRegular(state);
  }

  private boolean dialable(Entry entry, long now) {
    return entry != null
        && entry.state == PeerState.NOT_CONNECTED
        && !entry.addresses.isEmpty()
        && !Reputation.isBanned(entry.reputation)
        && now >= entry.nextDialMillis;
  }

  private int countOutbound() {
    return countRegular(PeerState.OUTBOUND) + countRegular(PeerState.DIALING);
  }

  private int countRegular(PeerState state) {
    int n = 0;
    for (Map.Entry<PeerId, Entry> e : peers.entrySet()) {
      if (e.getValue().state == state && !reserved.contains(e.getKey())) {
        n++;
      }
    }
    return n;
  }

  /** Applies one decay step per whole second elapsed since the last step. */
  private void advanceTime() {
    long nowSecond = clock.millis() / 1000;
    long seconds = nowSecond - decayedUntilSecond;
    if (seconds <= 0) {
      return;
    }
    decayedUntilSecond = nowSecond;
    for (Entry entry : peers.values()) {
      entry.reputation = Reputation.decay(entry.reputation, seconds);
    }
    long forgetBefore = clock.millis() - FORGET_AFTER.toMillis();
    peers
        .entrySet()
        .removeIf(
            e ->
                e.getValue().reputation == 0
                    && e.getValue().state == PeerState.NOT_CONNECTED
                    && e.getValue().touchedMillis < forgetBefore
                    && !reserved.contains(e.getKey()));
  }
}
