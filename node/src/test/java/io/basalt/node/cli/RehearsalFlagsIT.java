/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.node.NodeProcess;
import io.basalt.node.rpc.HttpRpcClient;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.ss58.Ss58;
import io.basalt.primitives.crypto.ss58.Ss58AddressFormat;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.runtime.demo.account.AccountInfo;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.storage.StorageKeys;
import io.basalt.testsupport.ProjectFiles;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Chopsticks' rehearsal flags on the command line of a real node process: {@code --dev
 * --wasm-override v101 --import-storage values.yaml --runtime-log-level 3} starts at spec 101 with
 * the values set, and the runtime's info line about the upgrade shows although {@code -l
 * runtime=off} came first.
 */
class RehearsalFlagsIT {
  private static final Duration START = Duration.ofSeconds(90);

  @Test
  void devNodeStartsOnTheOverridingRuntimeWithTheImportedValues(@TempDir Path dir)
      throws Exception {
    BigInteger free = BigInteger.TEN.pow(20).add(BigInteger.valueOf(42));
    Path values =
        Files.writeString(
            dir.resolve("values.yaml"),
            """
            System:
              Account:
                - [[%s], {providers: 1, data: {free: %s}}]
            """
                .formatted(
                    Ss58.encode(DevAccounts.bobId().bytes(), Ss58AddressFormat.SUBSTRATE), free));
    Path v101 = ProjectFiles.file("runtime-wasm/blobs/basalt_demo_v101.wasm");
    Path log = dir.resolve("node.log");
    Process node =
        NodeProcess.start(
            log,
            "--dev",
            "-d",
            dir.resolve("base").toString(),
            "--rpc-port",
            "0",
            "--no-prometheus",
            "--consensus",
            "manual",
            "-l",
            "runtime=off",
            "--wasm-override",
            v101.toString(),
            "--import-storage",
            values.toString(),
            "--runtime-log-level",
            "3");
    try {
      HttpRpcClient rpc = new HttpRpcClient(NodeProcess.awaitRpcPort(node, log, START));
      assertThat(rpc.result("state_getRuntimeVersion").get("specVersion").asLong()).isEqualTo(101);
      Bytes bob =
          Bytes.fromHex(
              rpc.result(
                      "state_getStorage",
                      StorageKeys.mapEntry("System", "Account", DevAccounts.bobId().bytes())
                          .toHex())
                  .asText());
      assertThat(AccountInfo.decode(new ScaleReader(bob.unsafeArray())).free()).isEqualTo(free);
      assertThat(NodeProcess.read(log))
          .contains(":code set from " + v101 + " (basalt-demo-101) in block #1")
          .contains("1 storage value(s) from " + values + " set in block #1");
      var unused = rpc.result("dev_newBlock");
      NodeProcess.awaitLine(node, log, "upgraded to basalt-demo/101", Duration.ofSeconds(30));
      node.destroy(); // SIGTERM
      assertThat(node.waitFor(30, TimeUnit.SECONDS)).isTrue();
      assertThat(node.exitValue()).as(NodeProcess.read(log)).isZero();
    } finally {
      node.destroyForcibly();
    }
  }
}
