/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

/** A storage transaction was committed or rolled back while none was open. */
public final class NoOpenTransactionException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NoOpenTransactionException(String operation) {
    super("cannot " + operation + " a storage transaction: no transaction is open");
  }
}
