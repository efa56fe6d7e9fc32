/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import io.basalt.rpc.dispatch.CallContext;
import io.basalt.rpc.dispatch.RpcDispatcher;
import io.basalt.rpc.dispatch.RpcError;
import io.basalt.rpc.dispatch.RpcException;
import io.netty.channel.EventLoop;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs requests off the event loop: parse and execute on the bounded worker pool, wait out the rate
 * limit on the connection's event loop timer (no thread sleeps), and hand the outcome back to the
 * event loop. A full pool answers {@code -32009 Server is busy, try again later}.
 */
final class CallRunner {
  private final RpcDispatcher dispatcher;
  private final ExecutorService workers;

  CallRunner(RpcDispatcher dispatcher, ExecutorService workers) {
    this.dispatcher = dispatcher;
    this.workers = workers;
  }

  /**
   * Runs {@code body} and calls {@code done} on {@code loop} with the outcome.
   *
   * @param limiter the connection's rate limiter, or null
   */
  void run(
      String body,
      CallContext context,
      RateLimiter limiter,
      EventLoop loop,
      Consumer<RpcDispatcher.Outcome> done) {
    submit(
        loop,
        done,
        () -> {
          RpcDispatcher.Message message = dispatcher.parse(body);
          long wait = limiter == null ? 0 : limiter.reserve(message.callCount());
          if (wait <= 0) {
            deliver(loop, done, dispatcher.execute(message, context));
          } else {
            var unused =
                loop.schedule(
                    () ->
                        submit(
                            loop,
                            done,
                            () -> deliver(loop, done, dispatcher.execute(message, context))),
                    wait,
                    TimeUnit.NANOSECONDS);
          }
        });
  }

  private void submit(EventLoop loop, Consumer<RpcDispatcher.Outcome> done, Runnable task) {
    try {
      workers.execute(task);
    } catch (RejectedExecutionException e) {
      deliver(loop, done, busy());
    }
  }

  private static void deliver(
      EventLoop loop, Consumer<RpcDispatcher.Outcome> done, RpcDispatcher.Outcome outcome) {
    loop.execute(() -> done.accept(outcome));
  }

  /** Runs an outcome's after-response actions; one failing does not stop the others. */
  static void runAfterResponse(RpcDispatcher.Outcome outcome, ServerState state) {
    for (Runnable action : outcome.afterResponse()) {
      try {
        action.run();
      } catch (RuntimeException e) {
        state.log().warn("An RPC after-response action failed: {}", e.toString(), e);
      }
    }
  }

  /** The answer when no worker can take the request. */
  static RpcDispatcher.Outcome busy() {
    RpcException e = RpcError.SERVER_IS_BUSY.exception();
    return new RpcDispatcher.Outcome(Optional.of(errorText(e)), List.of());
  }

  /** A standalone error response with id null. */
  static String errorText(RpcException e) {
    return "{\"jsonrpc\":\"2.0\",\"id\":null,\"error\":{\"code\":"
        + e.code()
        + ",\"message\":\""
        + e.getMessage()
        + "\""
        + e.data().map(d -> ",\"data\":\"" + d + "\"").orElse("")
        + "}}";
  }
}
