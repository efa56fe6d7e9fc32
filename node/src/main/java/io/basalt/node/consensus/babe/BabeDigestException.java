/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.consensus.babe;

/** A header's BABE digests are malformed or contradictory; the message is one line. */
public final class BabeDigestException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public BabeDigestException(String message) {
    super(message);
  }
}
