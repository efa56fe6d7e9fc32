/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import com.dylibso.chicory.wabt.Wat2Wasm;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.TestBackends;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The harness of the host-API probe tests (one test class per namespace): small runtimes written in
 * WAT, compiled with Chicory's wabt and run in the interpreter (no compile time), over an empty or
 * given state. {@link HostCallProbe} builds the module that calls one host function.
 *
 * <pre>{@code
 * byte[] out = WatProbes.EXECUTOR.call(WatProbes.module(wat), "Test_call", input, WatProbes.ext());
 * }</pre>
 */
final class WatProbes {
  /**
   * The interpreting executor every probe test shares. Its threads are daemons, so it lives as long
   * as the test JVM and is never closed.
   */
  static final RuntimeExecutor EXECUTOR =
      new RuntimeExecutor(
          ExecutorConfig.defaults().withMethod(WasmExecutionMethod.INTERPRETED),
          HostServices.standard());

  /** The node's standard services (no keystore, no offchain context). */
  static final HostServices SERVICES = HostServices.standard();

  private WatProbes() {}

  /** A runtime from module fields in WAT; {@code __heap_base} is 1024. */
  static RuntimeBlob module(String body) {
    return RuntimeBlob.parse(
        Wat2Wasm.parse(
            "(module\n" + body + "\n (global (export \"__heap_base\") i32 (i32.const 1024)))"));
  }

  /** Externalities over an empty state. */
  static OverlayedExternalities ext() {
    return new OverlayedExternalities(new OverlayedChanges(), TestBackends.of(Map.of()));
  }

  /** A state with these top entries and one default child trie {@code c} with these entries. */
  static OverlayedExternalities state(Map<String, String> top, Map<String, String> child) {
    Map<Bytes, Bytes> t = new TreeMap<>();
    top.forEach((k, v) -> t.put(b(k), b(v)));
    Map<Bytes, Bytes> c = new TreeMap<>();
    child.forEach((k, v) -> c.put(b(k), b(v)));
    return new OverlayedExternalities(
        new OverlayedChanges(),
        c.isEmpty() ? TestBackends.of(t) : TestBackends.of(t, Map.of(b("c"), c)));
  }

  static Bytes b(String text) {
    return Bytes.wrap(text.getBytes(StandardCharsets.UTF_8));
  }

  static byte[] ascii(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  /** SCALE {@code Some(value)} as an {@code Option<u32>}: a removal limit, a read's remainder. */
  static byte[] optionU32(long value) {
    return ScaleCodec.option(ScaleCodec.U32).encode(Optional.of(value));
  }

  /** SCALE {@code None} as an {@code Option<u32>}: no removal limit. */
  static byte[] noLimit() {
    return ScaleCodec.option(ScaleCodec.U32).encode(Optional.empty());
  }

  /** A removal cursor, SCALE {@code Option<Vec<u8>>}. */
  static byte[] cursor(Optional<Bytes> cursor) {
    return ScaleCodec.option(ScaleCodec.BYTES).encode(cursor);
  }

  /** {@code KillStorageResult}: 0 AllRemoved(u32), 1 SomeRemaining(u32). */
  static byte[] killResult(boolean allRemoved, long loops) {
    return new ScaleWriter(5).writeU8(allRemoved ? 0 : 1).writeU32(loops).toByteArray();
  }

  /** {@code MultiRemovalResults}: (maybe_cursor, backend, unique, loops). */
  static byte[] multiRemoval(Optional<String> cursor, long backend, long unique, long loops) {
    ScaleWriter w = new ScaleWriter();
    w.writeOption(cursor.map(WatProbes::b), ScaleCodec.BYTES);
    return w.writeU32(backend).writeU32(unique).writeU32(loops).toByteArray();
  }
}
