/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.host;

import io.basalt.network.transport.Connection.Direction;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * What a {@link NettyHost} has moved since it started, read-only for callers: raw connection bytes
 * (everything on the socket: multistream-select, Noise, Yamux and payload), payload bytes per
 * negotiated protocol (what substreams wrote and received, after Noise and Yamux), and connections
 * opened and closed per direction. Counters only grow; rates are the caller's business.
 */
public final class HostStats {
  private final LongAdder bytesIn = new LongAdder();
  private final LongAdder bytesOut = new LongAdder();
  private final Map<String, LongAdder> protocolIn = new ConcurrentHashMap<>();
  private final Map<String, LongAdder> protocolOut = new ConcurrentHashMap<>();
  private final LongAdder inboundOpened = new LongAdder();
  private final LongAdder outboundOpened = new LongAdder();
  private final LongAdder inboundClosed = new LongAdder();
  private final LongAdder outboundClosed = new LongAdder();

  HostStats() {}

  /** Bytes received on every connection's socket, handshakes included. */
  public long bytesIn() {
    return bytesIn.sum();
  }

  /** Bytes sent on every connection's socket, handshakes included. */
  public long bytesOut() {
    return bytesOut.sum();
  }

  /** Payload bytes received per negotiated protocol, by protocol name. */
  public Map<String, Long> protocolBytesIn() {
    return snapshot(protocolIn);
  }

  /** Payload bytes sent per negotiated protocol, by protocol name. */
  public Map<String, Long> protocolBytesOut() {
    return snapshot(protocolOut);
  }

  /** Connections that completed the upgrade (Noise and Yamux) in {@code direction}. */
  public long connectionsOpened(Direction direction) {
    return (direction == Direction.INBOUND ? inboundOpened : outboundOpened).sum();
  }

  /** Upgraded connections in {@code direction} that have closed since. */
  public long connectionsClosed(Direction direction) {
    return (direction == Direction.INBOUND ? inboundClosed : outboundClosed).sum();
  }

  void received(long bytes) {
    bytesIn.add(bytes);
  }

  void sent(long bytes) {
    bytesOut.add(bytes);
  }

  void protocolReceived(String protocol, long bytes) {
    protocolIn.computeIfAbsent(protocol, p -> new LongAdder()).add(bytes);
  }

  void protocolSent(String protocol, long bytes) {
    protocolOut.computeIfAbsent(protocol, p -> new LongAdder()).add(bytes);
  }

  void opened(Direction direction) {
    (direction == Direction.INBOUND ? inboundOpened : outboundOpened).increment();
  }

  void closed(Direction direction) {
    (direction == Direction.INBOUND ? inboundClosed : outboundClosed).increment();
  }

  private static Map<String, Long> snapshot(Map<String, LongAdder> counters) {
    Map<String, Long> copy = new TreeMap<>();
    counters.forEach((protocol, counter) -> copy.put(protocol, counter.sum()));
    return java.util.Collections.unmodifiableMap(copy);
  }
}
