/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import io.basalt.network.announce.Roles;
import io.basalt.network.frame.FrameException;
import io.basalt.network.grandpa.AuthoritySignature;
import io.basalt.network.grandpa.CatchUpMessage;
import io.basalt.network.grandpa.CatchUpRequest;
import io.basalt.network.grandpa.CommitMessage;
import io.basalt.network.grandpa.GossipMessage;
import io.basalt.network.grandpa.NeighborPacket;
import io.basalt.network.grandpa.SignedMessage;
import io.basalt.network.grandpa.VoteMessage;
import io.basalt.network.notification.NotificationConfig;
import io.basalt.network.notification.NotificationHandler;
import io.basalt.network.notification.NotificationProtocol;
import io.basalt.network.peerset.PeerSet;
import io.basalt.network.peerset.ReputationChange;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.Host;
import io.basalt.node.consensus.grandpa.AuthoritySet;
import io.basalt.node.consensus.grandpa.GrandpaFinality;
import io.basalt.node.consensus.grandpa.GrandpaNetwork;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.ed25519.Ed25519;
import io.basalt.primitives.hash.Hashing;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * GRANDPA's gossip on {@code /<genesis>/grandpa/1}: a notifications protocol whose handshake is our
 * roles byte. Votes and commits from a peer are checked cheaply (our set id, a round near ours, a
 * voter of the set, a valid signature for votes) before the voter sees them; new ones are passed on
 * to the other peers once. Undecodable messages and bad signatures cost the sender reputation.
 * Neighbor packets are kept as each peer's last view, and ours goes out when our round or set
 * changes and to each new peer.
 *
 * <p>Without an attached {@link GrandpaFinality} (no GRANDPA on the chain) the protocol is still
 * open and incoming votes are dropped.
 */
public final class GrandpaGossip implements GrandpaNetwork {
  private static final Logger LOG = LoggerFactory.getLogger("afg");

  /** Substrate's limit for one GRANDPA notification. */
  private static final int MAX_NOTIFICATION = 1024 * 1024;

  /** How many rounds ahead of ours a vote may be. */
  private static final long ROUND_WINDOW = 16;

  private final NotificationProtocol protocol;
  private final PeerSet peerSet;
  private final Map<PeerId, NeighborPacket> views = new ConcurrentHashMap<>();
  private final Set<Hash256> seen =
      Collections.synchronizedSet(
          Collections.newSetFromMap(
              new LinkedHashMap<>(256, 0.75f, false) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<Hash256, Boolean> eldest) {
                  return size() > 8192;
                }
              }));
  private volatile Optional<GrandpaFinality> voter = Optional.empty();
  private volatile Optional<NeighborPacket> ourView = Optional.empty();

  GrandpaGossip(List<String> names, Roles roles, PeerSet peerSet) {
    this.peerSet = peerSet;
    this.protocol =
        new NotificationProtocol(
            new NotificationConfig(names, roles::encode, 1024, MAX_NOTIFICATION),
            new Handler(),
            peerSet);
  }

  void register(Host host) {
    protocol.register(host);
  }

  CompletableFuture<Void> open(Connection connection) {
    return protocol.open(connection);
  }

  /** Connects the voter: its messages go out here and the peers' come to it. */
  void attach(GrandpaFinality finality) {
    voter = Optional.of(finality);
    finality.attachNetwork(this);
  }

  /** The last neighbor packet of each peer. */
  public Map<PeerId, NeighborPacket> views() {
    return Collections.unmodifiableMap(views);
  }

  /** The peers with the GRANDPA protocol open. */
  public Set<PeerId> openPeers() {
    return protocol.openPeers();
  }

  @Override
  public void broadcast(GossipMessage message) {
    if (message instanceof NeighborPacket neighbor) {
      if (ourView.equals(Optional.of(neighbor))) {
        return;
      }
      ourView = Optional.of(neighbor);
    }
    byte[] bytes = message.encode();
    if (!(message instanceof NeighborPacket)) {
      seen.add(Hashing.blake2b256Hash(bytes));
    }
    for (PeerId peer : protocol.openPeers()) {
      protocol.send(peer, bytes);
    }
  }

  private void onMessage(PeerId from, byte[] bytes) {
    GossipMessage message;
    try {
      message = GossipMessage.decode(bytes);
    } catch (FrameException e) {
      LOG.debug("Bad GRANDPA message from {}: {}", from, e.getMessage());
      peerSet.report(from, ReputationChange.BAD_MESSAGE);
      return;
    }
    switch (message) {
      case NeighborPacket neighbor -> views.put(from, neighbor);
      case CatchUpRequest unusedRequest -> {} // not answered yet
      case CatchUpMessage unusedCatchUp -> {}
      case VoteMessage vote -> {
        Optional<GrandpaFinality> finality = voter;
        if (finality.isEmpty() || !fresh(bytes)) {
          return;
        }
        GrandpaFinality f = finality.get();
        if (!passes(from, "vote", checkVote(f.state().set(), f.currentRound(), vote))) {
          return;
        }
        forward(from, bytes);
        finality.get().deliver(vote);
      }
      case CommitMessage commit -> {
        Optional<GrandpaFinality> finality = voter;
        if (finality.isEmpty() || !fresh(bytes)) {
          return;
        }
        if (!passes(from, "commit", checkCommit(finality.get().state().set(), commit))) {
          return;
        }
        forward(from, bytes);
        finality.get().deliver(commit);
      }
    }
  }

  /** Whether these bytes are new to us (each message is handled and passed on once). */
  private boolean fresh(byte[] bytes) {
    return seen.add(Hashing.blake2b256Hash(bytes));
  }

  private void forward(PeerId from, byte[] bytes) {
    for (PeerId peer : protocol.openPeers()) {
      if (!peer.equals(from)) {
        protocol.send(peer, bytes);
      }
    }
  }

  /**
   * What the gossip makes of a vote or commit: accepted, or dropped with a reason, at a cost to the
   * sender when it can only be garbage.
   *
   * @param problem empty if accepted
   * @param costly whether the sender is reported ({@link ReputationChange#BAD_MESSAGE})
   */
  record Check(Optional<String> problem, boolean costly) {
    static final Check ACCEPTED = new Check(Optional.empty(), false);

    static Check dropped(String why) {
      return new Check(Optional.of(why), false);
    }

    static Check garbage(String why) {
      return new Check(Optional.of(why), true);
    }
  }

  /**
   * Checks a vote against our set and round: a vote of another set or a round far from ours is
   * dropped; one signed by someone outside the set, or badly signed, is garbage.
   */
  static Check checkVote(AuthoritySet set, long ourRound, VoteMessage vote) {
    if (vote.setId() != set.setId()) {
      return Check.dropped("set " + vote.setId() + ", ours is " + set.setId());
    }
    if (vote.round() + 1 < ourRound || vote.round() > ourRound + ROUND_WINDOW) {
      return Check.dropped("round " + vote.round() + " is far from ours, " + ourRound);
    }
    SignedMessage m = vote.message();
    if (set.find(m.id()).isEmpty()) {
      return Check.garbage("signer " + m.id().toHex() + " is not a voter of the set");
    }
    byte[] payload =
        GossipMessage.signingPayload(
            m.kind(), m.targetHash(), m.targetNumber(), vote.round(), vote.setId());
    if (!Ed25519.verify(m.signature().unsafeArray(), payload, m.id().unsafeArray())) {
      return Check.garbage("bad signature by " + m.id().toHex());
    }
    return Check.ACCEPTED;
  }

  /** Cheap checks of a commit; its signatures are checked by the voter, as a justification's. */
  static Check checkCommit(AuthoritySet set, CommitMessage commit) {
    if (commit.setId() != set.setId()) {
      return Check.dropped("set " + commit.setId() + ", ours is " + set.setId());
    }
    if (commit.commit().precommits().size() != commit.commit().authData().size()) {
      return Check.garbage("precommits and signatures differ in number");
    }
    for (AuthoritySignature auth : commit.commit().authData()) {
      if (set.find(auth.id()).isEmpty()) {
        return Check.garbage("signer " + auth.id().toHex() + " is not a voter of the set");
      }
    }
    return Check.ACCEPTED;
  }

  /** Applies a check: true if accepted; a costly failure is reported to the peer set. */
  private boolean passes(PeerId from, String what, Check check) {
    if (check.problem().isEmpty()) {
      return true;
    }
    LOG.debug("GRANDPA {} from {} dropped: {}", what, from, check.problem().get());
    if (check.costly()) {
      peerSet.report(from, ReputationChange.BAD_MESSAGE);
    }
    return false;
  }

  private final class Handler implements NotificationHandler {
    @Override
    public boolean onHandshake(PeerId peer, byte[] handshake, Connection.Direction direction) {
      try {
        Roles.decode(handshake);
      } catch (FrameException | IllegalArgumentException e) {
        LOG.debug("Bad GRANDPA handshake from {}: {}", peer, e.getMessage());
        peerSet.report(peer, ReputationChange.BAD_HANDSHAKE);
        return false;
      }
      return true;
    }

    @Override
    public void onOpened(PeerId peer, byte[] theirHandshake) {
      Optional<GrandpaFinality> finality = voter;
      if (finality.isPresent()) {
        protocol.send(peer, finality.get().view().encode());
        finality.get().replay(message -> protocol.send(peer, message.encode()));
      }
    }

    @Override
    public void onNotification(PeerId peer, byte[] notification) {
      onMessage(peer, notification);
    }

    @Override
    public void onClosed(PeerId peer) {
      views.remove(peer);
    }
  }
}
