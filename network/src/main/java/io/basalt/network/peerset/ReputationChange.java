/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.peerset;

/**
 * A reputation adjustment with the reason it is logged with. The well-known ones carry the values
 * {@code sc-network-sync} uses for the same offences.
 *
 * @param value added to the peer's reputation (saturating)
 * @param reason a short phrase, e.g. {@code "Genesis mismatch"}
 */
public record ReputationChange(int value, String reason) {
  /** Fatal: a different genesis (Substrate's {@code GENESIS_MISMATCH}, {@code i32::MIN}). */
  public static final ReputationChange WRONG_GENESIS =
      new ReputationChange(Integer.MIN_VALUE, "Genesis mismatch");

  /** A handshake that does not decode or names an unsupported role. */
  public static final ReputationChange BAD_HANDSHAKE =
      new ReputationChange(Integer.MIN_VALUE, "Bad handshake");

  /** A message that does not decode or breaks the framing (Substrate's {@code BAD_MESSAGE}). */
  public static final ReputationChange BAD_MESSAGE =
      new ReputationChange(-(1 << 12), "Bad message");

  /**
   * A block that failed verification (Substrate's {@code VERIFICATION_FAIL} / {@code BAD_BLOCK}).
   */
  public static final ReputationChange INVALID_BLOCK =
      new ReputationChange(-(1 << 29), "Bad block");

  /** A request the peer did not answer in time (Substrate's {@code TIMEOUT}). */
  public static final ReputationChange TIMEOUT =
      new ReputationChange(-(1 << 10), "Request timeout");

  /** A request the peer refused (Substrate's {@code REFUSED}). */
  public static final ReputationChange REFUSED =
      new ReputationChange(-(1 << 10), "Request refused");

  public ReputationChange {
    if (reason == null || reason.isBlank()) {
      throw new IllegalArgumentException("a reputation change needs a reason");
    }
  }

  /** Whether this change alone bans any peer (Substrate's {@code new_fatal}). */
  public boolean isFatal() {
    return Reputation.isBanned(Reputation.add(0, value));
  }
}
