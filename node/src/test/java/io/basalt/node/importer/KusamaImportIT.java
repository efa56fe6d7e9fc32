/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.NodeCli;
import io.basalt.testsupport.Fixtures;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Kusama #1 imports on {@code kusama.json} through {@code import-blocks}, in both modes. */
class KusamaImportIT {
  @ParameterizedTest
  @EnumSource(WasmExecutionMethod.class)
  void kusamaBlockOneImports(WasmExecutionMethod method, @TempDir Path dir) throws Exception {
    Path file = dir.resolve("kusama-1.json");
    Files.writeString(file, SignedBlockJson.toJson(FixtureBlocks.kusama().get(0)));
    String[] common = {
      "--chain",
      Fixtures.file("chainspecs/kusama.json").toString(),
      "-d",
      dir.resolve("base").toString(),
      "--wasm-execution",
      method.cliName(),
      "--wasm-cache-dir",
      TestCaches.wasmCache().toString()
    };
    NodeCli imported = NodeCli.run(concat(new String[] {"import-blocks", file.toString()}, common));
    assertThat(imported.exitCode()).as(imported.err()).isZero();

    NodeCli info = NodeCli.run(concat(new String[] {"chain-info"}, common));
    JsonNode chain = new ObjectMapper().readTree(info.out());
    assertThat(chain.get("best_number").asLong()).isEqualTo(1);
    assertThat(chain.get("best_hash").asText())
        .isEqualTo("0xcd9b8e2fc2f57c4570a86319b005832080e0c478ab41ae5d44e23705872f5ad3");
    assertThat(chain.get("genesis_hash").asText())
        .isEqualTo("0xb0a8d493285c2df73290dfb7e61f870f17b41801197a149ca93654499ea3dafe");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] out = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
