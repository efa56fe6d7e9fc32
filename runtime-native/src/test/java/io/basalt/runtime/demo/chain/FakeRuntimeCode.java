/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.ApiVersion;
import io.basalt.primitives.types.Bytes;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.runtime.metadata.BasaltDemoRuntime;
import java.nio.charset.StandardCharsets;

/**
 * A Wasm module that is nothing but the {@code runtime_version} and {@code runtime_apis} custom
 * sections: enough for {@code set_code}'s version checks and for picking the native runtime by
 * {@code :code}, without a real Wasm runtime.
 */
public final class FakeRuntimeCode {
  private FakeRuntimeCode() {}

  /**
   * A module that declares basalt-demo 100's version with another spec name and version, e.g.
   * {@code declaring("basalt-demo", 99)} for a {@code set_code} with a lower version.
   */
  public static Bytes declaring(String specName, long specVersion) {
    RuntimeVersion v = BasaltDemoRuntime.version(100);
    return declaring(
        new RuntimeVersion(
            specName,
            v.implName(),
            v.authoringVersion(),
            specVersion,
            v.implVersion(),
            v.apis(),
            v.transactionVersion(),
            v.systemVersion()));
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
