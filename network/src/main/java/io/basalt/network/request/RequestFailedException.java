/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.request;

/** An outbound request that got no usable response; {@link #reason()} says why. */
public class RequestFailedException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Why a request failed. */
  public enum Reason {
    /** The peer supports none of the protocol names. */
    UNSUPPORTED_PROTOCOL,
    /** No complete response within the timeout. */
    TIMEOUT,
    /** The peer reset the substream (it refused, or its handler failed). */
    RESET,
    /** The peer closed the substream without answering. */
    REFUSED,
    /** The response's length prefix exceeds the protocol's limit. */
    RESPONSE_TOO_LARGE,
    /** Our request exceeds the protocol's limit; nothing was sent. */
    REQUEST_TOO_LARGE,
    /** The response bytes break the framing: a bad prefix, truncation, or bytes after it. */
    MALFORMED_RESPONSE,
    /** The connection was closed or could not carry a new substream. */
    CONNECTION_CLOSED
  }

  private final Reason reason;

  public RequestFailedException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public RequestFailedException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
