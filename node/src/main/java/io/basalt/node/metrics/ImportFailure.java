/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metrics;

/**
 * Why the import pipeline did not import a block: the {@code result} label of {@code
 * substrate_import_queue_processed_total}, with Substrate's values.
 */
public enum ImportFailure {
  /** The header or body is missing. */
  INCOMPLETE_HEADER("incomplete_header"),
  /** Consensus verification refused the block (seal, header checks). */
  VERIFICATION_FAILED("verification_failed"),
  /** The block is known to be bad. */
  BAD_BLOCK("bad_block"),
  /** The parent's state is not available. */
  MISSING_STATE("missing_state"),
  /** The parent block is not known. */
  UNKNOWN_PARENT("unknown_parent"),
  /** The import was cancelled. */
  CANCELLED("cancelled"),
  /** Anything else, e.g. execution failed or the state root did not match. */
  FAILED("failed");

  private final String label;

  ImportFailure(String label) {
    this.label = label;
  }

  /** The label value, e.g. {@code unknown_parent}. */
  public String label() {
    return label;
  }
}
