/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import java.util.List;
import java.util.concurrent.ThreadLocalRandom;

/** Random human-friendly node names in Substrate's style ({@code adjective-noun-1234}). */
final class NodeNames {
  private static final List<String> ADJECTIVES =
      List.of(
          "quiet", "basaltic", "volcanic", "steady", "polished", "hexagonal", "molten", "sturdy");
  private static final List<String> NOUNS =
      List.of("column", "ridge", "flow", "crater", "pillar", "causeway", "plateau", "dyke");

  private NodeNames() {}

  static String random() {
    ThreadLocalRandom r = ThreadLocalRandom.current();
    return ADJECTIVES.get(r.nextInt(ADJECTIVES.size()))
        + "-"
        + NOUNS.get(r.nextInt(NOUNS.size()))
        + "-"
        + r.nextInt(1000, 10000);
  }
}
