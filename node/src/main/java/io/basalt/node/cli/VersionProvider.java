/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The node's version, from the build (Maven-filtered {@code version.properties}). */
public final class VersionProvider implements IVersionProvider {
  private static final String VERSION = load();

  /** The version string, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static String version() {
    return VERSION;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"basalt " + VERSION};
  }

  private static String load() {
    try (InputStream in =
        VersionProvider.class.getResourceAsStream("/io/basalt/node/version.properties")) {
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
