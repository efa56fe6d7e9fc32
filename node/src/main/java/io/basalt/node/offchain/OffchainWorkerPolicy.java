/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.offchain;

import java.util.Locale;

/** When offchain workers run ({@code --offchain-worker}, Substrate's values and default). */
public enum OffchainWorkerPolicy {
  /** On every new best block. */
  ALWAYS("always"),
  /** Never. */
  NEVER("never"),
  /** Only when the node is an authority (the default). */
  WHEN_AUTHORITY("when-authority");

  private final String cliName;

  OffchainWorkerPolicy(String cliName) {
    this.cliName = cliName;
  }

  public String cliName() {
    return cliName;
  }

  /**
   * Parses a {@code --offchain-worker} value, ignoring case.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static OffchainWorkerPolicy fromCliName(String value) {
    for (OffchainWorkerPolicy p : values()) {
      if (p.cliName.equals(value.toLowerCase(Locale.ROOT))) {
        return p;
      }
    }
    throw new IllegalArgumentException(
        "invalid value '" + value + "' [possible values: always, never, when-authority]");
  }

  /** Whether workers run on a node with this role. */
  public boolean runs(boolean authority) {
    return this == ALWAYS || (this == WHEN_AUTHORITY && authority);
  }
}
