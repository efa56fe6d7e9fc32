/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.log;

import io.basalt.primitives.bytes.Hash256;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The user-facing lines of a running node (banner, genesis, imports, idle status), as Substrate
 * prints them.
 */
public final class StatusLog {
  private static final Logger LOG = LoggerFactory.getLogger("basalt");

  private StatusLog() {}

  public static void info(String format, Object... args) {
    LOG.info(format, args);
  }

  public static void warn(String format, Object... args) {
    LOG.warn(format, args);
  }

  /** Substrate's short hash form: {@code 0x1234…abcd}. */
  public static String shortHash(Hash256 hash) {
    String hex = hash.toHex();
    return hex.substring(0, 6) + "…" + hex.substring(hex.length() - 4);
  }
}
