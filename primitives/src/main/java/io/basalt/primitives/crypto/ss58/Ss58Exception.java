/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ss58;

/** An SS58 address or network prefix is malformed; the message says which rule it breaks. */
public final class Ss58Exception extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public Ss58Exception(String message) {
    super(message);
  }
}
