/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.code;

/**
 * A runtime code source given at startup is unusable: an override directory that is missing or not
 * a directory, an override or code substitute that cannot be read, is not a Wasm runtime or has no
 * readable version, two overrides with one spec version. The message is one line naming the file
 * (or substitute) and the reason; the node reports it as {@code Error: …} and does not start.
 */
public final class InvalidRuntimeCodeSourceException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidRuntimeCodeSourceException(String message) {
    super(message);
  }

  public InvalidRuntimeCodeSourceException(String message, Throwable cause) {
    super(message, cause);
  }
}
