/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.rpc.dispatch.RpcJson;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class SubscriptionManagerTest {
  /** An outbox whose room the test sets; tasks run when {@link #runTasks} is called. */
  static final class FakeOutbox implements Outbox {
    final List<String> written = new ArrayList<>();
    final List<Runnable> tasks = new ArrayList<>();
    int room = Integer.MAX_VALUE;

    @Override
    public boolean hasRoom() {
      return room > 0;
    }

    @Override
    public void write(String message) {
      room--;
      written.add(message);
    }

    @Override
    public void execute(Runnable task) {
      tasks.add(task);
    }

    void runTasks() {
      while (!tasks.isEmpty()) {
        tasks.remove(0).run();
      }
    }
  }

  private final FakeOutbox outbox = new FakeOutbox();
  private final SubscriptionManager manager =
      new SubscriptionManager(outbox, RpcJson.MAPPER, SubscriptionIds.sequential(), 3, "peer");

  @Test
  void holdsNotificationsUntilTheIdIsOut() {
    SubscriptionSink sink = manager.open("chain_newHead");
    assertThat(sink.id()).isEqualTo("sub0000000000001").hasSize(16);
    assertThat(sink.send(1)).isTrue();
    outbox.runTasks();
    assertThat(outbox.written).isEmpty();
    manager.activate(List.of(sink.id()));
    outbox.runTasks();
    assertThat(outbox.written)
        .containsExactly(
            "{\"jsonrpc\":\"2.0\",\"method\":\"chain_newHead\",\"params\":"
                + "{\"subscription\":\"sub0000000000001\",\"result\":1}}");
  }

  @Test
  void dropsASubscriptionWhoseSeventeenthNotificationFindsNoRoom() {
    AtomicInteger closed = new AtomicInteger();
    SubscriptionSink sink = manager.open("test_event");
    sink.onClose(closed::incrementAndGet);
    manager.activate(List.of(sink.id()));
    outbox.room = 0;
    for (int i = 0; i < SubscriptionManager.BUFFER_PER_SUBSCRIPTION; i++) {
      assertThat(sink.send(i)).as("notification %d fits the buffer", i).isTrue();
    }
    assertThat(sink.send(16)).isFalse();
    assertThat(closed.get()).isEqualTo(1);
    assertThat(sink.isClosed()).isTrue();
    assertThat(manager.size()).isZero();
    outbox.room = 100;
    manager.requestPump();
    outbox.runTasks();
    assertThat(outbox.written).as("nothing more is sent for a dropped subscription").isEmpty();
    assertThat(manager.unsubscribe(sink.id())).isFalse();
  }

  @Test
  void sharesTheRoomBetweenSubscriptionsInTurn() {
    SubscriptionSink a = manager.open("a");
    SubscriptionSink b = manager.open("b");
    manager.activate(List.of(a.id(), b.id()));
    outbox.room = 0;
    a.send(1);
    a.send(2);
    b.send(3);
    outbox.room = 2;
    manager.requestPump();
    outbox.runTasks();
    assertThat(outbox.written).hasSize(2);
    assertThat(outbox.written.get(0)).contains("\"method\":\"a\"");
    assertThat(outbox.written.get(1)).contains("\"method\":\"b\"");
  }

  @Test
  void closesWithAnErrorAfterTheQueuedNotifications() {
    SubscriptionSink sink = manager.open("test_event");
    manager.activate(List.of(sink.id()));
    outbox.room = 0;
    sink.send("last");
    sink.closeWithError(-32000, "stream ended", null);
    assertThat(sink.send("late")).isFalse();
    outbox.room = 10;
    manager.requestPump();
    outbox.runTasks();
    assertThat(outbox.written).hasSize(2);
    assertThat(outbox.written.get(1))
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"method\":\"test_event\",\"params\":{\"subscription\":"
                + "\"sub0000000000001\",\"error\":{\"code\":-32000,\"message\":\"stream ended\"}}}");
    assertThat(manager.size()).isZero();
  }

  @Test
  void enforcesTheLimitAndEndsEverythingWhenTheSocketCloses() {
    AtomicInteger closed = new AtomicInteger();
    for (int i = 0; i < 3; i++) {
      manager.open("e").onClose(closed::incrementAndGet);
    }
    assertThatThrownBy(() -> manager.open("e"))
        .isInstanceOf(SubscriptionLimitException.class)
        .satisfies(e -> assertThat(((SubscriptionLimitException) e).limit()).isEqualTo(3));
    manager.closeAll();
    assertThat(closed.get()).isEqualTo(3);
    SubscriptionSink late = manager.open("e");
    assertThat(late.isClosed()).isTrue();
    assertThat(late.send(1)).isFalse();
  }

  @Test
  void endsALaggingSubscriptionWithItsNoticeWhenItHasOne() {
    AtomicInteger closed = new AtomicInteger();
    SubscriptionSink sink =
        manager.open(
            "follow", SubscriptionBuffer.of(2).endingWith(java.util.Map.of("event", "stop")));
    sink.onClose(closed::incrementAndGet);
    manager.activate(List.of(sink.id()));
    outbox.room = 0;
    assertThat(sink.send(1)).isTrue();
    assertThat(sink.send(2)).isTrue();
    assertThat(sink.send(3)).as("the third overflows a buffer of 2").isFalse();
    assertThat(closed.get()).as("the producer hears of it at once").isEqualTo(1);
    assertThat(sink.send(4)).isFalse();
    outbox.room = 10;
    manager.requestPump();
    outbox.runTasks();
    assertThat(outbox.written)
        .hasSize(3)
        .last()
        .isEqualTo(
            "{\"jsonrpc\":\"2.0\",\"method\":\"follow\",\"params\":{\"subscription\":"
                + "\"sub0000000000001\",\"result\":{\"event\":\"stop\"}}}");
    assertThat(manager.size()).isZero();
  }

  @Test
  void sendWhenRoomWaitsForTheClientInsteadOfDropping() throws InterruptedException {
    SubscriptionSink sink = manager.open("storage", SubscriptionBuffer.of(1));
    manager.activate(List.of(sink.id()));
    outbox.room = 0;
    assertThat(sink.sendWhenRoom("first")).isTrue();
    java.util.concurrent.atomic.AtomicBoolean second =
        new java.util.concurrent.atomic.AtomicBoolean();
    Thread producer = Thread.ofPlatform().start(() -> second.set(sink.sendWhenRoom("second")));
    producer.join(200);
    assertThat(producer.isAlive()).as("it waits while the buffer is full").isTrue();
    synchronized (outbox) {
      outbox.room = 10;
    }
    manager.pump();
    producer.join(10_000);
    assertThat(producer.isAlive()).isFalse();
    assertThat(second.get()).isTrue();
    manager.pump();
    assertThat(outbox.written).hasSize(2);

    outbox.room = 0;
    sink.sendWhenRoom("fills the buffer");
    Thread blocked = Thread.ofPlatform().start(() -> second.set(sink.sendWhenRoom("never")));
    manager.unsubscribe(sink.id());
    blocked.join(10_000);
    assertThat(blocked.isAlive()).isFalse();
    assertThat(second.get()).as("an ended subscription releases its waiting producer").isFalse();
  }
}
