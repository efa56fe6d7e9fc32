/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.fork;

import io.basalt.storage.StorageException;

/**
 * The fork source failed: unreachable, an RPC error, or an answer that does not fit the chain. It
 * is a {@link StorageException}, because it surfaces where the state is read; its message is one
 * line for the user.
 */
public final class ForkSourceException extends StorageException {
  private static final long serialVersionUID = 1L;

  public ForkSourceException(String message, Throwable cause) {
    super(message, cause, false);
  }
}
