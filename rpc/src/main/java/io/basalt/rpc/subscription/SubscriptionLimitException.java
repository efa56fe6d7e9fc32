/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.subscription;

/** A connection already has its maximum number of subscriptions. */
public final class SubscriptionLimitException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int limit;

  public SubscriptionLimitException(int limit) {
    super("too many subscriptions on the connection (limit " + limit + ")", null, false, false);
    this.limit = limit;
  }

  /** The per-connection limit that was reached. */
  public int limit() {
    return limit;
  }
}
