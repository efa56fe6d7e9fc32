/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.genesis;

/**
 * A genesis config that {@code build_state} rejects; the message becomes the API's {@code
 * Err(String)}.
 */
public final class GenesisConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public GenesisConfigException(String message) {
    super(message);
  }
}
