/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

/**
 * A block requested from the {@link DevSealer} could not be made or finalized; nothing changed. The
 * reason tells which of manual seal's errors it is.
 */
public final class SealingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /** Which of sc-consensus-manual-seal's errors this is. */
  public enum Reason {
    /** No transaction to put in a block that may not be empty. */
    EMPTY_TRANSACTION_POOL,
    /** The requested parent block is unknown. */
    BLOCK_NOT_FOUND,
    /** The block was built but its import failed. */
    BLOCK_IMPORT_FAILED,
    /** The block could not be built (the runtime failed). */
    PROPOSAL_FAILED,
    /** The block could not be finalized. */
    FINALIZATION_FAILED,
    /** No key of the node's keystore may author on the chain (a real chain's consensus). */
    NO_AUTHORITY_KEY
  }

  private final Reason reason;

  public SealingException(Reason reason, String message) {
    super(message);
    this.reason = reason;
  }

  public SealingException(Reason reason, String message, Throwable cause) {
    super(message, cause);
    this.reason = reason;
  }

  public Reason reason() {
    return reason;
  }
}
