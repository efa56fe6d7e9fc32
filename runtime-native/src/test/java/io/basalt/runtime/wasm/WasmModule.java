/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.wasm;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** Just enough of the Wasm binary format to list a module's imports and exports. */
record WasmModule(List<Import> imports, List<String> exports) {
  /** An import; {@code kind} 0 function, 1 table, 2 memory, 3 global. */
  record Import(String module, String name, int kind) {}

  static WasmModule parse(byte[] wasm) {
    Reader r = new Reader(wasm, 8);
    List<Import> imports = new ArrayList<>();
    List<String> exports = new ArrayList<>();
    while (r.pos < wasm.length) {
      int id = wasm[r.pos++] & 0xff;
      int size = r.u32();
      int end = r.pos + size;
      if (id == 2) {
        int n = r.u32();
        for (int i = 0; i < n; i++) {
          String module = r.name();
          String name = r.name();
          int kind = wasm[r.pos++] & 0xff;
          imports.add(new Import(module, name, kind));
          r.skipImportDescription(kind);
        }
      } else if (id == 7) {
        int n = r.u32();
        for (int i = 0; i < n; i++) {
          exports.add(r.name());
          r.pos++; // kind
          r.u32(); // index
        }
      }
      r.pos = end;
    }
    return new WasmModule(imports, exports);
  }

  private static final class Reader {
    private final byte[] data;
    private int pos;

    Reader(byte[] data, int pos) {
      this.data = data;
      this.pos = pos;
    }

    int u32() {
      int result = 0;
      int shift = 0;
      while (true) {
        int b = data[pos++] & 0xff;
        result |= (b & 0x7f) << shift;
        if ((b & 0x80) == 0) {
          return result;
        }
        shift += 7;
      }
    }

    String name() {
      int n = u32();
      String s = new String(data, pos, n, StandardCharsets.UTF_8);
      pos += n;
      return s;
    }

    void skipLimits() {
      int flags = data[pos++] & 0xff;
      u32();
      if ((flags & 1) != 0) {
        u32();
      }
    }

    void skipImportDescription(int kind) {
      switch (kind) {
        case 0 -> u32();
        case 1 -> {
          pos++;
          skipLimits();
        }
        case 2 -> skipLimits();
        case 3 -> pos += 2;
        default -> throw new IllegalArgumentException("unknown import kind " + kind);
      }
    }
  }
}
