/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transport;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * One end of an in-memory network for engine tests: a peer id, protocol handlers (as {@link
 * Host#handle} registers them) and a single "event loop" thread on which every stream event for
 * this peer is delivered, in order. {@link #connect} gives a pair of connected {@link Connection}s;
 * their substreams keep order, deliver FIN and RST, and fail writes after either.
 */
public final class MemoryPeer implements AutoCloseable {
  private final PeerId id;
  private final ExecutorService loop;
  private final Map<String, Consumer<Substream>> handlers = new ConcurrentHashMap<>();
  private final List<Throwable> listenerFailures = new CopyOnWriteArrayList<>();
  private final List<MemoryConnection> connections = new CopyOnWriteArrayList<>();

  public MemoryPeer(PeerId id) {
    this.id = id;
    this.loop =
        Executors.newSingleThreadExecutor(
            r -> {
              Thread t = new Thread(r, "memory-loop-" + id.toBase58().substring(0, 12));
              t.setDaemon(true);
              return t;
            });
  }

  /** A peer with a random ed25519-style id. */
  public static MemoryPeer random(SplittableRandom random) {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return new MemoryPeer(PeerId.ofEd25519(Bytes.wrap(key)));
  }

  public PeerId id() {
    return id;
  }

  /** Accepts inbound streams for {@code protocol}, as a host would. */
  public void handle(String protocol, Consumer<Substream> handler) {
    handlers.put(protocol, handler);
  }

  /** Exceptions thrown by listeners or handlers on this peer's loop: an engine bug in tests. */
  public List<Throwable> listenerFailures() {
    return List.copyOf(listenerFailures);
  }

  /** Connects {@code a} (dialer) to {@code b}: returns a's connection; b's is its peer. */
  public static MemoryConnection connect(MemoryPeer a, MemoryPeer b) {
    MemoryConnection ab = new MemoryConnection(a, b, Connection.Direction.OUTBOUND);
    MemoryConnection ba = new MemoryConnection(b, a, Connection.Direction.INBOUND);
    ab.other = ba;
    ba.other = ab;
    a.connections.add(ab);
    b.connections.add(ba);
    return ab;
  }

  /** This peer's connections. */
  public List<MemoryConnection> connections() {
    return new ArrayList<>(connections);
  }

  void run(Runnable task) {
    try {
      loop.execute(
          () -> {
            try {
              task.run();
            } catch (RuntimeException | Error e) {
              listenerFailures.add(e);
            }
          });
    } catch (java.util.concurrent.RejectedExecutionException e) {
      // the peer was closed; events for it are dropped
    }
  }

  Consumer<Substream> handler(String protocol) {
    return handlers.get(protocol);
  }

  /** Waits until every event queued so far on this peer's loop has run. */
  public void drain() {
    try {
      loop.submit(() -> {}).get(10, TimeUnit.SECONDS);
    } catch (Exception e) {
      throw new IllegalStateException("the memory loop did not drain", e);
    }
  }

  @Override
  public void close() {
    connections.forEach(MemoryConnection::close);
    loop.shutdownNow();
  }

  static Multiaddr addressOf(PeerId peer) {
    return Multiaddr.ofTcp(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 1))
        .withPeer(peer);
  }
}
