/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

import io.basalt.primitives.bytes.Hex;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Wasm modules written byte by byte for tests. */
public final class TestModules {
  private TestModules() {}

  /**
   * {@code module} (a whole module, or empty for just the preamble) followed by custom sections,
   * given as name, content, name, content…
   */
  public static byte[] withCustomSections(byte[] module, Object... nameAndContent) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(module.length == 0 ? Hex.decode("0061736d01000000") : module);
    for (int i = 0; i < nameAndContent.length; i += 2) {
      byte[] name = ((String) nameAndContent[i]).getBytes(StandardCharsets.UTF_8);
      byte[] content = (byte[]) nameAndContent[i + 1];
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      writeLeb(body, name.length);
      body.writeBytes(name);
      body.writeBytes(content);
      out.write(0);
      writeLeb(out, body.size());
      out.writeBytes(body.toByteArray());
    }
    return out.toByteArray();
  }

  /** Unsigned LEB128. */
  public static void writeLeb(ByteArrayOutputStream out, int value) {
    int v = value;
    do {
      int b = v & 0x7f;
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }
}
