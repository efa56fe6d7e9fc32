/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

/**
 * A block file that cannot be read: truncated, malformed JSON or SCALE, an invalid field. The
 * message names the block (its position in the file) and what is wrong.
 */
public final class BlockFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BlockFileException(String message) {
    super(message);
  }

  public BlockFileException(String message, Throwable cause) {
    super(message, cause);
  }
}
