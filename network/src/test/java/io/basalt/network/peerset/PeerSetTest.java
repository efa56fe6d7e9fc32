/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class PeerSetTest {
  private final SplittableRandom random = new SplittableRandom(3);
  private final MutableClock clock = new MutableClock();

  private PeerId peer() {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return PeerId.ofEd25519(Bytes.wrap(key));
  }

  private PeerId known(PeerSet set, int n) {
    PeerId peer = peer();
    assertThat(set.addAddress(peer, Multiaddr.parse("/ip4/8.8.4." + n + "/tcp/30333"))).isTrue();
    return peer;
  }

  @Test
  void shouldBanAtTheThresholdAndDisconnectAConnectedPeer() {
    PeerSet set = new PeerSet(PeerSetConfig.defaults(), clock);
    List<PeerId> dropped = new ArrayList<>();
    set.addDisconnectListener(dropped::add);
    PeerId peer = known(set, 1);
    assertThat(set.acceptInbound(peer)).isEqualTo(InboundDecision.ACCEPT);

    ReportOutcome atThreshold =
        set.report(peer, new ReputationChange(Reputation.BANNED_THRESHOLD, "almost"));
    assertThat(atThreshold.banned()).isFalse();
    assertThat(dropped).isEmpty();

    ReportOutcome below = set.report(peer, new ReputationChange(-1, "the last straw"));
    assertThat(below.banned()).isTrue();
    assertThat(below.disconnect()).isTrue();
    assertThat(below.banDuration()).isPositive();
    assertThat(dropped).containsExactly(peer);
    assertThat(set.isBanned(peer)).isTrue();
  }

  @Test
  void shouldKeepAPeerThatLostALittle() {
    PeerSet set = new PeerSet(PeerSetConfig.defaults(), clock);
    PeerId peer = known(set, 1);

    ReportOutcome outcome = set.report(peer, ReputationChange.BAD_MESSAGE);

    assertThat(outcome.banned()).isFalse();
    assertThat(outcome.disconnect()).isFalse();
    assertThat(outcome.reputation()).isEqualTo(-(1 << 12));
  }

  @Test
  void shouldLiftABanOnceDecayBringsTheReputationBack() {
    PeerSet set = new PeerSet(PeerSetConfig.defaults(), clock);
    PeerId peer = known(set, 1);

    ReportOutcome outcome = set.report(peer, ReputationChange.WRONG_GENESIS);
    assertThat(outcome.banDuration()).isEqualTo(Duration.ofSeconds(10));

    clock.advance(Duration.ofSeconds(9));
    assertThat(set.isBanned(peer)).isTrue();
    assertThat(set.peersToDial()).isEmpty();
    assertThat(set.acceptInbound(peer)).isEqualTo(InboundDecision.REFUSE_BANNED);

    clock.advance(Duration.ofSeconds(1));
    assertThat(set.isBanned(peer)).isFalse();
    assertThat(set.peersToDial()).containsExactly(peer);
  }

  @Test
  void shouldDecayOncePerElapsedSecondOfTheInjectedClock() {
    PeerSet set = new PeerSet(PeerSetConfig.defaults(), clock);
    PeerId peer = known(set, 1);
    set.report(peer, new ReputationChange(-1000, "test"));

    clock.advance(Duration.ofMillis(999));
    assertThat(set.reputation(peer)).isEqualTo(-1000);
    clock.advance(Duration.ofMillis(1));
    assertThat(set.reputation(peer)).isEqualTo(-980);
    clock.advance(Duration.ofSeconds(2));
    assertThat(set.reputation(peer)).isEqualTo(Reputation.decay(-1000, 3));
  }

  @Test
  void shouldFillOutboundSlotsWithTheBestPeers() {
    PeerSet set = new PeerSet(PeerSetConfig.defaults().withSlots(32, 2), clock);
    PeerId good = known(set, 1);
    PeerId better = known(set, 2);
    PeerId worse = known(set, 3);
    set.report(good, new ReputationChange(10, "useful"));
    set.report(better, new ReputationChange(100, "very useful"));
    set.report(worse, new ReputationChange(-100, "slow"));

    assertThat(set.peersToDial()).containsExactly(better, good);
    assertThat(set.peersToDial()).isEmpty();
    assertThat(set.state(better)).isEqualTo(PeerState.DIALING);

    set.dialSucceeded(better);
    set.dialFailed(good);
    assertThat(set.peersToDial()).containsExactly(worse);
    assertThat(set.count(PeerState.OUTBOUND)).isEqualTo(1);
  }

  @Test
  void shouldBackOffAFailingPeerLongerAfterEachFailure() {
    PeerSet set = new PeerSet(PeerSetConfig.defaults(), clock);
    PeerId peer = known(set, 1);

    assertThat(set.peersToDial()).containsExactly(peer);
    assertThat(set.dialFailed(peer)).isEqualTo(Duration.ofSeconds(5));
    assertThat(set.peersToDial()).isEmpty();
    clock.advance(Duration.ofSeconds(5));
    assertThat(set.peersToDial()).containsExactly(peer);
    assertThat(set.dialFailed(peer)).isEqualTo(Duration.ofSeconds(10));
    clock.advance(Duration.ofSeconds(9));
    assertThat(set.peersToDial()).isEmpty();
    clock.advance(Duration.ofSeconds(1));
    assertThat(set.peersToDial()).containsExactly(peer);

    for (int i = 0; i < 20; i++) {
      set.dialFailed(peer);
    }
    assertThat(set.dialFailed(peer)).isEqualTo(Duration.ofMinutes(10));
    set.dialSucceeded(peer);
    set.disconnected(peer);
    assertThat(set.peersToDial()).containsExactly(peer);
  }

  @Test
  void shouldRefuseInboundPeersBeyondTheSlotsButAlwaysAcceptReservedOnes() {
    PeerId reserved = peer();
    PeerSet set =
        new PeerSet(
            PeerSetConfig.defaults().withSlots(2, 8).withReserved(Set.of(reserved), false), clock);

    assertThat(set.acceptInbound(peer())).isEqualTo(InboundDecision.ACCEPT);
    assertThat(set.acceptInbound(peer())).isEqualTo(InboundDecision.ACCEPT);
    assertThat(set.acceptInbound(peer())).isEqualTo(InboundDecision.REFUSE_NO_SLOT);
    assertThat(set.acceptInbound(reserved)).isEqualTo(InboundDecision.ACCEPT);
    assertThat(set.count(PeerState.INBOUND)).isEqualTo(2);
  }

  @Test
  void shouldFreeASlotWhenAPeerDisconnectsAndCostItSomeReputation() {
    PeerSet set = new PeerSet(PeerSetConfig.defaults().withSlots(1, 8), clock);
    PeerId first = peer();
    assertThat(set.acceptInbound(first)).isEqualTo(InboundDecision.ACCEPT);

    set.disconnected(first);

    assertThat(set.acceptInbound(peer())).isEqualTo(InboundDecision.ACCEPT);
    assertThat(set.reputation(first)).isEqualTo(Reputation.DISCONNECT_CHANGE);
  }

  @Test
  void shouldTalkOnlyToReservedPeersInReservedOnlyMode() {
    PeerId reserved = peer();
    PeerSet set = new PeerSet(PeerSetConfig.defaults().withReserved(Set.of(reserved), true), clock);
    set.addAddress(reserved, Multiaddr.parse("/ip4/8.8.8.8/tcp/30333"));
    PeerId regular = known(set, 1);

    assertThat(set.peersToDial()).containsExactly(reserved);
    assertThat(set.acceptInbound(regular)).isEqualTo(InboundDecision.REFUSE_RESERVED_ONLY);
    assertThat(set.count(PeerState.DIALING)).isZero();
  }

  @Test
  void shouldNameTheRegularPeersToDropWhenReservedOnlyIsTurnedOn() {
    PeerId reserved = peer();
    PeerSet set =
        new PeerSet(PeerSetConfig.defaults().withReserved(Set.of(reserved), false), clock);
    PeerId regular = peer();
    set.acceptInbound(regular);
    set.acceptInbound(reserved);

    assertThat(set.setReservedOnly(true)).containsExactly(regular);
  }

  @Test
  void shouldDialReservedPeersFirstWithoutTakingASlot() {
    PeerId reserved = peer();
    PeerSet set =
        new PeerSet(
            PeerSetConfig.defaults().withSlots(0, 1).withReserved(Set.of(reserved), false), clock);
    set.addAddress(reserved, Multiaddr.parse("/ip4/8.8.8.8/tcp/30333"));
    PeerId regular = known(set, 1);

    assertThat(set.peersToDial()).containsExactly(reserved, regular);
    assertThat(set.acceptInbound(reserved)).isEqualTo(InboundDecision.ACCEPT);
  }

  @Test
  void shouldNotDisconnectAReservedPeerOnABan() {
    PeerId reserved = peer();
    PeerSet set =
        new PeerSet(PeerSetConfig.defaults().withReserved(Set.of(reserved), false), clock);
    List<PeerId> dropped = new ArrayList<>();
    set.addDisconnectListener(dropped::add);
    set.acceptInbound(reserved);

    ReportOutcome outcome = set.report(reserved, ReputationChange.WRONG_GENESIS);

    assertThat(outcome.banned()).isTrue();
    assertThat(outcome.disconnect()).isFalse();
    assertThat(dropped).isEmpty();
  }

  @Test
  void shouldForgetAnIdlePeerAnHourAfterItWasLastTouched() {
    PeerId reserved = peer();
    PeerSet set =
        new PeerSet(PeerSetConfig.defaults().withReserved(Set.of(reserved), false), clock);
    PeerId idle = known(set, 1);
    PeerId connected = known(set, 2);
    PeerId disliked = known(set, 3);
    set.acceptInbound(connected);
    clock.advance(Duration.ofSeconds(1));
    set.report(disliked, new ReputationChange(Integer.MIN_VALUE, "fatal"));

    clock.advance(PeerSet.FORGET_AFTER.minusSeconds(1));
    assertThat(set.isKnown(idle)).isTrue();
    clock.advance(Duration.ofSeconds(1));

    assertThat(set.isKnown(idle)).isFalse();
    assertThat(set.isKnown(connected)).isTrue();
    assertThat(set.isKnown(reserved)).isTrue();
    // Its reputation decayed to 0 long ago, but the report touched it after the idle peer.
    assertThat(set.isKnown(disliked)).isTrue();
    clock.advance(Duration.ofSeconds(1));
    assertThat(set.isKnown(disliked)).isFalse();
  }

  @Test
  void shouldSkipPeersWithoutAddresses() {
    PeerSet set = new PeerSet(PeerSetConfig.defaults(), clock);
    PeerId silent = peer();
    set.report(silent, new ReputationChange(100, "known from a report only"));

    assertThat(set.peersToDial()).isEmpty();
  }

  @Test
  void shouldDropPrivateAddressesWhenTheyAreNotAllowed() {
    PeerSet set = new PeerSet(PeerSetConfig.defaults().withAllowPrivateIp(false), clock);
    PeerId peer = peer();

    assertThat(set.addAddress(peer, Multiaddr.parse("/ip4/192.168.1.5/tcp/30333"))).isFalse();
    assertThat(set.addAddress(peer, Multiaddr.parse("/ip4/1.2.3.4/tcp/30333/p2p/" + peer)))
        .isTrue();
    assertThat(set.addresses(peer)).containsExactly(Multiaddr.parse("/ip4/1.2.3.4/tcp/30333"));
  }

  @Test
  void shouldClassifyPrivateAndPublicAddresses() {
    for (String address :
        List.of(
            "/ip4/127.0.0.1/tcp/1",
            "/ip4/10.1.2.3/tcp/1",
            "/ip4/172.16.0.1/tcp/1",
            "/ip4/192.168.0.1/tcp/1",
            "/ip4/169.254.1.1/tcp/1",
            "/ip4/100.64.0.1/tcp/1",
            "/ip4/0.0.0.0/tcp/1",
            "/ip6/::1/tcp/1",
            "/ip6/fd00::1/tcp/1",
            "/ip6/fe80::1/tcp/1")) {
      assertThat(AddressScope.isPrivate(Multiaddr.parse(address))).as(address).isTrue();
    }
    for (String address :
        List.of(
            "/ip4/8.8.8.8/tcp/1",
            "/ip4/100.128.0.1/tcp/1",
            "/ip4/172.32.0.1/tcp/1",
            "/ip6/2001:db8::1/tcp/1",
            "/dns/example.com/tcp/1")) {
      assertThat(AddressScope.isPrivate(Multiaddr.parse(address))).as(address).isFalse();
    }
  }
}
