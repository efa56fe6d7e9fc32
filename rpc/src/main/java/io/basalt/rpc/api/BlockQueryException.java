/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

/**
 * A question about a block the node cannot answer: the block is unknown, the runtime call failed (a
 * trap, a missing function), the state cannot be read. The message is shown to the client as is
 * ({@code operationError}, {@code storageError}, {@code {"success": false}}), so it says what
 * failed in one line.
 */
public final class BlockQueryException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlockQueryException(String message) {
    super(message, null, false, false);
  }
}
