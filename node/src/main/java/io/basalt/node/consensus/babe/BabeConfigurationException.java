/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

/** The runtime's BABE configuration cannot be read; the message is one line. */
public final class BabeConfigurationException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BabeConfigurationException(String message) {
    super(message);
  }
}
