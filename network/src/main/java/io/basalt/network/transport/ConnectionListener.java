/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transport;

/** Learns of connections as they are established (after Noise and Yamux) and closed. */
public interface ConnectionListener {
  void onOpened(Connection connection);

  void onClosed(Connection connection);
}
