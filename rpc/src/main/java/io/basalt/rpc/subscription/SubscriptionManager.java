/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.subscription;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The subscriptions of one WebSocket connection: ids, the per-connection limit, notification
 * buffering and cleanup.
 *
 * <p><b>Back-pressure, as Substrate does it.</b> Each subscription keeps at most {@value
 * #BUFFER_PER_SUBSCRIPTION} notifications that the connection could not take yet; they move to the
 * connection's bounded {@link Outbox} while it has room, one per subscription in turn. A
 * notification that finds its subscription's buffer full drops the subscription: it is removed, its
 * producer is told (its {@link SubscriptionSink#onClose} actions run and {@code send} returns
 * false) and nothing more is sent for it, not even an error, because a client that does not read
 * would not see one. This is sc-rpc's {@code utils::pipe_from_stream} (polkadot-sdk {@code
 * substrate/client/rpc/src/utils.rs}): a {@code BoundedVecDeque} of {@code DEFAULT_BUF_SIZE = 16}
 * in front of jsonrpsee's sink; when it is full it logs "Subscription lagged, dropping
 * subscription", counts {@code substrate_rpc_dropped_subscriptions} and returns, which drops the
 * sink without a close notification; the connection stays open. A later unsubscribe of that id
 * answers {@code false}. Memory per connection is therefore bounded by the outbox capacity plus
 * {@value #BUFFER_PER_SUBSCRIPTION} messages per subscription.
 *
 * <p>A subscription opened with its own {@link SubscriptionBuffer} keeps that many notifications,
 * and one with a lag notice ends with it instead of silently ({@code chainHead_v1_follow}'s {@code
 * stop}). Producers that must not lose anything (a storage iteration) use {@link
 * SubscriptionSink#sendWhenRoom}, which waits for the client instead of overflowing.
 *
 * <p>Subscriptions are created pending: their notifications wait until {@link #activate} is called
 * after the response carrying the id was written, so a client never sees a notification for an id
 * it has not been given. Thread-safe; {@link #pump()} runs on the outbox's thread.
 */
public final class SubscriptionManager {
  /** Notifications a subscription may hold while the connection is full (sc-rpc's 16). */
  public static final int BUFFER_PER_SUBSCRIPTION = 16;

  private static final Logger LOG = LoggerFactory.getLogger("rpc");

  private final Outbox outbox;
  private final ObjectMapper json;
  private final Supplier<String> ids;
  private final int maxSubscriptions;
  private final String peer;
  private final Object lock = new Object();
  private final Map<String, Subscription> subscriptions = new LinkedHashMap<>();
  private final AtomicBoolean pumpScheduled = new AtomicBoolean();
  private boolean connectionClosed;

  /**
   * A manager for one connection.
   *
   * @param json the mapper that writes notification results
   * @param ids the id source ({@link SubscriptionIds#random()} in the server)
   * @param maxSubscriptions {@code --rpc-max-subscriptions-per-connection}
   * @param peer the remote address, for the log line of a dropped subscription
   */
  public SubscriptionManager(
      Outbox outbox, ObjectMapper json, Supplier<String> ids, int maxSubscriptions, String peer) {
    this.outbox = outbox;
    this.json = json;
    this.ids = ids;
    this.maxSubscriptions = maxSubscriptions;
    this.peer = peer;
  }

  /**
   * Creates a pending subscription whose notifications are named {@code notificationMethod}, with
   * Substrate's default buffer.
   *
   * @throws SubscriptionLimitException if the connection has {@code maxSubscriptions} already
   */
  public SubscriptionSink open(String notificationMethod) {
    return open(notificationMethod, SubscriptionBuffer.DEFAULT);
  }

  /**
   * Creates a pending subscription with its own buffer.
   *
   * @throws SubscriptionLimitException if the connection has {@code maxSubscriptions} already
   */
  public SubscriptionSink open(String notificationMethod, SubscriptionBuffer buffer) {
    synchronized (lock) {
      if (subscriptions.size() >= maxSubscriptions) {
        throw new SubscriptionLimitException(maxSubscriptions);
      }
      String id = ids.get();
      while (subscriptions.containsKey(id)) {
        id = ids.get();
      }
      Subscription subscription = new Subscription(id, notificationMethod, buffer);
      if (connectionClosed) {
        subscription.closed = true;
      } else {
        subscriptions.put(id, subscription);
      }
      return subscription;
    }
  }

  /** Lets the subscriptions with these ids send, once the responses carrying them are written. */
  public void activate(Collection<String> subscriptionIds) {
    if (subscriptionIds.isEmpty()) {
      return;
    }
    synchronized (lock) {
      for (String id : subscriptionIds) {
        Subscription subscription = subscriptions.get(id);
        if (subscription != null) {
          subscription.active = true;
        }
      }
    }
    requestPump();
  }

  /**
   * Ends a subscription at the client's request: its queued notifications are discarded.
   *
   * @return false if no subscription of this connection has that id (never had, or already ended)
   */
  public boolean unsubscribe(String id) {
    Subscription subscription;
    synchronized (lock) {
      subscription = subscriptions.remove(id);
      if (subscription == null) {
        return false;
      }
      subscription.endLocked();
    }
    subscription.runCallbacks();
    return true;
  }

  /** Ends every subscription (the socket closed); later {@link #open} calls get closed sinks. */
  public void closeAll() {
    List<Subscription> ended;
    synchronized (lock) {
      connectionClosed = true;
      ended = new ArrayList<>(subscriptions.values());
      subscriptions.clear();
      ended.forEach(Subscription::endLocked);
    }
    ended.forEach(Subscription::runCallbacks);
  }

  /** How many subscriptions are open. */
  public int size() {
    synchronized (lock) {
      return subscriptions.size();
    }
  }

  /** Asks for a {@link #pump()} on the outbox's thread; at most one is pending at a time. */
  public void requestPump() {
    if (pumpScheduled.compareAndSet(false, true)) {
      outbox.execute(this::pump);
    }
  }

  /**
   * Moves queued notifications into the outbox while it has room, one per subscription in turn, and
   * removes subscriptions that finished sending. Runs on the outbox's thread.
   */
  public void pump() {
    pumpScheduled.set(false);
    List<Subscription> finished = new ArrayList<>();
    synchronized (lock) {
      boolean moved = false;
      boolean progress = true;
      while (progress && outbox.hasRoom()) {
        progress = false;
        Iterator<Subscription> it = subscriptions.values().iterator();
        while (it.hasNext() && outbox.hasRoom()) {
          Subscription subscription = it.next();
          if (!subscription.active) {
            continue;
          }
          String message = subscription.backlog.poll();
          if (message != null) {
            outbox.write(message);
            progress = true;
            moved = true;
          }
          if (subscription.ending && subscription.backlog.isEmpty()) {
            it.remove();
            subscription.endLocked();
            finished.add(subscription);
          }
        }
      }
      if (moved) {
        lock.notifyAll(); // producers waiting in sendWhenRoom
      }
    }
    finished.forEach(Subscription::runCallbacks);
  }

  private String notification(String method, String id, String field, Object value) {
    StringWriter out = new StringWriter();
    try (JsonGenerator gen = json.createGenerator(out)) {
      gen.writeStartObject();
      gen.writeStringField("jsonrpc", "2.0");
      gen.writeStringField("method", method);
      gen.writeObjectFieldStart("params");
      gen.writeStringField("subscription", id);
      gen.writeFieldName(field);
      gen.writePOJO(value);
      gen.writeEndObject();
      gen.writeEndObject();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write a notification of " + method, e);
    }
    return out.toString();
  }

  /** One subscription; its state is guarded by the manager's lock. */
  private final class Subscription implements SubscriptionSink {
    private final String id;
    private final String method;
    private final SubscriptionBuffer buffer;
    private final ArrayDeque<String> backlog;
    private final List<Runnable> onClose = new ArrayList<>(1);
    private boolean active;
    private boolean ending;
    private boolean closed;

    Subscription(String id, String method, SubscriptionBuffer buffer) {
      this.id = id;
      this.method = method;
      this.buffer = buffer;
      this.backlog = new ArrayDeque<>(Math.min(buffer.capacity(), BUFFER_PER_SUBSCRIPTION));
    }

    @Override
    public String id() {
      return id;
    }

    @Override
    public boolean send(Object result) {
      String message = notification(method, id, "result", result);
      boolean dropped;
      boolean pump;
      synchronized (lock) {
        if (closed || ending) {
          return false;
        }
        dropped = backlog.size() >= buffer.capacity();
        if (!dropped) {
          backlog.add(message);
        } else if (buffer.lagNotice().isPresent()) {
          backlog.add(notification(method, id, "result", buffer.lagNotice().get()));
          ending = true;
        } else {
          subscriptions.remove(id);
          endLocked();
        }
        pump = active;
      }
      if (dropped) {
        LOG.debug("Subscription lagged, dropping subscription=`{}`, peer=`{}`", method, peer);
        runCallbacks();
        if (pump && buffer.lagNotice().isPresent()) {
          requestPump();
        }
        return false;
      }
      if (pump) {
        requestPump();
      }
      return true;
    }

    @Override
    public boolean sendWhenRoom(Object result) {
      String message = notification(method, id, "result", result);
      synchronized (lock) {
        while (!closed && !ending && backlog.size() >= buffer.capacity()) {
          try {
            lock.wait();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
          }
        }
        if (closed || ending) {
          return false;
        }
        backlog.add(message);
        if (!active) {
          return true;
        }
      }
      requestPump();
      return true;
    }

    @Override
    public void closeWithError(int code, String message, Object data) {
      Map<String, Object> error = new LinkedHashMap<>();
      error.put("code", code);
      error.put("message", message);
      if (data != null) {
        error.put("data", data);
      }
      String last = notification(method, id, "error", error);
      synchronized (lock) {
        if (closed || ending) {
          return;
        }
        backlog.add(last);
        ending = true;
      }
      requestPump();
    }

    @Override
    public void close() {
      boolean now;
      synchronized (lock) {
        if (closed || ending) {
          return;
        }
        now = backlog.isEmpty();
        if (now) {
          subscriptions.remove(id);
          endLocked();
        } else {
          ending = true;
        }
      }
      if (now) {
        runCallbacks();
      } else {
        requestPump();
      }
    }

    @Override
    public boolean isClosed() {
      synchronized (lock) {
        return closed || ending;
      }
    }

    @Override
    public void onClose(Runnable action) {
      synchronized (lock) {
        if (!closed) {
          onClose.add(action);
          return;
        }
      }
      action.run();
    }

    /** Marks it closed and forgets its queue; the caller removed it from the map. */
    void endLocked() {
      closed = true;
      backlog.clear();
      lock.notifyAll();
    }

    /** Runs the close actions once, outside the lock. */
    void runCallbacks() {
      List<Runnable> actions;
      synchronized (lock) {
        actions = new ArrayList<>(onClose);
        onClose.clear();
      }
      for (Runnable action : actions) {
        try {
          action.run();
        } catch (RuntimeException e) {
          LOG.warn("Closing subscription {} ({}) failed: {}", id, method, e.toString());
        }
      }
    }
  }
}
