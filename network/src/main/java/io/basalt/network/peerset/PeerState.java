/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

/** Where the peer set stands with a peer. */
public enum PeerState {
  /** Known, not connected. */
  NOT_CONNECTED,
  /** Chosen by {@link PeerSet#peersToDial()}; the dial has not finished. */
  DIALING,
  /** Connected; the peer dialed us. */
  INBOUND,
  /** Connected; we dialed the peer. */
  OUTBOUND;

  /** Whether the peer occupies a slot or a dial. */
  public boolean isActive() {
    return this != NOT_CONNECTED;
  }
}
