/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

/**
 * A runtime call made for RPC failed: the runtime trapped, lacks the export, or the state has no
 * usable runtime. The method groups turn it into their namespace's error (e.g. {@code 4003 "Client
 * error: Execution failed: …"} for {@code state_call}).
 */
public final class RuntimeCallException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * A failed call.
   *
   * @param reason what the executor reports, as Substrate's executor words it where it can (e.g.
   *     {@code "Execution aborted due to trap: wasm trap: wasm `unreachable` instruction executed"}
   *     or {@code "Other: Exported method Foo_bar is not found"})
   */
  public RuntimeCallException(String reason) {
    super(reason, null, false, false);
  }
}
