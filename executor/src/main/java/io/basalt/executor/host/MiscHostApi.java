/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.api.RuntimeVersionReader;
import io.basalt.executor.vm.WasmSignature;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/**
 * {@code ext_misc_*}: debug printing (to the {@code runtime} logger at DEBUG, formatted as
 * Substrate does: numbers as u64, UTF-8 only if valid, bytes as {@code HexDisplay}) and reading the
 * version of other runtime code. Spec: <a
 * href="https://spec.polkadot.network/chap-host-api#sect-misc-api">Miscellaneous</a>.
 */
public final class MiscHostApi {
  private MiscHostApi() {}

  static void register(HostFunctionRegistry.Builder b) {
    b.register(
        "misc",
        "print_num",
        1,
        WasmSignature.of(I64),
        (ctx, a) -> {
          LoggingHostApi.RUNTIME.debug("{}", Long.toUnsignedString(a[0]));
          return 0;
        });
    b.register(
        "misc",
        "print_utf8",
        1,
        WasmSignature.of(I64),
        (ctx, a) -> {
          printUtf8V1(ctx.memory().read(a[0]));
          return 0;
        });
    b.register(
        "misc",
        "print_hex",
        1,
        WasmSignature.of(I64),
        (ctx, a) -> {
          LoggingHostApi.RUNTIME.debug("{}", hexDisplay(ctx.memory().read(a[0])));
          return 0;
        });
    b.register(
        "misc",
        "runtime_version",
        1,
        WasmSignature.returning(I64, I64),
        (ctx, a) ->
            ctx.memory()
                .returnOptionBytes(runtimeVersionV1(ctx.versionReader(), ctx.memory().read(a[0]))));
  }

  /**
   * sp-core's {@code HexDisplay}: lower-case hex without {@code 0x}; from 1027 bytes on, the first
   * and last 512 bytes around {@code ...}.
   */
  static String hexDisplay(byte[] data) {
    if (data.length < 1027) {
      return Hex.encodeBare(data);
    }
    return Hex.encodeBare(Arrays.copyOf(data, 512))
        + "..."
        + Hex.encodeBare(Arrays.copyOfRange(data, data.length - 512, data.length));
  }

  static void printUtf8V1(byte[] data) {
    try {
      String text = StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(data)).toString();
      LoggingHostApi.RUNTIME.debug("{}", text);
    } catch (CharacterCodingException e) {
      // Substrate prints nothing for invalid UTF-8.
    }
  }

  /** The SCALE-encoded version of the given (possibly compressed) code, or empty. */
  static Optional<Bytes> runtimeVersionV1(RuntimeVersionReader reader, byte[] code) {
    return reader.readVersion(code).map(Bytes::wrap);
  }
}
