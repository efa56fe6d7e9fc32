/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.vm;

import com.github.luben.zstd.Zstd;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Rewrites the {@code spec_name} and {@code spec_version} in a runtime's {@code runtime_version}
 * custom section, the version {@code set_code} reads before it accepts new code. The rest of the
 * module is kept byte for byte: to the node and to {@code set_code} the result is the same runtime
 * under another version (to rehearse an upgrade to a runtime at hand, or to test a refusal). Code
 * that came zstd-compressed is compressed again.
 *
 * <pre>{@code
 * byte[] next = RuntimeVersionSection.rewrite(code, "westend", 9321);
 * }</pre>
 */
public final class RuntimeVersionSection {
  private static final String SECTION = "runtime_version";
  private static final int ZSTD_LEVEL = 3;

  private RuntimeVersionSection() {}

  /**
   * The code with its {@code runtime_version} section saying {@code specName}/{@code specVersion}.
   *
   * @param code {@code :code} as stored: Wasm, or zstd-compressed Wasm
   * @throws InvalidRuntimeCodeException if the code is not Wasm, has no {@code runtime_version}
   *     section or the section does not start with a runtime version
   */
  public static byte[] rewrite(byte[] code, String specName, long specVersion) {
    if (specVersion < 0 || specVersion > 0xffffffffL) {
      throw new IllegalArgumentException("spec_version must fit a u32: " + specVersion);
    }
    RuntimeBlob blob = RuntimeBlob.parse(code);
    byte[] wasm = blob.wasm().toArray();
    ByteArrayOutputStream out = new ByteArrayOutputStream(wasm.length + 64);
    out.write(wasm, 0, 8);
    boolean found = false;
    int pos = 8;
    while (pos < wasm.length) {
      int start = pos;
      int id = wasm[pos++] & 0xff;
      long[] size = leb(wasm, pos);
      pos = (int) size[1];
      int end = pos + (int) size[0];
      if (id == 0 && !found) {
        long[] nameLen = leb(wasm, pos);
        int nameStart = (int) nameLen[1];
        String name = new String(wasm, nameStart, (int) nameLen[0], StandardCharsets.UTF_8);
        if (name.equals(SECTION)) {
          byte[] content =
              rewritten(
                  Arrays.copyOfRange(wasm, nameStart + (int) nameLen[0], end),
                  specName,
                  specVersion);
          byte[] nameBytes = SECTION.getBytes(StandardCharsets.UTF_8);
          ByteArrayOutputStream body = new ByteArrayOutputStream();
          writeLeb(body, nameBytes.length);
          body.writeBytes(nameBytes);
          body.writeBytes(content);
          out.write(0);
          writeLeb(out, body.size());
          out.writeBytes(body.toByteArray());
          found = true;
          pos = end;
          continue;
        }
      }
      out.write(wasm, start, end - start);
      pos = end;
    }
    if (!found) {
      throw new InvalidRuntimeCodeException(
          "the runtime has no `runtime_version` custom section to rewrite");
    }
    byte[] result = out.toByteArray();
    if (!blob.isCompressed()) {
      return result;
    }
    byte[] compressed = Zstd.compress(result, ZSTD_LEVEL);
    byte[] withPrefix = new byte[RuntimeBlob.ZSTD_PREFIX.length + compressed.length];
    System.arraycopy(RuntimeBlob.ZSTD_PREFIX, 0, withPrefix, 0, RuntimeBlob.ZSTD_PREFIX.length);
    System.arraycopy(compressed, 0, withPrefix, RuntimeBlob.ZSTD_PREFIX.length, compressed.length);
    return withPrefix;
  }

  /** {@link #rewrite(byte[], String, long)} for {@link Bytes}. */
  public static Bytes rewrite(Bytes code, String specName, long specVersion) {
    return Bytes.wrap(rewrite(code.unsafeArray(), specName, specVersion));
  }

  /** The section with a new name and spec version; the fields after them are kept as they are. */
  private static byte[] rewritten(byte[] section, String specName, long specVersion) {
    try {
      ScaleReader r = new ScaleReader(section);
      r.readString();
      int implStart = r.position();
      r.readString();
      r.readU32AsLong();
      int specAt = r.position();
      r.readU32AsLong();
      ScaleWriter w = new ScaleWriter(section.length + specName.length());
      w.writeString(specName);
      w.writeRaw(section, implStart, specAt - implStart);
      w.writeU32(specVersion);
      w.writeRaw(section, specAt + 4, section.length - specAt - 4);
      return w.toByteArray();
    } catch (ScaleDecodingException e) {
      throw new InvalidRuntimeCodeException(
          "malformed `runtime_version` custom section: " + e.getMessage(), e);
    }
  }

  private static long[] leb(byte[] data, int pos) {
    long result = 0;
    int shift = 0;
    while (true) {
      if (pos >= data.length || shift > 28) {
        throw new InvalidRuntimeCodeException("malformed Wasm: bad LEB128 at offset " + pos);
      }
      int b = data[pos++] & 0xff;
      result |= (long) (b & 0x7f) << shift;
      if ((b & 0x80) == 0) {
        return new long[] {result, pos};
      }
      shift += 7;
    }
  }

  private static void writeLeb(ByteArrayOutputStream out, long value) {
    long v = value;
    do {
      int b = (int) (v & 0x7f);
      v >>>= 7;
      out.write(v != 0 ? b | 0x80 : b);
    } while (v != 0);
  }
}
