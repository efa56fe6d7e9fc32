/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.host.HostFunctionRegistry;
import io.basalt.executor.host.HostFunctionRegistry.HostFunction;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/host-api-status.md} is generated from the registry and must not drift. Regenerate
 * with {@code ./mvnw test -pl executor -Dtest=HostApiStatusTest -Dhost-api-status.update=true}.
 */
class HostApiStatusTest {
  private static final Path FILE = Path.of("..", "docs", "host-api-status.md");

  static String render(HostFunctionRegistry registry) {
    StringBuilder sb = new StringBuilder();
    sb.append("# Host API status\n\n")
        .append(
            "Generated from `HostFunctionRegistry.standard()` by `HostApiStatusTest`; do not edit.\n")
        .append("Regenerate: `./mvnw test -pl executor -Dtest=HostApiStatusTest")
        .append(" -Dhost-api-status.update=true`.\n\n");
    long implemented =
        registry.functions().stream()
            .filter(f -> f.status() == HostFunctionRegistry.Status.IMPLEMENTED)
            .count();
    sb.append(registry.functions().size())
        .append(" functions: ")
        .append(implemented)
        .append(" implemented, ")
        .append(
            registry.functions().stream()
                .filter(f -> f.status() == HostFunctionRegistry.Status.DELEGATED)
                .count())
        .append(" delegated to a seam, ")
        .append(
            registry.functions().stream()
                .filter(f -> f.status() == HostFunctionRegistry.Status.TRAPS)
                .count())
        .append(" registered but trapping.\n\n");
    sb.append("| function | version | signature | status | note |\n|---|---|---|---|---|\n");
    for (HostFunction f : registry.functions()) {
      sb.append("| `ext_")
          .append(f.namespace())
          .append('_')
          .append(f.function())
          .append("` | ")
          .append(f.version())
          .append(" | `")
          .append(f.signature())
          .append("` | ")
          .append(f.status().label())
          .append(" | ")
          .append(f.note())
          .append(" |\n");
    }
    return sb.toString();
  }

  @Test
  void committedStatusFileMatchesTheRegistry() throws IOException {
    String expected = render(HostFunctionRegistry.standard());
    if (Boolean.getBoolean("host-api-status.update")) {
      Files.createDirectories(FILE.getParent());
      Files.writeString(FILE, expected, StandardCharsets.UTF_8);
    }
    assertThat(FILE).as("docs/host-api-status.md (regenerate it, see class doc)").exists();
    assertThat(Files.readString(FILE, StandardCharsets.UTF_8))
        .as("docs/host-api-status.md is stale; regenerate it (see HostApiStatusTest)")
        .isEqualTo(expected);
  }

  @Test
  void everyImportNameFollowsTheConvention() {
    for (HostFunction f : HostFunctionRegistry.standard().functions()) {
      assertThat(f.name()).matches("ext_[a-z0-9_]+_version_[1-9][0-9]*");
      assertThat(HostFunctionRegistry.standard().lookup(f.name())).contains(f);
    }
  }
}
