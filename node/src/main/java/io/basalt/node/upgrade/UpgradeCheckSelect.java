/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import java.util.Locale;

/**
 * Which checks {@code TryRuntime_on_runtime_upgrade} runs: FRAME's {@code UpgradeCheckSelect}, in
 * its encoding order, with try-runtime-cli's names.
 */
public enum UpgradeCheckSelect {
  /** Only the migrations. */
  NONE(0),
  /** Pre/post upgrade hooks and try-state. */
  ALL(1),
  /** Pre/post upgrade hooks. */
  PRE_AND_POST(2),
  /** Try-state only. */
  TRY_STATE(3);

  private final int index;

  UpgradeCheckSelect(int index) {
    this.index = index;
  }

  /** The SCALE encoding: the variant's index. */
  public byte encoded() {
    return (byte) index;
  }

  /**
   * The name on the command line: {@code none}, {@code all}, {@code pre-and-post}, {@code
   * try-state}.
   */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  /**
   * The value for a command-line name.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static UpgradeCheckSelect fromCliName(String name) {
    for (UpgradeCheckSelect c : values()) {
      if (c.cliName().equalsIgnoreCase(name.strip())) {
        return c;
      }
    }
    throw new IllegalArgumentException(
        "'" + name + "' is not a check selection: use none, pre-and-post, all or try-state");
  }
}
