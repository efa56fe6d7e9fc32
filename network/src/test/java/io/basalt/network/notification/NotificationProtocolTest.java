/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.notification;

import static io.basalt.network.notification.RecordingHandler.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.network.frame.FrameReader;
import io.basalt.network.peerset.InboundDecision;
import io.basalt.network.peerset.PeerSet;
import io.basalt.network.peerset.PeerSetConfig;
import io.basalt.network.peerset.RecordingReporter;
import io.basalt.network.peerset.ReputationChange;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.MemoryConnection;
import io.basalt.network.transport.MemoryPeer;
import io.basalt.network.transport.ProtocolNotSupportedException;
import io.basalt.network.transport.StreamListener;
import io.basalt.network.transport.Substream;
import io.basalt.testsupport.RandomCases;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class NotificationProtocolTest {
  private static final List<String> NAMES = List.of("/genesis/block-announces/1");

  private final SplittableRandom random = new SplittableRandom(7);
  private final MemoryPeer alice = MemoryPeer.random(random);
  private final MemoryPeer bob = MemoryPeer.random(random);
  private final RecordingHandler aliceEvents = new RecordingHandler();
  private final RecordingHandler bobEvents = new RecordingHandler();
  private final RecordingReporter aliceReports = new RecordingReporter();
  private final RecordingReporter bobReports = new RecordingReporter();

  @AfterEach
  void close() {
    assertThat(alice.listenerFailures()).isEmpty();
    assertThat(bob.listenerFailures()).isEmpty();
    alice.close();
    bob.close();
  }

  private NotificationProtocol protocol(
      MemoryPeer peer,
      List<String> names,
      String handshake,
      int maxNotification,
      RecordingHandler handler,
      RecordingReporter reporter,
      int queue) {
    NotificationProtocol protocol =
        new NotificationProtocol(
            new NotificationConfig(names, () -> bytes(handshake), 1024, maxNotification, queue),
            handler,
            reporter);
    names.forEach(name -> peer.handle(name, protocol::accept));
    return protocol;
  }

  private NotificationProtocol aliceProtocol() {
    return protocol(alice, NAMES, "alice-hs", 1024, aliceEvents, aliceReports, 16);
  }

  private NotificationProtocol bobProtocol() {
    return protocol(bob, NAMES, "bob-hs", 1024, bobEvents, bobReports, 16);
  }

  private static void await(java.util.concurrent.CompletableFuture<?> future) {
    try {
      future.get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  @Test
  void shouldExchangeHandshakesAndCarryNotificationsBothWays() {
    NotificationProtocol a = aliceProtocol();
    NotificationProtocol b = bobProtocol();
    MemoryConnection connection = MemoryPeer.connect(alice, bob);

    await(a.open(connection));

    assertThat(aliceEvents.next()).isEqualTo("handshake OUTBOUND bob-hs");
    assertThat(aliceEvents.next()).isEqualTo("opened bob-hs");
    assertThat(bobEvents.next()).isEqualTo("handshake INBOUND alice-hs");
    // Bob accepted Alice's substream, so he opens his own back; Alice accepts it.
    assertThat(bobEvents.nextStartingWith("opened")).isEqualTo("opened alice-hs");
    assertThat(a.openPeers()).containsExactly(bob.id());
    assertThat(b.openPeers()).containsExactly(alice.id());

    assertThat(a.send(bob.id(), bytes("block 1"))).isTrue();
    assertThat(a.send(bob.id(), bytes("block 2"))).isTrue();
    assertThat(b.send(alice.id(), bytes("block 7"))).isTrue();

    assertThat(bobEvents.next()).isEqualTo("notification block 1");
    assertThat(bobEvents.next()).isEqualTo("notification block 2");
    assertThat(aliceEvents.nextStartingWith("notification")).isEqualTo("notification block 7");
  }

  @Test
  void shouldResetAndFailTheOpenWhenTheAcceptorRefusesTheHandshake() {
    NotificationProtocol a = aliceProtocol();
    NotificationProtocol b = bobProtocol();
    bobEvents.accept = (handshake, direction) -> false;

    assertThatThrownBy(() -> a.open(MemoryPeer.connect(alice, bob)).join())
        .isInstanceOf(CompletionException.class)
        .hasCauseInstanceOf(OpenFailedException.class);

    assertThat(bobEvents.next()).isEqualTo("handshake INBOUND alice-hs refused");
    assertThat(a.openPeers()).isEmpty();
    assertThat(b.openPeers()).isEmpty();
    assertThat(a.send(bob.id(), bytes("x"))).isFalse();
  }

  @Test
  void shouldBanAndDisconnectAPeerWithAnotherGenesis() {
    PeerSet peerSet = new PeerSet(PeerSetConfig.defaults(), java.time.Clock.systemUTC());
    NotificationProtocol a =
        protocol(alice, NAMES, "other-genesis", 1024, aliceEvents, aliceReports, 16);
    NotificationProtocol b =
        new NotificationProtocol(
            new NotificationConfig(NAMES, () -> bytes("bob-hs"), 1024, 1024), bobEvents, peerSet);
    NAMES.forEach(name -> bob.handle(name, b::accept));
    MemoryConnection connection = MemoryPeer.connect(alice, bob);
    assertThat(peerSet.acceptInbound(alice.id())).isEqualTo(InboundDecision.ACCEPT);
    peerSet.addDisconnectListener(
        peer -> {
          if (peer.equals(connection.other().remotePeer())) {
            connection.other().close();
          }
        });
    bobEvents.accept =
        (handshake, direction) -> {
          if (!RecordingHandler.text(handshake).equals("alice-hs")) {
            var unused = peerSet.report(alice.id(), ReputationChange.WRONG_GENESIS);
            return false;
          }
          return true;
        };

    assertThatThrownBy(() -> a.open(connection).join()).isInstanceOf(CompletionException.class);

    assertThat(peerSet.isBanned(alice.id())).isTrue();
    await(connection.closeFuture());
    assertThat(b.openPeers()).isEmpty();
  }

  @Test
  void shouldNotOpenWhenTheOpenerRefusesTheAnswer() {
    NotificationProtocol a = aliceProtocol();
    bobProtocol();
    aliceEvents.accept = (handshake, direction) -> direction == Connection.Direction.INBOUND;

    assertThatThrownBy(() -> a.open(MemoryPeer.connect(alice, bob)).join())
        .hasCauseInstanceOf(OpenFailedException.class);
    assertThat(aliceEvents.next()).isEqualTo("handshake OUTBOUND bob-hs refused");
    assertThat(a.openPeers()).isEmpty();
  }

  @Test
  void shouldOpenOnAFallbackName() {
    NotificationProtocol a =
        protocol(
            alice,
            List.of("/genesis/block-announces/2", "/dot/block-announces/1"),
            "alice-hs",
            1024,
            aliceEvents,
            aliceReports,
            16);
    NotificationProtocol b =
        protocol(bob, List.of("/dot/block-announces/1"), "bob-hs", 1024, bobEvents, bobReports, 16);

    await(a.open(MemoryPeer.connect(alice, bob)));
    assertThat(a.send(bob.id(), bytes("via fallback"))).isTrue();

    assertThat(bobEvents.nextStartingWith("notification")).isEqualTo("notification via fallback");
    assertThat(b.openPeers()).containsExactly(alice.id());
  }

  @Test
  void shouldFailTheOpenWhenThePeerSupportsNoName() {
    NotificationProtocol a = aliceProtocol();

    assertThatThrownBy(() -> a.open(MemoryPeer.connect(alice, bob)).join())
        .hasCauseInstanceOf(ProtocolNotSupportedException.class);
    assertThat(a.openPeers()).isEmpty();
  }

  @Test
  void shouldResetAndReportAnOversizedNotification() {
    NotificationProtocol a = aliceProtocol();
    NotificationProtocol b = protocol(bob, NAMES, "bob-hs", 8, bobEvents, bobReports, 16);
    await(a.open(MemoryPeer.connect(alice, bob)));
    bobEvents.nextStartingWith("opened");

    assertThat(a.send(bob.id(), bytes("a notification longer than eight bytes"))).isTrue();

    assertThat(bobEvents.next()).isEqualTo("closed");
    assertThat(aliceEvents.nextStartingWith("closed")).isEqualTo("closed");
    assertThat(bobReports.reports()).containsExactly(alice.id() + " Bad message");
    assertThat(b.openPeers()).isEmpty();
    assertThat(a.openPeers()).isEmpty();
  }

  @Test
  void shouldCloseBothSidesWhenOneCloses() {
    NotificationProtocol a = aliceProtocol();
    NotificationProtocol b = bobProtocol();
    await(a.open(MemoryPeer.connect(alice, bob)));
    bobEvents.nextStartingWith("opened");

    a.close(bob.id());

    assertThat(aliceEvents.nextStartingWith("closed")).isEqualTo("closed");
    assertThat(bobEvents.nextStartingWith("closed")).isEqualTo("closed");
    assertThat(a.openPeers()).isEmpty();
    assertThat(b.openPeers()).isEmpty();
    assertThat(b.send(alice.id(), bytes("late"))).isFalse();
  }

  @Test
  void shouldCloseWhenTheConnectionIsLost() {
    NotificationProtocol a = aliceProtocol();
    bobProtocol();
    MemoryConnection connection = MemoryPeer.connect(alice, bob);
    await(a.open(connection));
    bobEvents.nextStartingWith("opened");

    connection.close();

    assertThat(aliceEvents.nextStartingWith("closed")).isEqualTo("closed");
    assertThat(bobEvents.nextStartingWith("closed")).isEqualTo("closed");
  }

  @Test
  void shouldDropNotificationsWhenThePeersQueueIsFull() {
    NotificationProtocol a = protocol(alice, NAMES, "alice-hs", 1024, aliceEvents, aliceReports, 4);
    bobProtocol();
    MemoryConnection connection = MemoryPeer.connect(alice, bob);
    await(a.open(connection));

    connection.holdWrites();
    for (int i = 0; i < 4; i++) {
      assertThat(a.send(bob.id(), bytes("n" + i))).isTrue();
    }
    assertThat(a.send(bob.id(), bytes("one too many"))).isFalse();
    assertThat(a.droppedNotifications()).isEqualTo(1);

    connection.releaseWrites();
    alice.drain();
    assertThat(a.send(bob.id(), bytes("room again"))).isTrue();
  }

  @Test
  void shouldRefuseToSendANotificationOverTheLimit() {
    NotificationProtocol a = protocol(alice, NAMES, "alice-hs", 4, aliceEvents, aliceReports, 4);
    bobProtocol();
    await(a.open(MemoryPeer.connect(alice, bob)));

    assertThatThrownBy(() -> a.send(bob.id(), new byte[5]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("exceeds the limit of 4");
  }

  @Test
  void shouldSurviveRandomBytesOnAnInboundSubstream() {
    bobProtocol();
    RandomCases.forAll(
        200,
        r -> RandomCases.bytes(r, 0, 300),
        garbage -> {
          MemoryConnection connection = MemoryPeer.connect(alice, bob);
          Substream raw = connection.openSubstream(NAMES).join();
          raw.setListener(new Ignore());
          int cut = garbage.length / 2;
          var unused1 = raw.write(java.util.Arrays.copyOfRange(garbage, 0, cut));
          var unused2 = raw.write(java.util.Arrays.copyOfRange(garbage, cut, garbage.length));
          raw.closeWrite();
          connection.close();
          bob.drain();
          assertThat(bob.listenerFailures()).isEmpty();
        });
  }

  @Test
  void shouldResetAndReportAnOversizedHandshake() {
    NotificationProtocol b = protocol(bob, NAMES, "bob-hs", 1024, bobEvents, bobReports, 16);
    Substream raw = MemoryPeer.connect(alice, bob).openSubstream(NAMES).join();
    raw.setListener(new Ignore());

    var unused = raw.write(io.basalt.network.frame.UnsignedVarint.encode(1025));
    bob.drain();

    assertThat(bobReports.reports()).containsExactly(alice.id() + " Bad message");
    assertThat(bobEvents.events).isEmpty();
    assertThat(b.openPeers()).isEmpty();
  }

  @Test
  void shouldDeliverAValidHandshakeAndNotificationsFromARawOpener() {
    NotificationProtocol b = bobProtocol();
    MemoryConnection connection = MemoryPeer.connect(alice, bob);
    Substream raw = connection.openSubstream(NAMES).join();
    raw.setListener(new Ignore());
    byte[] handshake = FrameReader.encode(bytes("raw-hs"));
    byte[] first = FrameReader.encode(bytes("one"));
    // Everything in one write: the handshake and a notification split across the boundary.
    byte[] all = new byte[handshake.length + first.length];
    System.arraycopy(handshake, 0, all, 0, handshake.length);
    System.arraycopy(first, 0, all, handshake.length, first.length);
    var unused = raw.write(all);

    assertThat(bobEvents.next()).isEqualTo("handshake INBOUND raw-hs");
    // Bob opens back; Alice has no handler, so his open fails and the notification waits unseen.
    bob.drain();
    assertThat(b.openPeers()).isEmpty();
  }

  private static final class Ignore implements StreamListener {
    @Override
    public void onData(byte[] bytes) {}

    @Override
    public void onRemoteClosed() {}

    @Override
    public void onReset() {}
  }
}
