/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.ApiVersion;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.metadata.demo.DemoRuntimeDescription;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Fake runtime code for {@code set_code}'s version checks: a Wasm module that is nothing but the
 * {@code runtime_version} and {@code runtime_apis} custom sections (also enough for picking the
 * native runtime by {@code :code}), or one without them whose {@code Core_version} the host must
 * run.
 */
public final class FakeRuntimeCode {
  private FakeRuntimeCode() {}

  /**
   * A module that declares basalt-demo 100's version with another spec name and version, e.g.
   * {@code declaring("basalt-demo", 99)} for a {@code set_code} with a lower version.
   */
  public static Bytes declaring(String specName, long specVersion) {
    return declaring(version(specName, specVersion));
  }

  /** basalt-demo 100's version with another spec name and version. */
  public static RuntimeVersion version(String specName, long specVersion) {
    RuntimeVersion v = DemoRuntimeDescription.version(100);
    return new RuntimeVersion(
        specName,
        v.implName(),
        v.authoringVersion(),
        specVersion,
        v.implVersion(),
        v.apis(),
        v.transactionVersion(),
        v.systemVersion());
  }

  /** A module that declares {@code version}. */
  public static Bytes declaring(RuntimeVersion version) {
    ScaleWriter apis = new ScaleWriter();
    for (ApiVersion api : version.apis()) {
      apis.writeRaw(api.id()).writeU32(api.version());
    }
    ScaleWriter module = new ScaleWriter();
    module.writeRaw(Bytes.fromHex("0061736d01000000"));
    customSection(module, "runtime_version", Bytes.wrap(version.encode()));
    customSection(module, "runtime_apis", apis.toBytes());
    return module.toBytes();
  }

  /**
   * A module without version sections whose {@code Core_version} returns {@code output}, or traps
   * when it is empty: {@code ext_misc_runtime_version} has to run it to learn the version. It
   * imports {@code env.memory}, holds {@code output} at offset 1024 and exports {@code __heap_base}
   * = 4096.
   */
  public static Bytes reportingFromCoreVersion(Optional<Bytes> output) {
    ScaleWriter module = new ScaleWriter();
    module.writeRaw(Bytes.fromHex("0061736d01000000"));
    // type 0: (i32, i32) -> i64
    section(module, 1, Bytes.fromHex("01" + "60027f7f017e"));
    // import env.memory, min 1 page
    ScaleWriter imports = new ScaleWriter().writeU8(1);
    name(imports, "env");
    name(imports, "memory");
    imports.writeRaw(Bytes.fromHex("020001"));
    section(module, 2, imports.toBytes());
    section(module, 3, Bytes.fromHex("0100"));
    // global 0: immutable i32 = 4096
    section(module, 6, Bytes.fromHex("017f00" + "418020" + "0b"));
    ScaleWriter exports = new ScaleWriter().writeU8(2);
    name(exports, "Core_version");
    exports.writeU8(0).writeU8(0);
    name(exports, "__heap_base");
    exports.writeU8(3).writeU8(0);
    section(module, 7, exports.toBytes());
    ScaleWriter body = new ScaleWriter().writeU8(0); // no locals
    if (output.isPresent()) {
      body.writeU8(0x42); // i64.const (ptr 1024 | len << 32)
      signedLeb(body, ((long) output.get().length() << 32) | 1024);
    } else {
      body.writeU8(0x00); // unreachable
    }
    body.writeU8(0x0b);
    ScaleWriter code = new ScaleWriter().writeU8(1);
    leb(code, body.size());
    code.writeRaw(body.toBytes());
    section(module, 10, code.toBytes());
    Bytes bytes = output.orElse(Bytes.EMPTY);
    ScaleWriter data = new ScaleWriter().writeU8(1).writeU8(0).writeRaw(Bytes.fromHex("4180080b"));
    leb(data, bytes.length());
    data.writeRaw(bytes);
    section(module, 11, data.toBytes());
    return module.toBytes();
  }

  private static void section(ScaleWriter module, int id, Bytes content) {
    module.writeU8(id);
    leb(module, content.length());
    module.writeRaw(content);
  }

  private static void name(ScaleWriter w, String name) {
    byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
    leb(w, bytes.length);
    w.writeRaw(bytes);
  }

  private static void signedLeb(ScaleWriter w, long value) {
    long v = value;
    while (true) {
      int b = (int) (v & 0x7f);
      v >>= 7;
      boolean done = (v == 0 && (b & 0x40) == 0) || (v == -1 && (b & 0x40) != 0);
      w.writeU8(done ? b : b | 0x80);
      if (done) {
        return;
      }
    }
  }

  private static void customSection(ScaleWriter module, String name, Bytes payload) {
    byte[] nameBytes = name.getBytes(StandardCharsets.UTF_8);
    ScaleWriter content = new ScaleWriter();
    leb(content, nameBytes.length);
    content.writeRaw(nameBytes).writeRaw(payload);
    module.writeU8(0);
    leb(module, content.size());
    module.writeRaw(content.toBytes());
  }

  private static void leb(ScaleWriter w, long value) {
    long v = value;
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      w.writeU8(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }
}
