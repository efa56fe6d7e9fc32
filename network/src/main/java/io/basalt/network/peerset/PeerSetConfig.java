/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

import io.basalt.primitives.crypto.PeerId;
import java.time.Duration;
import java.util.Set;

/**
 * How many peers to keep and whom.
 *
 * @param inPeers inbound slots ({@code --in-peers}, default 32); reserved peers take none
 * @param outPeers outbound slots ({@code --out-peers}, default 8); reserved peers take none
 * @param reserved peers always kept: dialed first, accepted without a slot, never disconnected on a
 *     report (Substrate ignores disconnect requests for them)
 * @param reservedOnly whether to dial and accept reserved peers only
 * @param allowPrivateIp whether private and loopback addresses are kept ({@code --no-private-ip}
 *     turns this off)
 * @param backoffBase how long to wait before dialing a peer again after its first failure; each
 *     further failure doubles it
 * @param backoffMax the longest wait between dials of a failing peer
 */
public record PeerSetConfig(
    int inPeers,
    int outPeers,
    Set<PeerId> reserved,
    boolean reservedOnly,
    boolean allowPrivateIp,
    Duration backoffBase,
    Duration backoffMax) {
  public PeerSetConfig {
    if (inPeers < 0 || outPeers < 0) {
      throw new IllegalArgumentException(
          "peer slots are not negative: " + inPeers + "/" + outPeers);
    }
    reserved = Set.copyOf(reserved);
  }

  /** 32 in, 8 out, no reserved peers, private addresses allowed, backoff 5 s doubling to 10 min. */
  public static PeerSetConfig defaults() {
    return new PeerSetConfig(
        32, 8, Set.of(), false, true, Duration.ofSeconds(5), Duration.ofMinutes(10));
  }

  public PeerSetConfig withSlots(int in, int out) {
    return new PeerSetConfig(
        in, out, reserved, reservedOnly, allowPrivateIp, backoffBase, backoffMax);
  }

  public PeerSetConfig withReserved(Set<PeerId> peers, boolean only) {
    return new PeerSetConfig(
        inPeers, outPeers, peers, only, allowPrivateIp, backoffBase, backoffMax);
  }

  public PeerSetConfig withAllowPrivateIp(boolean allow) {
    return new PeerSetConfig(
        inPeers, outPeers, reserved, reservedOnly, allow, backoffBase, backoffMax);
  }
}
