/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.multistream;

import io.basalt.network.frame.FrameException;
import io.basalt.network.transport.ProtocolNotSupportedException;
import io.netty.buffer.ByteBuf;
import java.util.List;
import java.util.function.Predicate;

/**
 * The multistream-select state machine of one side, independent of how bytes travel. The dialer
 * sends the header and its first proposal at once without waiting for the header echo (what
 * rust-libp2p calls V1Lazy), then proposes the next protocol after each {@code na}. The listener
 * echoes the header, answers {@code na} to {@code ls} and unsupported proposals, and confirms the
 * first supported one. Bytes after the final message are left in the input: they belong to the
 * negotiated protocol.
 *
 * <p>Not thread-safe; one instance per negotiation.
 */
public final class Negotiation {
  /** How many proposals a listener refuses before it gives up on the dialer. */
  static final int MAX_REFUSALS = 32;

  private enum State {
    AWAIT_HEADER,
    AWAIT_MESSAGE,
    DONE
  }

  private final List<String> proposals;
  private final Predicate<String> supported;
  private State state = State.AWAIT_HEADER;
  private int index;
  private int refusals;
  private String protocol;

  private Negotiation(List<String> proposals, Predicate<String> supported) {
    this.proposals = proposals;
    this.supported = supported;
  }

  /** A dialer that proposes {@code protocols} in order. */
  public static Negotiation dialer(List<String> protocols) {
    if (protocols.isEmpty()) {
      throw new IllegalArgumentException("a dialer needs at least one protocol to propose");
    }
    return new Negotiation(List.copyOf(protocols), null);
  }

  /** A listener that accepts the first proposal {@code supported} accepts. */
  public static Negotiation listener(Predicate<String> supported) {
    return new Negotiation(null, supported);
  }

  /** Whether this is the dialer's side. */
  public boolean isDialer() {
    return proposals != null;
  }

  /** Writes what this side sends before hearing from the peer: the dialer's header and proposal. */
  public void start(ByteBuf out) {
    if (isDialer()) {
      MultistreamMessage.write(MultistreamMessage.HEADER, out);
      MultistreamMessage.write(proposals.get(0), out);
    }
  }

  /**
   * Consumes the complete messages of {@code in}, writing answers to {@code out}, and returns
   * whether the negotiation is over; the bytes left in {@code in} then belong to {@link
   * #protocol()}.
   *
   * @throws FrameException when the peer breaks the protocol
   * @throws ProtocolNotSupportedException when the listener refused every proposal of the dialer
   */
  public boolean process(ByteBuf in, ByteBuf out) {
    while (state != State.DONE) {
      String message = MultistreamMessage.read(in);
      if (message == null) {
        return false;
      }
      if (state == State.AWAIT_HEADER) {
        if (!message.equals(MultistreamMessage.HEADER)) {
          throw new FrameException("expected the multistream header, got " + quote(message));
        }
        if (!isDialer()) {
          MultistreamMessage.write(MultistreamMessage.HEADER, out);
        }
        state = State.AWAIT_MESSAGE;
      } else if (isDialer()) {
        onAnswer(message, out);
      } else {
        onProposal(message, out);
      }
    }
    return true;
  }

  private void onAnswer(String message, ByteBuf out) {
    if (message.equals(proposals.get(index))) {
      protocol = message;
      state = State.DONE;
    } else if (message.equals(MultistreamMessage.NOT_AVAILABLE)) {
      index++;
      if (index == proposals.size()) {
        throw new ProtocolNotSupportedException(proposals);
      }
      MultistreamMessage.write(proposals.get(index), out);
    } else {
      throw new FrameException(
          "the listener answered " + quote(message) + " to " + quote(proposals.get(index)));
    }
  }

  private void onProposal(String message, ByteBuf out) {
    if (!message.equals(MultistreamMessage.LIST)
        && !message.equals(MultistreamMessage.NOT_AVAILABLE)
        && supported.test(message)) {
      MultistreamMessage.write(message, out);
      protocol = message;
      state = State.DONE;
      return;
    }
    if (++refusals > MAX_REFUSALS) {
      throw new FrameException("the dialer proposed more than " + MAX_REFUSALS + " protocols");
    }
    MultistreamMessage.write(MultistreamMessage.NOT_AVAILABLE, out);
  }

  /** The negotiated protocol, or null before the negotiation is over. */
  public String protocol() {
    return protocol;
  }

  private static String quote(String message) {
    String shown = message.length() > 64 ? message.substring(0, 64) + "…" : message;
    return "'" + shown.replaceAll("\\p{Cntrl}", "?") + "'";
  }
}
