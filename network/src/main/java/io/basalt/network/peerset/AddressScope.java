/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

import io.basalt.network.multiaddr.Multiaddr;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;

/**
 * Whether an address is reachable on the public internet, for {@code --no-private-ip}: loopback,
 * RFC 1918 private, link-local, CGNAT (100.64/10), unique-local IPv6 (fc00::/7) and unspecified
 * addresses are private. DNS names are taken as public.
 */
public final class AddressScope {
  private AddressScope() {}

  /** Whether {@code address} names a private, loopback, link-local or unspecified IP. */
  public static boolean isPrivate(Multiaddr address) {
    Optional<InetAddress> ip = ipOf(address);
    if (ip.isEmpty()) {
      return false;
    }
    InetAddress a = ip.get();
    if (a.isLoopbackAddress()
        || a.isSiteLocalAddress()
        || a.isLinkLocalAddress()
        || a.isAnyLocalAddress()) {
      return true;
    }
    byte[] bytes = a.getAddress();
    if (bytes.length == 4) {
      int first = bytes[0] & 0xff;
      int second = bytes[1] & 0xff;
      return first == 100 && second >= 64 && second < 128;
    }
    return (bytes[0] & 0xfe) == 0xfc;
  }

  private static Optional<InetAddress> ipOf(Multiaddr address) {
    if (address.components().isEmpty()) {
      return Optional.empty();
    }
    Multiaddr.Component first = address.components().getFirst();
    if (first.protocol() != Multiaddr.Protocol.IP4 && first.protocol() != Multiaddr.Protocol.IP6) {
      return Optional.empty();
    }
    try {
      return Optional.of(InetAddress.getByAddress(first.value().toArray()));
    } catch (UnknownHostException e) {
      return Optional.empty();
    }
  }
}
