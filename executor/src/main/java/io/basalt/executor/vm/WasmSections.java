/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

import io.basalt.primitives.bytes.Bytes;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * A minimal scanner over the section headers of a Wasm binary: checks the preamble and every
 * section's bounds, collects the custom sections by name (the first of each name wins, as in
 * sc-executor) and the names of the exported functions. It does not decode code or types, so it
 * runs in milliseconds even on 9 MB runtimes.
 */
final class WasmSections {
  /**
   * What the scan found.
   *
   * @param customs custom sections by name
   * @param functionExports names of the exported functions
   */
  record Scan(Map<String, Bytes> customs, Set<String> functionExports) {
    Scan {
      customs = Map.copyOf(customs);
      functionExports = Set.copyOf(functionExports);
    }
  }

  static final byte[] WASM_MAGIC = {0x00, 0x61, 0x73, 0x6d};
  private static final byte[] VERSION_1 = {0x01, 0x00, 0x00, 0x00};

  private WasmSections() {}

  /** True if {@code code} starts with the Wasm magic (any version). */
  static boolean hasWasmMagic(byte[] code) {
    return code.length >= 4 && Arrays.equals(code, 0, 4, WASM_MAGIC, 0, 4);
  }

  /**
   * Scans the sections of a Wasm module: its custom sections by name and its function exports.
   *
   * @throws InvalidRuntimeCodeException if the preamble, a section header or the export section is
   *     malformed
   */
  static Scan scan(byte[] wasm) {
    if (!hasWasmMagic(wasm) || wasm.length < 8) {
      throw new InvalidRuntimeCodeException(
          "`:code` is not a Wasm module: it does not start with the Wasm magic 0x0061736d");
    }
    if (!Arrays.equals(wasm, 4, 8, VERSION_1, 0, 4)) {
      throw new InvalidRuntimeCodeException(
          "`:code` is a Wasm binary of unsupported version 0x"
              + io.basalt.primitives.bytes.Hex.encodeBare(Arrays.copyOfRange(wasm, 4, 8))
              + " (only version 1 is supported)");
    }
    Map<String, Bytes> customs = new LinkedHashMap<>();
    Set<String> exports = new HashSet<>();
    int pos = 8;
    while (pos < wasm.length) {
      int sectionStart = pos;
      int id = wasm[pos++] & 0xff;
      long[] sizeAndNext = readU32Leb(wasm, pos, sectionStart);
      long size = sizeAndNext[0];
      pos = (int) sizeAndNext[1];
      if (size > wasm.length - pos) {
        throw new InvalidRuntimeCodeException(
            "malformed Wasm: section "
                + id
                + " at offset "
                + sectionStart
                + " declares "
                + size
                + " byte(s) but only "
                + (wasm.length - pos)
                + " remain");
      }
      int end = pos + (int) size;
      if (id == 0) {
        long[] nameLen = readU32Leb(wasm, pos, sectionStart);
        int nameStart = (int) nameLen[1];
        if (nameLen[0] > end - nameStart) {
          throw new InvalidRuntimeCodeException(
              "malformed Wasm: custom section name at offset " + sectionStart + " overruns it");
        }
        String name = utf8(wasm, nameStart, (int) nameLen[0], sectionStart);
        int contentStart = nameStart + (int) nameLen[0];
        customs.putIfAbsent(name, Bytes.wrap(Arrays.copyOfRange(wasm, contentStart, end)));
      } else if (id == EXPORT_SECTION) {
        readFunctionExports(wasm, pos, end, sectionStart, exports);
      } else if (id > 13) {
        throw new InvalidRuntimeCodeException(
            "malformed Wasm: unknown section id " + id + " at offset " + sectionStart);
      }
      pos = end;
    }
    return new Scan(customs, exports);
  }

  private static final int EXPORT_SECTION = 7;

  /** Reads {@code vec(name, kind, index)}, keeping the names of kind 0 (function). */
  private static void readFunctionExports(
      byte[] wasm, int pos, int end, int sectionStart, Set<String> out) {
    long[] count = readU32Leb(wasm, pos, sectionStart);
    pos = (int) count[1];
    for (long i = 0; i < count[0]; i++) {
      long[] nameLen = readU32Leb(wasm, pos, sectionStart);
      int nameStart = (int) nameLen[1];
      if (nameLen[0] > end - nameStart - 1) {
        throw new InvalidRuntimeCodeException(
            "malformed Wasm: export "
                + i
                + " in the section at offset "
                + sectionStart
                + " overruns it");
      }
      String name = utf8(wasm, nameStart, (int) nameLen[0], sectionStart);
      int kindAt = nameStart + (int) nameLen[0];
      int kind = wasm[kindAt] & 0xff;
      pos = (int) readU32Leb(wasm, kindAt + 1, sectionStart)[1];
      if (pos > end) {
        throw new InvalidRuntimeCodeException(
            "malformed Wasm: export section at offset " + sectionStart + " overruns its size");
      }
      if (kind == 0) {
        out.add(name);
      }
    }
  }

  private static long[] readU32Leb(byte[] data, int pos, int sectionStart) {
    long result = 0;
    int shift = 0;
    while (true) {
      if (pos >= data.length) {
        throw new InvalidRuntimeCodeException(
            "malformed Wasm: truncated LEB128 in the section at offset " + sectionStart);
      }
      int b = data[pos++] & 0xff;
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        break;
      }
      shift += 7;
      if (shift > 28) {
        throw new InvalidRuntimeCodeException(
            "malformed Wasm: LEB128 longer than 5 bytes in the section at offset " + sectionStart);
      }
    }
    if (result > 0xffffffffL) {
      throw new InvalidRuntimeCodeException(
          "malformed Wasm: LEB128 value exceeds u32 in the section at offset " + sectionStart);
    }
    return new long[] {result, pos};
  }

  private static String utf8(byte[] data, int start, int len, int sectionStart) {
    try {
      return StandardCharsets.UTF_8
          .newDecoder()
          .onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT)
          .decode(ByteBuffer.wrap(data, start, len))
          .toString();
    } catch (CharacterCodingException e) {
      throw new InvalidRuntimeCodeException(
          "malformed Wasm: a name in the section at offset " + sectionStart + " is not UTF-8", e);
    }
  }
}
