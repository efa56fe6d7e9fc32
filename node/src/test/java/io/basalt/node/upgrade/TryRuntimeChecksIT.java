/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.node.chain.ChainOpener;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.config.BasePath;
import io.basalt.node.service.NodeService;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.ApiVersion;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.demo.BasaltDemoNativeRuntime;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The TryRuntime checks with runtimes written in WAT that expose {@code
 * TryRuntime_on_runtime_upgrade} (and nothing to build blocks with): a migration that writes a
 * fixed value passes the idempotency check, one that appends to a value on every run fails it, with
 * one line; both are called with the selected checks. The demo chain at v100 is the source.
 */
class TryRuntimeChecksIT {
  @TempDir static Path dir;
  private static Path base;

  @BeforeAll
  static void demoChainAtV100() {
    base = dir.resolve("node");
    try (NodeService node =
        NodeService.start(
            TryUpgradeIT.configAt(base).build(), ChainSpecs.load("dev"), Clock.systemUTC())) {
      node.sealer().orElseThrow().createBlock(true, true, Optional.empty()).join();
    }
  }

  /**
   * basalt-demo/102 with the TryRuntime API; its migration runs {@code body} (which may call {@code
   * $set} and {@code $append} with the key at 512 and the value at 520) and returns two compact
   * zero weights.
   */
  private static Bytes tryRuntimeRuntime(String body) {
    RuntimeVersion version =
        new RuntimeVersion(
            "basalt-demo",
            "basalt-demo",
            1,
            102,
            1,
            List.of(
                new ApiVersion(ApiVersion.idOf("Core"), 1),
                new ApiVersion(ApiVersion.idOf("TryRuntime"), 1)),
            1,
            0);
    byte[] encoded = version.encode();
    StringBuilder data = new StringBuilder();
    for (byte b : encoded) {
      data.append(String.format("\\%02x", b & 0xff));
    }
    String wat =
        """
        (module
          (import "env" "ext_storage_set_version_1" (func $set (param i64 i64)))
          (import "env" "ext_storage_append_version_1" (func $append (param i64 i64)))
          (memory (export "memory") 2)
          (global (export "__heap_base") i32 (i32.const 4096))
          (data (i32.const 16) "%s")
          (data (i32.const 512) "tryctr")
          (data (i32.const 520) "\\04\\01")
          (data (i32.const 600) "\\00\\00")
          (func (export "Core_version") (param i32 i32) (result i64)
            (i64.or (i64.shl (i64.const %d) (i64.const 32)) (i64.const 16)))
          (func (export "TryRuntime_on_runtime_upgrade") (param $ptr i32) (param $len i32)
            (result i64)
            %s
            (i64.or (i64.shl (i64.const 2) (i64.const 32)) (i64.const 600))))
        """
            .formatted(data, encoded.length, body);
    return Bytes.wrap(Wat2Wasm.parse(wat));
  }

  private static final String KEY =
      "(i64.or (i64.shl (i64.const 6) (i64.const 32)) (i64.const 512))";
  private static final String VALUE =
      "(i64.or (i64.shl (i64.const 2) (i64.const 32)) (i64.const 520))";

  private static UpgradeReport rehearse(Bytes code, Path work) {
    DivergenceLog log = new DivergenceLog();
    try (NodeService node =
        NodeService.start(
            TryUpgradeIT.configAt(work).build(),
            ChainSpecs.load("dev"),
            Clock.systemUTC(),
            "rehearsal",
            BasaltDemoNativeRuntime.v100(),
            ChainOpener.COPY,
            new BasePath(base, false),
            log)) {
      return new UpgradeRehearsal(node, log, Optional.empty())
          .run("Development", code, TryUpgradeOptions.defaults().withBlocks(0));
    }
  }

  @Test
  void anIdempotentMigrationPassesTheChecks() {
    UpgradeReport report =
        rehearse(tryRuntimeRuntime("(call $set " + KEY + " " + VALUE + ")"), dir.resolve("w1"));
    assertThat(report.tryRuntime())
        .isEqualTo(
            new UpgradeReport.TryRuntime.Ran(
                UpgradeCheckSelect.PRE_AND_POST, "0x0000", Optional.of(true)));
    assertThat(report.failures()).noneMatch(f -> f.contains("idempotent"));
    // This runtime cannot build blocks: the rehearsal says so after the checks.
    assertThat(report.failures().getFirst()).contains("could not be built");
  }

  @Test
  void aMigrationThatChangesStateOnEveryRunIsNotIdempotent() {
    UpgradeReport report =
        rehearse(tryRuntimeRuntime("(call $append " + KEY + " " + VALUE + ")"), dir.resolve("w2"));
    assertThat(report.tryRuntime())
        .isEqualTo(
            new UpgradeReport.TryRuntime.Ran(
                UpgradeCheckSelect.PRE_AND_POST, "0x0000", Optional.of(false)));
    assertThat(report.failures().getFirst())
        .startsWith("the migration is not idempotent: a second run changed the storage root")
        .endsWith("(--disable-idempotency-checks to go on)");
    assertThat(report.toText()).contains("NOT idempotent");
  }
}
