/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import io.basalt.rpc.subscription.Outbox;
import io.netty.channel.Channel;
import io.netty.handler.codec.http.websocketx.TextWebSocketFrame;

/**
 * A WebSocket's outgoing messages, bounded by {@code --rpc-message-buffer-capacity-per-connection}:
 * a message counts from its write until Netty has handed it to the socket. Responses to calls are
 * always written (reading pauses instead, see {@link WebSocketRpcHandler}); notifications wait in
 * their subscription while there is no room. Confined to the channel's event loop.
 */
final class ChannelOutbox implements Outbox {
  private final Channel channel;
  private final int capacity;
  private final Runnable onDrain;
  private int pending;

  /**
   * An outbox.
   *
   * @param onDrain runs on the event loop each time a message has left
   */
  ChannelOutbox(Channel channel, int capacity, Runnable onDrain) {
    this.channel = channel;
    this.capacity = capacity;
    this.onDrain = onDrain;
  }

  @Override
  public boolean hasRoom() {
    return pending < capacity && channel.isActive();
  }

  @Override
  public void write(String message) {
    pending++;
    channel
        .writeAndFlush(new TextWebSocketFrame(message))
        .addListener(
            f -> {
              pending--;
              onDrain.run();
            });
  }

  @Override
  public void execute(Runnable task) {
    channel.eventLoop().execute(task);
  }

  /** Messages written and not yet on the socket. */
  int pending() {
    return pending;
  }
}
