/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.service;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The node's version, from the build (Maven-filtered {@code version.properties}). */
public final class NodeVersion {
  private static final String VERSION = load();

  private NodeVersion() {}

  /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return VERSION;
  }

  private static String load() {
    try (InputStream in =
        NodeVersion.class.getResourceAsStream("/io/basalt/node/version.properties")) {
      if (in == null) {
        return "unknown";
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
