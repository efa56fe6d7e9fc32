/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

/**
 * A block could not be built: the runtime at the parent is unusable, refused an inherent, or
 * trapped while initialising or finalising the block. The chain is unchanged.
 */
public final class BlockProposalException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlockProposalException(String message) {
    super(message);
  }

  public BlockProposalException(String message, Throwable cause) {
    super(message, cause);
  }
}
