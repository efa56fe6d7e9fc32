/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.bip39;

/** A phrase is not a valid BIP39 English mnemonic; the message never repeats the phrase. */
public final class InvalidMnemonicException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  public InvalidMnemonicException(String message) {
    super(message);
  }
}
