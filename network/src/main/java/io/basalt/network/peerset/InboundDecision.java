/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

/** The answer to a peer that connected to us. */
public enum InboundDecision {
  ACCEPT,
  /** The peer is banned. */
  REFUSE_BANNED,
  /** We only talk to reserved peers and this one is not. */
  REFUSE_RESERVED_ONLY,
  /** Every inbound slot is taken. */
  REFUSE_NO_SLOT;

  public boolean accepted() {
    return this == ACCEPT;
  }
}
