/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.notification;

import io.basalt.network.transport.Connection;
import io.basalt.primitives.crypto.PeerId;

/**
 * What a {@link NotificationProtocol} tells its owner. Called on the connection's event loop: must
 * not block.
 */
public interface NotificationHandler {
  /**
   * A handshake from {@code peer}: on a substream it opened ({@link Connection.Direction#INBOUND},
   * before we answer) or the answer on ours ({@link Connection.Direction#OUTBOUND}). Returning
   * false resets the substream; report the peer to the peer set first if it misbehaved.
   */
  boolean onHandshake(PeerId peer, byte[] handshake, Connection.Direction direction);

  /** Our outbound substream's handshake was answered with {@code theirHandshake}: we may send. */
  void onOpened(PeerId peer, byte[] theirHandshake);

  /** A notification from an open peer. */
  void onNotification(PeerId peer, byte[] notification);

  /** A peer that was open is not any more (closed by either side, reset, or connection lost). */
  void onClosed(PeerId peer);
}
