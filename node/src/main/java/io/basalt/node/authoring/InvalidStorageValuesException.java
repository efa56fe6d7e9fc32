/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

/**
 * Storage values given by pallet and item name that cannot be written: an unknown pallet or item, a
 * value that does not fit the item's type, a runtime whose metadata cannot be read. The message is
 * one line naming what is wrong ({@code Cannot find pallet Staking}, {@code System.Account: entry
 * 0: …}); the caller says where the values came from.
 */
public final class InvalidStorageValuesException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public InvalidStorageValuesException(String message) {
    super(message);
  }
}
