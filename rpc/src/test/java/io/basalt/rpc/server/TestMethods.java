/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Safety;
import io.basalt.rpc.dispatch.SubscriptionNames;
import io.basalt.rpc.subscription.SubscriptionSink;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Methods for the server tests: {@code test_echo} (its first param), {@code test_big} (a string of
 * N characters), {@code test_unsafe}, a {@code test_subscribe} feed the test drives, and {@code
 * test_flood}, whose producer sends notifications of N characters until the sink refuses.
 */
final class TestMethods implements MethodGroup {
  final List<SubscriptionSink> feed = new CopyOnWriteArrayList<>();
  final AtomicInteger closedFeeds = new AtomicInteger();
  final AtomicInteger floodSent = new AtomicInteger();
  final CountDownLatch floodStopped = new CountDownLatch(1);

  @Override
  public void register(MethodRegistry methods) {
    methods.call("test_echo", Safety.SAFE, p -> p.required(0, "value", ParamType.JSON));
    methods.call(
        "test_big",
        Safety.SAFE,
        p -> "x".repeat(Math.toIntExact(p.required(0, "length", ParamType.U32))));
    methods.call("test_unsafe", Safety.UNSAFE, p -> "ok");
    methods.subscription(
        SubscriptionNames.of("test_subscribe", "test_event", "test_unsubscribe")
            .withSubscribeAliases("test_subscribeAlias"),
        Safety.SAFE,
        (params, sink) -> {
          feed.add(sink);
          sink.onClose(closedFeeds::incrementAndGet);
        });
    methods.subscription(
        SubscriptionNames.of("test_flood", "test_floodEvent", "test_unflood"),
        Safety.SAFE,
        (params, sink) -> {
          String payload = "y".repeat(Math.toIntExact(params.required(0, "size", ParamType.U32)));
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (sink.send(payload)) {
                      floodSent.incrementAndGet();
                    }
                    floodStopped.countDown();
                  });
        });
  }

  /** Sends {@code value} to every open subscription of the feed. */
  void publish(Object value) {
    feed.forEach(sink -> sink.send(value));
  }
}
