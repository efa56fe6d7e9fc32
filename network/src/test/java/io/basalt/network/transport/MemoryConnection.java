/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.transport;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.crypto.PeerId;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/** A {@link Connection} between two {@link MemoryPeer}s. */
public final class MemoryConnection implements Connection {
  private final MemoryPeer local;
  private final MemoryPeer remote;
  private final Direction direction;
  private final CompletableFuture<Void> closed = new CompletableFuture<>();
  private final List<MemorySubstream> streams = new CopyOnWriteArrayList<>();
  private final List<CompletableFuture<Void>> heldWrites = new CopyOnWriteArrayList<>();
  private volatile boolean holdWrites;
  private final java.util.concurrent.atomic.AtomicBoolean closing =
      new java.util.concurrent.atomic.AtomicBoolean();
  MemoryConnection other;

  /**
   * While on, writes on this side are delivered but their futures stay pending (a full Yamux send
   * window); {@link #releaseWrites()} completes them.
   */
  public void holdWrites() {
    holdWrites = true;
  }

  /** Completes the held write futures and stops holding. */
  public void releaseWrites() {
    holdWrites = false;
    heldWrites.forEach(f -> local.run(() -> f.complete(null)));
    heldWrites.clear();
  }

  CompletableFuture<Void> written() {
    if (!holdWrites) {
      return CompletableFuture.completedFuture(null);
    }
    CompletableFuture<Void> held = new CompletableFuture<>();
    heldWrites.add(held);
    return held;
  }

  MemoryConnection(MemoryPeer local, MemoryPeer remote, Direction direction) {
    this.local = local;
    this.remote = remote;
    this.direction = direction;
  }

  @Override
  public PeerId remotePeer() {
    return remote.id();
  }

  @Override
  public Multiaddr remoteAddress() {
    return MemoryPeer.addressOf(remote.id());
  }

  @Override
  public Direction direction() {
    return direction;
  }

  /** The connection as the other peer sees it. */
  public MemoryConnection other() {
    return other;
  }

  MemoryPeer local() {
    return local;
  }

  @Override
  public CompletableFuture<Substream> openSubstream(List<String> protocols) {
    if (!isOpen()) {
      return CompletableFuture.failedFuture(new IllegalStateException("the connection is closed"));
    }
    CompletableFuture<Substream> result = new CompletableFuture<>();
    // Negotiation happens on the remote's loop, then the answer comes back on ours.
    remote.run(
        () -> {
          for (String protocol : protocols) {
            Consumer<Substream> handler = remote.handler(protocol);
            if (handler != null) {
              MemorySubstream ours = new MemorySubstream(this, protocol);
              MemorySubstream theirs = new MemorySubstream(other, protocol);
              ours.peer = theirs;
              theirs.peer = ours;
              streams.add(ours);
              other.streams.add(theirs);
              handler.accept(theirs);
              local.run(() -> result.complete(ours));
              return;
            }
          }
          local.run(
              () -> result.completeExceptionally(new ProtocolNotSupportedException(protocols)));
        });
    return result;
  }

  @Override
  public void close() {
    if (closing.getAndSet(true)) {
      return;
    }
    streams.forEach(MemorySubstream::connectionLost);
    local.run(() -> closed.complete(null));
    other.close();
  }

  @Override
  public CompletableFuture<Void> closeFuture() {
    return closed;
  }

  @Override
  public boolean isOpen() {
    return !closing.get() && !other.closing.get();
  }
}
