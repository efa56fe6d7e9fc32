/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.multiaddr;

import io.basalt.network.frame.FrameException;
import io.basalt.network.frame.UnsignedVarint;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import java.io.ByteArrayOutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * A multiaddr ({@code /ip4/127.0.0.1/tcp/30333/ws/p2p/12D3KooW…}): a list of protocol components,
 * in text and binary form. Basalt dials and listens on {@code ip4|ip6|dns|dns4|dns6} + {@code tcp}
 * (+ {@code ws}); other components parse and print so that peers' addresses can be kept and shown.
 *
 * @param components the components, outermost first
 */
public record Multiaddr(List<Component> components) {
  public Multiaddr {
    components = List.copyOf(components);
  }

  /**
   * One component: a protocol and its value (empty for {@code ws}, {@code wss}, …).
   *
   * @param protocol the protocol
   * @param value its value in binary form
   */
  public record Component(Protocol protocol, Bytes value) {
    Component(Protocol protocol, byte[] value) {
      this(protocol, Bytes.of(value));
    }

    @Override
    public String toString() {
      return "/"
          + protocol.text
          + (protocol.size == 0 ? "" : "/" + protocol.valueText(value.toArray()));
    }
  }

  /** The protocols a multiaddr may name here, with their multicodec codes and value sizes. */
  public enum Protocol {
    IP4("ip4", 4, 4),
    TCP("tcp", 6, 2),
    UDP("udp", 273, 2),
    IP6("ip6", 41, 16),
    DNS("dns", 53, -1),
    DNS4("dns4", 54, -1),
    DNS6("dns6", 55, -1),
    P2P("p2p", 421, -1),
    P2P_CIRCUIT("p2p-circuit", 290, 0),
    TLS("tls", 448, 0),
    QUIC("quic", 460, 0),
    QUIC_V1("quic-v1", 461, 0),
    WS("ws", 477, 0),
    WSS("wss", 478, 0),
    WEBRTC_DIRECT("webrtc-direct", 280, 0),
    CERTHASH("certhash", 466, -1);

    private final String text;
    private final int code;

    /** The value's size in bytes; -1 for a varint-length-prefixed value. */
    private final int size;

    Protocol(String text, int code, int size) {
      this.text = text;
      this.code = code;
      this.size = size;
    }

    /** The name in text form. */
    public String text() {
      return text;
    }

    static Optional<Protocol> ofText(String text) {
      return Arrays.stream(values()).filter(p -> p.text.equals(text)).findFirst();
    }

    static Optional<Protocol> ofCode(long code) {
      return Arrays.stream(values()).filter(p -> p.code == code).findFirst();
    }

    String valueText(byte[] value) {
      return switch (this) {
        case IP4, IP6 -> {
          try {
            String host = InetAddress.getByAddress(value).getHostAddress();
            yield this == IP6 ? compressIpv6(host) : host;
          } catch (UnknownHostException e) {
            throw new IllegalStateException(e);
          }
        }
        case TCP, UDP -> Integer.toString(((value[0] & 0xff) << 8) | (value[1] & 0xff));
        case P2P -> PeerId.fromMultihash(value).toBase58();
        case CERTHASH ->
            "u" + java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(value);
        default -> new String(value, StandardCharsets.UTF_8);
      };
    }

    byte[] parseValue(String text) {
      return switch (this) {
        case IP4 -> {
          if (!text.matches("\\d{1,3}(\\.\\d{1,3}){3}")) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv4 address");
          }
          yield address(text, 4);
        }
        case IP6 -> {
          if (!text.contains(":")) {
            throw new IllegalArgumentException("'" + text + "' is not an IPv6 address");
          }
          yield address(text, 16);
        }
        case TCP, UDP -> {
          int port;
          try {
            port = Integer.parseInt(text);
          } catch (NumberFormatException e) {
            throw new IllegalArgumentException("'" + text + "' is not a port number");
          }
          if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is out of range");
          }
          yield new byte[] {(byte) (port >> 8), (byte) port};
        }
        case P2P -> PeerId.fromBase58(text).multihash().toArray();
        case CERTHASH ->
            text.startsWith("u")
                ? java.util.Base64.getUrlDecoder().decode(text.substring(1))
                : text.getBytes(StandardCharsets.UTF_8);
        default -> {
          if (text.isEmpty()) {
            throw new IllegalArgumentException("/" + this.text + " needs a value");
          }
          yield text.getBytes(StandardCharsets.UTF_8);
        }
      };
    }

    private static byte[] address(String text, int length) {
      try {
        // a literal (checked above to contain only digits and dots, or a colon): no name lookup
        byte[] bytes = InetAddress.getByName(text).getAddress();
        if (bytes.length != length) {
          throw new IllegalArgumentException(
              "'" + text + "' is not an IPv" + (length == 4 ? 4 : 6) + " address");
        }
        return bytes;
      } catch (UnknownHostException e) {
        throw new IllegalArgumentException("'" + text + "' is not an IP address", e);
      }
    }

    /** RFC 5952 text: the longest run of two or more zero groups becomes "::". */
    private static String compressIpv6(String host) {
      String[] groups = host.split(":");
      int bestStart = -1;
      int bestLength = 1;
      for (int start = 0; start < groups.length; ) {
        int end = start;
        while (end < groups.length && groups[end].equals("0")) {
          end++;
        }
        if (end - start > bestLength) {
          bestStart = start;
          bestLength = end - start;
        }
        start = end == start ? start + 1 : end;
      }
      if (bestStart < 0) {
        return host;
      }
      String head = String.join(":", Arrays.copyOfRange(groups, 0, bestStart));
      String tail =
          String.join(":", Arrays.copyOfRange(groups, bestStart + bestLength, groups.length));
      return head + "::" + tail;
    }
  }

  /**
   * Parses the text form.
   *
   * @throws IllegalArgumentException naming the part that is wrong
   */
  public static Multiaddr parse(String text) {
    if (!text.startsWith("/")) {
      throw new IllegalArgumentException("a multiaddr starts with '/': '" + text + "'");
    }
    String[] parts = text.substring(1).split("/", -1);
    List<Component> components = new ArrayList<>();
    int i = 0;
    while (i < parts.length) {
      String name = parts[i++];
      if (name.isEmpty() && i == parts.length && !components.isEmpty()) {
        break; // a trailing slash
      }
      Protocol protocol =
          Protocol.ofText(name)
              .orElseThrow(
                  () ->
                      new IllegalArgumentException(
                          "unknown multiaddr protocol '" + name + "' in '" + text + "'"));
      if (protocol.size == 0) {
        components.add(new Component(protocol, new byte[0]));
        continue;
      }
      if (i >= parts.length) {
        throw new IllegalArgumentException("/" + name + " needs a value in '" + text + "'");
      }
      components.add(new Component(protocol, protocol.parseValue(parts[i++])));
    }
    if (components.isEmpty()) {
      throw new IllegalArgumentException("an empty multiaddr: '" + text + "'");
    }
    return new Multiaddr(components);
  }

  /**
   * Decodes the binary form (as identify and Kademlia carry it).
   *
   * @throws FrameException when the bytes are not a multiaddr
   */
  public static Multiaddr decode(byte[] bytes) {
    List<Component> components = new ArrayList<>();
    int[] position = {0};
    while (position[0] < bytes.length) {
      long code = UnsignedVarint.read(bytes, position);
      Protocol protocol =
          Protocol.ofCode(code)
              .orElseThrow(() -> new FrameException("unknown multiaddr protocol code " + code));
      int size = protocol.size;
      if (size < 0) {
        long length = UnsignedVarint.read(bytes, position);
        if (length > bytes.length - position[0]) {
          throw new FrameException("a multiaddr component runs past the end");
        }
        size = (int) length;
      }
      if (size > bytes.length - position[0]) {
        throw new FrameException("a multiaddr component runs past the end");
      }
      byte[] value = Arrays.copyOfRange(bytes, position[0], position[0] + size);
      position[0] += size;
      try {
        if (protocol == Protocol.P2P) {
          PeerId.fromMultihash(value);
        }
      } catch (IllegalArgumentException e) {
        throw new FrameException("a multiaddr's /p2p is not a peer id: " + e.getMessage(), e);
      }
      components.add(new Component(protocol, value));
    }
    if (components.isEmpty()) {
      throw new FrameException("an empty multiaddr");
    }
    return new Multiaddr(components);
  }

  /** The binary form. */
  public byte[] encode() {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (Component component : components) {
      UnsignedVarint.write(component.protocol.code, out);
      byte[] value = component.value.toArray();
      if (component.protocol.size < 0) {
        UnsignedVarint.write(value.length, out);
      }
      out.writeBytes(value);
    }
    return out.toByteArray();
  }

  /** The multiaddr of a TCP socket address: {@code /ip4/…/tcp/…} or {@code /ip6/…/tcp/…}. */
  public static Multiaddr ofTcp(InetSocketAddress address) {
    byte[] ip = address.getAddress().getAddress();
    Protocol family = ip.length == 4 ? Protocol.IP4 : Protocol.IP6;
    int port = address.getPort();
    return new Multiaddr(
        List.of(
            new Component(family, ip),
            new Component(Protocol.TCP, new byte[] {(byte) (port >> 8), (byte) port})));
  }

  /** This address followed by {@code /p2p/<peer>}. */
  public Multiaddr withPeer(PeerId peer) {
    List<Component> list = new ArrayList<>(withoutPeer().components);
    list.add(new Component(Protocol.P2P, peer.multihash().toArray()));
    return new Multiaddr(list);
  }

  /** This address with this component list's trailing {@code /p2p/…} removed. */
  public Multiaddr withoutPeer() {
    if (!components.isEmpty() && components.getLast().protocol == Protocol.P2P) {
      return new Multiaddr(components.subList(0, components.size() - 1));
    }
    return this;
  }

  /** The peer named by a trailing {@code /p2p/…}, if any. */
  public Optional<PeerId> peer() {
    if (!components.isEmpty() && components.getLast().protocol == Protocol.P2P) {
      return Optional.of(PeerId.fromMultihash(components.getLast().value.toArray()));
    }
    return Optional.empty();
  }

  /** Whether a component of this protocol is present. */
  public boolean has(Protocol protocol) {
    return components.stream().anyMatch(c -> c.protocol == protocol);
  }

  /** The text value of the first component of this protocol, if any. */
  public Optional<String> valueOf(Protocol protocol) {
    return components.stream()
        .filter(c -> c.protocol == protocol)
        .findFirst()
        .map(c -> protocol.valueText(c.value.toArray()));
  }

  /**
   * The host and TCP port to dial or bind: the first {@code ip4|ip6|dns*} and the {@code tcp} port;
   * empty for addresses Basalt cannot use (QUIC, WebRTC, relays).
   */
  public Optional<InetSocketAddress> tcpSocketAddress() {
    if (has(Protocol.P2P_CIRCUIT) || components.size() < 2) {
      return Optional.empty();
    }
    Component host = components.get(0);
    Component port = components.get(1);
    if (port.protocol != Protocol.TCP) {
      return Optional.empty();
    }
    int portNumber = Integer.parseInt(Protocol.TCP.valueText(port.value.toArray()));
    return switch (host.protocol) {
      case IP4, IP6 -> {
        try {
          yield Optional.of(
              new InetSocketAddress(InetAddress.getByAddress(host.value.toArray()), portNumber));
        } catch (UnknownHostException e) {
          yield Optional.empty();
        }
      }
      case DNS, DNS4, DNS6 ->
          Optional.of(
              InetSocketAddress.createUnresolved(
                  new String(host.value.toArray(), StandardCharsets.UTF_8), portNumber));
      default -> Optional.empty();
    };
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    components.forEach(text::append);
    return text.toString();
  }
}
