/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleWriter;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Map;
import java.util.NavigableMap;
import java.util.TreeMap;

/**
 * The data the runtime turns into a block's inherent extrinsics (sp-inherents' {@code
 * InherentData}): values keyed by an 8-byte identifier, SCALE-encoded as {@code Vec<([u8; 8],
 * Vec<u8>)>} sorted by identifier.
 *
 * <pre>{@code
 * InherentData data = InherentData.empty().withTimestamp(1_700_000_000_000L);
 * byte[] input = data.encode(); // BlockBuilder_inherent_extrinsics(data)
 * }</pre>
 *
 * @param values encoded values by identifier
 */
public record InherentData(NavigableMap<Bytes, Bytes> values) {
  /** The timestamp inherent's identifier, {@code timstap0}. */
  public static final Bytes TIMESTAMP = identifier("timstap0");

  public InherentData {
    for (Bytes id : values.keySet()) {
      if (id.length() != 8) {
        throw new IllegalArgumentException("an inherent identifier has 8 bytes, not " + id);
      }
    }
    values = Collections.unmodifiableNavigableMap(new TreeMap<>(values));
  }

  public static InherentData empty() {
    return new InherentData(new TreeMap<>());
  }

  /** These data with one more value. */
  public InherentData with(Bytes identifier, Bytes encodedValue) {
    TreeMap<Bytes, Bytes> copy = new TreeMap<>(values);
    copy.put(identifier, encodedValue);
    return new InherentData(copy);
  }

  /** These data with the timestamp inherent: milliseconds since the Unix epoch, as a u64. */
  public InherentData withTimestamp(long unixMillis) {
    return with(TIMESTAMP, new ScaleWriter(8).writeU64(unixMillis).toBytes());
  }

  /** The SCALE encoding the runtime's {@code inherent_extrinsics} takes. */
  public byte[] encode() {
    ScaleWriter w = new ScaleWriter();
    w.writeCompact(values.size());
    for (Map.Entry<Bytes, Bytes> e : values.entrySet()) {
      w.writeRaw(e.getKey()).writeByteVec(e.getValue().unsafeArray());
    }
    return w.toByteArray();
  }

  /** An identifier from its 8 ASCII characters, e.g. {@code timstap0}. */
  public static Bytes identifier(String ascii) {
    return Bytes.wrap(ascii.getBytes(StandardCharsets.US_ASCII));
  }
}
