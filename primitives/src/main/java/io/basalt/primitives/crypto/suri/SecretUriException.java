/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.suri;

/**
 * A secret URI (or the key material it names) cannot be used: bad syntax, an invalid mnemonic, a
 * seed of the wrong length, or a derivation the scheme does not support. The message never contains
 * the secret itself.
 */
public final class SecretUriException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public SecretUriException(String message) {
    super(message);
  }
}
