/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage;

/**
 * A failure of the node's persistent storage or of the data read from it.
 *
 * <p>{@link #unrecoverable()} tells callers whether retrying or carrying on can help. It is {@code
 * true} when the stored data itself is damaged or incompatible (corruption, a missing trie node in
 * an archive store, an unknown schema version): the node must stop and the operator has to repair
 * or purge the database. It is {@code false} for environmental problems that the operator can fix
 * without losing data (a locked or unwritable directory) and for incomplete data handed in from
 * outside (a storage proof that lacks a node).
 */
public class StorageException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final boolean unrecoverable;

  public StorageException(String message) {
    this(message, null, false);
  }

  public StorageException(String message, Throwable cause) {
    this(message, cause, false);
  }

  public StorageException(String message, Throwable cause, boolean unrecoverable) {
    super(message, cause);
    this.unrecoverable = unrecoverable;
  }

  /** Whether the stored data is damaged or incompatible, so that the node must stop. */
  public boolean unrecoverable() {
    return unrecoverable;
  }
}
