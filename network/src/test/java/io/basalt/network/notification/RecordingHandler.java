/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.notification;

import io.basalt.network.transport.Connection;
import io.basalt.primitives.crypto.PeerId;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.BiPredicate;

/** A handler that records events as text lines and accepts handshakes a predicate approves. */
final class RecordingHandler implements NotificationHandler {
  final BlockingQueue<String> events = new LinkedBlockingQueue<>();
  volatile BiPredicate<byte[], Connection.Direction> accept = (h, d) -> true;

  @Override
  public boolean onHandshake(PeerId peer, byte[] handshake, Connection.Direction direction) {
    boolean ok = accept.test(handshake, direction);
    events.add("handshake " + direction + " " + text(handshake) + (ok ? "" : " refused"));
    return ok;
  }

  @Override
  public void onOpened(PeerId peer, byte[] theirHandshake) {
    events.add("opened " + text(theirHandshake));
  }

  @Override
  public void onNotification(PeerId peer, byte[] notification) {
    events.add("notification " + text(notification));
  }

  @Override
  public void onClosed(PeerId peer) {
    events.add("closed");
  }

  /** The next event; fails after 10 s (a hang, not a slow run). */
  String next() {
    try {
      String event = events.poll(10, TimeUnit.SECONDS);
      if (event == null) {
        throw new AssertionError("no event within 10 s");
      }
      return event;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError(e);
    }
  }

  /** Skips events until one starting with {@code prefix}. */
  String nextStartingWith(String prefix) {
    while (true) {
      String event = next();
      if (event.startsWith(prefix)) {
        return event;
      }
    }
  }

  static String text(byte[] bytes) {
    return new String(bytes, StandardCharsets.UTF_8);
  }

  static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
