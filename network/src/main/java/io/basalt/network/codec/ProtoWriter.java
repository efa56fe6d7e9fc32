/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.codec;

import com.google.protobuf.CodedOutputStream;
import io.basalt.primitives.bytes.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Writes protobuf fields in the order called. Proto3 scalars equal to their default (0, false,
 * empty) are omitted by the {@code *IfSet} methods, as generated encoders do; the plain methods
 * always write.
 */
public final class ProtoWriter {
  private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
  private final CodedOutputStream out = CodedOutputStream.newInstance(buffer);

  public ProtoWriter bytes(int field, Bytes value) {
    return run(() -> out.writeByteArray(field, value.unsafeArray()));
  }

  public ProtoWriter bytes(int field, byte[] value) {
    return run(() -> out.writeByteArray(field, value));
  }

  public ProtoWriter bytesIfSet(int field, Bytes value) {
    return value.isEmpty() ? this : bytes(field, value);
  }

  public ProtoWriter string(int field, String value) {
    return run(() -> out.writeString(field, value));
  }

  public ProtoWriter varint(int field, long value) {
    return run(() -> out.writeUInt64(field, value));
  }

  public ProtoWriter varintIfSet(int field, long value) {
    return value == 0 ? this : varint(field, value);
  }

  public ProtoWriter boolIfSet(int field, boolean value) {
    return value ? varint(field, 1) : this;
  }

  /** The message written so far. */
  public byte[] toByteArray() {
    run(out::flush);
    return buffer.toByteArray();
  }

  private interface Write {
    void run() throws IOException;
  }

  private ProtoWriter run(Write write) {
    try {
      write.run();
    } catch (IOException e) {
      throw new UncheckedIOException("writing to memory cannot fail", e);
    }
    return this;
  }
}
