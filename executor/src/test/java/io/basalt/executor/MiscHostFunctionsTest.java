/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static io.basalt.executor.WatProbes.EXECUTOR;
import static io.basalt.executor.WatProbes.SERVICES;
import static io.basalt.executor.WatProbes.ascii;
import static io.basalt.executor.WatProbes.ext;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.nio.file.Files;
import java.util.Arrays;
import java.util.Optional;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/** {@code ext_misc_*}: runtime versions of other code and the print functions' log lines. */
class MiscHostFunctionsTest {
  @Test
  void runtimeVersionIsNoneForBadCodeAndTheVersionOfARealRuntime() throws IOException {
    ScaleCodec<Optional<Bytes>> optionBytes = ScaleCodec.option(ScaleCodec.BYTES);
    for (byte[] bad : new byte[][] {ascii("not wasm"), new byte[0], Wat2Wasm.parse("(module)")}) {
      assertThat(
              HostCallProbe.of("ext_misc_runtime_version_version_1")
                  .ps(bad)
                  .returnedBytes(EXECUTOR, ext(), SERVICES))
          .containsExactly(0);
    }
    byte[] code = Files.readAllBytes(Fixtures.file("wasm/westend-runtime-v9300.wasm"));
    Optional<Bytes> encoded =
        optionBytes.decode(
            HostCallProbe.of("ext_misc_runtime_version_version_1")
                .ps(code)
                .returnedBytes(EXECUTOR, ext(), SERVICES));
    RuntimeVersion version =
        RuntimeVersion.decode(encoded.orElseThrow().toArray(), OptionalLong.empty());
    assertThat(version.specName()).isEqualTo("westend");
    assertThat(version.specVersion()).isEqualTo(9300);
    assertThat(version.apis()).isNotEmpty();
  }

  @Test
  void printFunctionsLogAtDebugOnTheRuntimeTarget() {
    try (CapturedLogs logs = CapturedLogs.of("runtime", Level.DEBUG)) {
      HostCallProbe.of("ext_misc_print_num_version_1").i64(42).run(EXECUTOR, ext(), SERVICES);
      HostCallProbe.of("ext_misc_print_num_version_1").i64(-1).run(EXECUTOR, ext(), SERVICES);
      HostCallProbe.of("ext_misc_print_utf8_version_1")
          .ps("héllo wörld")
          .run(EXECUTOR, ext(), SERVICES);
      HostCallProbe.of("ext_misc_print_utf8_version_1")
          .ps(new byte[] {(byte) 0xff, 'x'})
          .run(EXECUTOR, ext(), SERVICES);
      HostCallProbe.of("ext_misc_print_hex_version_1")
          .ps(new byte[] {1, 2, (byte) 0xab})
          .run(EXECUTOR, ext(), SERVICES);
      assertThat(logs.lines())
          .as("u64 numbers; invalid UTF-8 prints nothing; hex as HexDisplay (no 0x)")
          .containsExactly(
              "DEBUG 42", "DEBUG 18446744073709551615", "DEBUG héllo wörld", "DEBUG 0102ab");
    }
  }

  @Test
  void printHexAbbreviatesLongDataAsHexDisplayDoes() {
    byte[] data = new byte[1027];
    for (int i = 0; i < data.length; i++) {
      data[i] = (byte) i;
    }
    try (CapturedLogs logs = CapturedLogs.of("runtime", Level.DEBUG)) {
      HostCallProbe.of("ext_misc_print_hex_version_1").ps(data).run(EXECUTOR, ext(), SERVICES);
      String expected =
          "DEBUG "
              + Hex.encodeBare(Arrays.copyOf(data, 512))
              + "..."
              + Hex.encodeBare(Arrays.copyOfRange(data, data.length - 512, data.length));
      assertThat(logs.lines()).containsExactly(expected);
    }
  }
}
