/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.code;

/** Where the code that runs for a block came from. */
public enum CodeSource {
  /** {@code :code} of the block's state. */
  ON_CHAIN("on_chain"),
  /** A chain spec's {@code codeSubstitutes} entry. */
  SUBSTITUTE("substitute"),
  /** A file of {@code --wasm-runtime-overrides}. */
  OVERRIDE("override");

  private final String label;

  CodeSource(String label) {
    this.label = label;
  }

  /** The name in metrics and logs. */
  public String label() {
    return label;
  }
}
