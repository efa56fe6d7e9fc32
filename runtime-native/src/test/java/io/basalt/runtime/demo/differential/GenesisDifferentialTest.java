/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.differential;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.TestRuntimes;
import io.basalt.runtime.demo.chain.WasmCode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Genesis and stateless APIs on both implementations (§16.1, §16.7). */
class GenesisDifferentialTest {
  @Test
  void bothPresetsBuildTheSameGenesisOnBothImplementations() {
    for (int spec : List.of(100, 101)) {
      Bytes code = WasmCode.compressed(spec);
      for (String preset : List.of("development", "local_testnet")) {
        DemoChain nativeChain =
            DemoChain.fromPreset(TestRuntimes.nativeRuntime(spec), preset, Optional.of(code));
        DemoChain wasmChain =
            DemoChain.fromPreset(
                WasmCode.runtime(WasmExecutionMethod.COMPILED, spec), preset, Optional.of(code));
        assertThat(nativeChain.head()).as("spec %s %s", spec, preset).isEqualTo(wasmChain.head());
      }
    }
  }
}
