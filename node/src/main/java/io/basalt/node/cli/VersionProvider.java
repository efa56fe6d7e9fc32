/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import io.basalt.node.service.NodeVersion;
import picocli.CommandLine.IVersionProvider;

/** {@code --version}: {@code basalt <version>}. */
public final class VersionProvider implements IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {"basalt " + NodeVersion.version()};
  }
}
