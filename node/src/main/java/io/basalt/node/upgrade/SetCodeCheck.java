/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import io.basalt.primitives.types.RuntimeVersion;
import java.util.ArrayList;
import java.util.List;

/**
 * The version checks FRAME's {@code set_code} makes before it accepts new code ({@code
 * can_set_code}): the same spec_name and a higher spec_version. Each refusal is one line.
 */
public final class SetCodeCheck {
  private SetCodeCheck() {}

  /**
   * Why {@code set_code} would refuse {@code next} over {@code current}; empty when it would not.
   */
  public static List<String> refusals(
      RuntimeVersion current, RuntimeVersion next, TryUpgradeOptions options) {
    List<String> out = new ArrayList<>();
    if (options.specNameCheck() && !current.specName().equals(next.specName())) {
      out.add(
          "the new runtime's spec_name '"
              + next.specName()
              + "' differs from the chain's '"
              + current.specName()
              + "' (set_code: InvalidSpecName; --disable-spec-name-check to go on)");
    }
    if (options.specVersionCheck() && next.specVersion() <= current.specVersion()) {
      out.add(
          "the new runtime's spec_version "
              + next.specVersion()
              + " is not higher than the chain's "
              + current.specVersion()
              + " (set_code: SpecVersionNeedsToIncrease; --disable-spec-version-check to go on)");
    }
    return List.copyOf(out);
  }
}
