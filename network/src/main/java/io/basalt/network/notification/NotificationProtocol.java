/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.notification;

import io.basalt.network.frame.FrameException;
import io.basalt.network.frame.FrameReader;
import io.basalt.network.peerset.PeerReporter;
import io.basalt.network.peerset.ReputationChange;
import io.basalt.network.transport.Connection;
import io.basalt.network.transport.Host;
import io.basalt.network.transport.StreamListener;
import io.basalt.network.transport.Substream;
import io.basalt.primitives.crypto.PeerId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One notifications protocol with every peer: opens our outbound substream ({@link #open}), accepts
 * theirs ({@link #accept}), sends ({@link #send}) and closes ({@link #close}).
 *
 * <p>Accepting a peer's substream (its handshake approved by the handler) also opens ours to it
 * when we have none, as Substrate does once the peer set accepts an inbound peer. Notifications
 * that arrive before our side is open wait (at most {@code queueCapacity}) and are delivered after
 * {@link NotificationHandler#onOpened}. A frame over its limit, a bad length prefix or bytes where
 * none may come reset both substreams and report {@link ReputationChange#BAD_MESSAGE}.
 *
 * <p>Thread-safe; handler callbacks run on the connection's event loop, outside this object's lock.
 */
// Substreams and futures are compared by identity on purpose: a listener acts only while its own
// substream is still the peer's current one.
@SuppressWarnings("ReferenceEquality")
public final class NotificationProtocol {
  private static final Logger LOG = LoggerFactory.getLogger("sub-libp2p.notification");

  private final NotificationConfig config;
  private final NotificationHandler handler;
  private final PeerReporter reporter;
  private final Map<PeerId, Peer> peers = new HashMap<>();
  private final AtomicLong dropped = new AtomicLong();

  /** Our state with one peer; guarded by the protocol's lock. */
  private static final class Peer {
    CompletableFuture<Void> opening;
    Substream outbound;
    boolean open;
    Substream inbound;
    int queued;
    final List<byte[]> pending = new ArrayList<>();
  }

  public NotificationProtocol(
      NotificationConfig config, NotificationHandler handler, PeerReporter reporter) {
    this.config = config;
    this.handler = handler;
    this.reporter = reporter;
  }

  /** The protocol names, main first. */
  public List<String> names() {
    return config.names();
  }

  /** Makes {@code host} hand this protocol's inbound substreams, on every name, to us. */
  public void register(Host host) {
    for (String name : config.names()) {
      host.handle(name, this::accept);
    }
  }

  /**
   * Opens our substream to the peer of {@code connection} and sends our handshake. The future
   * completes once the peer answered with a handshake the handler accepted, and fails with {@link
   * io.basalt.network.transport.ProtocolNotSupportedException} or {@link OpenFailedException}.
   * Returns the pending or completed future when the peer is already opening or open.
   */
  public CompletableFuture<Void> open(Connection connection) {
    PeerId peerId = connection.remotePeer();
    CompletableFuture<Void> opening;
    synchronized (this) {
      Peer peer = peers.computeIfAbsent(peerId, p -> new Peer());
      if (peer.opening != null) {
        return peer.opening;
      }
      opening = new CompletableFuture<>();
      peer.opening = opening;
    }
    var unused =
        connection
            .openSubstream(config.names())
            .whenComplete(
                (substream, error) -> {
                  if (error != null) {
                    failOpening(peerId, opening, unwrap(error));
                    return;
                  }
                  boolean current;
                  synchronized (this) {
                    Peer peer = peers.get(peerId);
                    current = peer != null && peer.opening == opening;
                    if (current) {
                      peer.outbound = substream;
                    }
                  }
                  if (!current) {
                    substream.reset();
                    return;
                  }
                  substream.setListener(new OutboundListener(peerId, substream, opening));
                  var unusedWrite = substream.write(FrameReader.encode(config.handshake().get()));
                });
    return opening;
  }

  /**
   * Takes a substream the peer opened to us on one of our names (what the host's inbound handler
   * calls): reads its handshake, asks the handler, answers with ours or resets.
   */
  public void accept(Substream substream) {
    PeerId peerId = substream.remotePeer();
    boolean duplicate;
    synchronized (this) {
      Peer peer = peers.computeIfAbsent(peerId, p -> new Peer());
      duplicate = peer.inbound != null;
      if (!duplicate) {
        peer.inbound = substream;
      }
    }
    if (duplicate) {
      LOG.debug("{} opened a second {} substream; resetting it", peerId, config.names().getFirst());
      substream.reset();
      return;
    }
    substream.setListener(new InboundListener(peerId, substream));
  }

  /**
   * Queues {@code notification} for an open peer. Returns false, dropping it, when the peer is not
   * open or its queue is full (counted in {@link #droppedNotifications()}).
   *
   * @throws IllegalArgumentException when the notification exceeds the protocol's limit
   */
  public boolean send(PeerId peerId, byte[] notification) {
    if (notification.length > config.maxNotificationSize()) {
      throw new IllegalArgumentException(
          "a notification of "
              + notification.length
              + " bytes exceeds the limit of "
              + config.maxNotificationSize()
              + " on "
              + config.names().getFirst());
    }
    Peer peer;
    Substream outbound;
    synchronized (this) {
      peer = peers.get(peerId);
      if (peer == null || !peer.open) {
        return false;
      }
      if (peer.queued >= config.queueCapacity()) {
        dropped.incrementAndGet();
        LOG.debug("Dropped a notification to {}: its queue is full", peerId);
        return false;
      }
      peer.queued++;
      outbound = peer.outbound;
    }
    var unused =
        outbound
            .write(FrameReader.encode(notification))
            .whenComplete(
                (ok, error) -> {
                  synchronized (this) {
                    peer.queued--;
                  }
                });
    return true;
  }

  /** Closes both substreams with {@code peer} (FIN); the handler hears {@code onClosed}. */
  public void close(PeerId peer) {
    closePeer(peer, null, false);
  }

  /** The peers whose outbound substream is open. */
  public synchronized Set<PeerId> openPeers() {
    Set<PeerId> out = new HashSet<>();
    peers.forEach(
        (id, peer) -> {
          if (peer.open) {
            out.add(id);
          }
        });
    return out;
  }

  /** Whether we may send to {@code peer}. */
  public synchronized boolean isOpen(PeerId peer) {
    Peer state = peers.get(peer);
    return state != null && state.open;
  }

  /** Notifications dropped because a peer's queue was full, since start. */
  public long droppedNotifications() {
    return dropped.get();
  }

  private void failOpening(PeerId peerId, CompletableFuture<Void> opening, Throwable cause) {
    Substream inbound = null;
    synchronized (this) {
      Peer peer = peers.get(peerId);
      if (peer != null && peer.opening == opening) {
        peers.remove(peerId);
        inbound = peer.inbound;
      }
    }
    if (inbound != null) {
      inbound.reset();
    }
    LOG.debug("Could not open {} to {}: {}", config.names().getFirst(), peerId, cause.getMessage());
    opening.completeExceptionally(cause);
  }

  private void markOpen(
      PeerId peerId, Substream substream, CompletableFuture<Void> opening, byte[] handshake) {
    List<byte[]> pending;
    synchronized (this) {
      Peer peer = peers.get(peerId);
      if (peer == null || peer.outbound != substream) {
        return;
      }
      peer.open = true;
      pending = new ArrayList<>(peer.pending);
      peer.pending.clear();
    }
    guarded("onOpened", () -> handler.onOpened(peerId, handshake));
    opening.complete(null);
    pending.forEach(
        notification ->
            guarded("onNotification", () -> handler.onNotification(peerId, notification)));
  }

  private void received(PeerId peerId, Substream inbound, byte[] notification) {
    synchronized (this) {
      Peer peer = peers.get(peerId);
      if (peer == null || peer.inbound != inbound) {
        return;
      }
      if (!peer.open) {
        if (peer.pending.size() < config.queueCapacity()) {
          peer.pending.add(notification);
        }
        return;
      }
    }
    guarded("onNotification", () -> handler.onNotification(peerId, notification));
  }

  private void afterInboundAccepted(PeerId peerId, Substream inbound) {
    boolean openBack;
    synchronized (this) {
      Peer peer = peers.get(peerId);
      openBack = peer != null && peer.inbound == inbound && peer.opening == null;
    }
    if (openBack && inbound.connection().isOpen()) {
      var unused = open(inbound.connection());
    }
  }

  /**
   * Forgets {@code peerId}'s streams: FIN when {@code abort} is false, else reset. When {@code
   * cause} is given, only if it is still one of the peer's substreams.
   */
  private void closePeer(PeerId peerId, Substream cause, boolean abort) {
    Peer peer;
    synchronized (this) {
      peer = peers.get(peerId);
      if (peer == null || (cause != null && peer.inbound != cause && peer.outbound != cause)) {
        return;
      }
      peers.remove(peerId);
    }
    for (Substream stream : new Substream[] {peer.outbound, peer.inbound}) {
      if (stream != null) {
        if (abort) {
          stream.reset();
        } else {
          stream.closeWrite();
        }
      }
    }
    if (peer.opening != null && !peer.opening.isDone()) {
      peer.opening.completeExceptionally(
          new OpenFailedException(peerId + " closed " + config.names().getFirst()));
    }
    if (peer.open) {
      guarded("onClosed", () -> handler.onClosed(peerId));
    }
  }

  private void misbehaved(PeerId peerId, Substream substream, String what) {
    LOG.debug("{} broke {}: {}", peerId, config.names().getFirst(), what);
    var unused = reporter.report(peerId, ReputationChange.BAD_MESSAGE);
    substream.reset();
    closePeer(peerId, substream, true);
  }

  private boolean askHandler(PeerId peerId, byte[] handshake, Connection.Direction direction) {
    try {
      return handler.onHandshake(peerId, handshake, direction);
    } catch (RuntimeException e) {
      LOG.warn("The {} handshake handler failed: {}", config.names().getFirst(), e.toString());
      return false;
    }
  }

  /** Runs a handler callback; a failing handler is logged and does not break the protocol. */
  private void guarded(String callback, Runnable call) {
    try {
      call.run();
    } catch (RuntimeException e) {
      LOG.warn("The {} handler's {} failed: {}", config.names().getFirst(), callback, e.toString());
    }
  }

  private static Throwable unwrap(Throwable error) {
    return error instanceof CompletionException && error.getCause() != null
        ? error.getCause()
        : error;
  }

  /** Our substream: their handshake answer, then nothing but a close. */
  private final class OutboundListener implements StreamListener {
    private final PeerId peerId;
    private final Substream substream;
    private final CompletableFuture<Void> opening;
    private final FrameReader reader = new FrameReader(config.maxHandshakeSize());
    private boolean answered;

    OutboundListener(PeerId peerId, Substream substream, CompletableFuture<Void> opening) {
      this.peerId = peerId;
      this.substream = substream;
      this.opening = opening;
    }

    @Override
    public void onData(byte[] bytes) {
      if (answered) {
        misbehaved(peerId, substream, "bytes after the handshake on our substream");
        return;
      }
      List<byte[]> frames;
      try {
        frames = reader.feedOne(bytes);
      } catch (FrameException e) {
        answered = true;
        failOpening(peerId, opening, new OpenFailedException("bad handshake: " + e.getMessage()));
        misbehaved(peerId, substream, e.getMessage());
        return;
      }
      if (frames.isEmpty()) {
        return;
      }
      answered = true;
      if (reader.buffered() > 0) {
        failOpening(peerId, opening, new OpenFailedException("bytes after the handshake"));
        misbehaved(peerId, substream, "bytes after the handshake on our substream");
        return;
      }
      byte[] handshake = frames.getFirst();
      if (!askHandler(peerId, handshake, Connection.Direction.OUTBOUND)) {
        substream.reset();
        failOpening(peerId, opening, new OpenFailedException(peerId + "'s handshake was refused"));
        return;
      }
      markOpen(peerId, substream, opening, handshake);
    }

    @Override
    public void onRemoteClosed() {
      ended("closed");
    }

    @Override
    public void onReset() {
      ended("reset");
    }

    private void ended(String how) {
      if (!opening.isDone()) {
        failOpening(
            peerId, opening, new OpenFailedException(peerId + " " + how + " before its handshake"));
        substream.reset();
      } else {
        closePeer(peerId, substream, how.equals("reset"));
      }
    }
  }

  /** Their substream: their handshake, our answer, then their notifications. */
  private final class InboundListener implements StreamListener {
    private final PeerId peerId;
    private final Substream substream;
    private final FrameReader reader = new FrameReader(config.maxHandshakeSize());
    private boolean accepted;
    private boolean done;

    InboundListener(PeerId peerId, Substream substream) {
      this.peerId = peerId;
      this.substream = substream;
    }

    @Override
    public void onData(byte[] bytes) {
      if (done) {
        return;
      }
      try {
        if (!accepted) {
          List<byte[]> frames = reader.feedOne(bytes);
          if (frames.isEmpty()) {
            return;
          }
          if (!askHandler(peerId, frames.getFirst(), Connection.Direction.INBOUND)) {
            done = true;
            substream.reset();
            dropInbound();
            return;
          }
          accepted = true;
          var unused = substream.write(FrameReader.encode(config.handshake().get()));
          reader.setMaxFrameSize(config.maxNotificationSize());
          afterInboundAccepted(peerId, substream);
          bytes = new byte[0];
        }
        for (byte[] notification : reader.feed(bytes)) {
          received(peerId, substream, notification);
        }
      } catch (FrameException e) {
        done = true;
        if (accepted) {
          misbehaved(peerId, substream, e.getMessage());
        } else {
          var unused = reporter.report(peerId, ReputationChange.BAD_MESSAGE);
          substream.reset();
          dropInbound();
        }
      }
    }

    @Override
    public void onRemoteClosed() {
      ended(false);
    }

    @Override
    public void onReset() {
      ended(true);
    }

    private void ended(boolean reset) {
      if (done) {
        return;
      }
      done = true;
      if (accepted) {
        closePeer(peerId, substream, reset);
      } else {
        if (!reset) {
          substream.reset();
        }
        dropInbound();
      }
    }

    private void dropInbound() {
      synchronized (NotificationProtocol.this) {
        Peer peer = peers.get(peerId);
        if (peer != null && peer.inbound == substream) {
          peer.inbound = null;
          if (peer.opening == null) {
            peers.remove(peerId);
          }
        }
      }
    }
  }
}
