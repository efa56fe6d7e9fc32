/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.executive;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code sp_inherents::InherentData}: a {@code BTreeMap<[u8; 8], Vec<u8>>}, encoded as {@code
 * Vec<([u8; 8], Vec<u8>)>}. A repeated identifier keeps its last value, as BTreeMap decoding does.
 *
 * @param entries the identifier/value pairs in encoding order
 */
public record InherentData(List<Entry> entries) {

  /**
   * One inherent datum.
   *
   * @param identifier 8 bytes, e.g. {@code timstap0}
   * @param value the encoded datum
   */
  public record Entry(Bytes identifier, Bytes value) {}

  public InherentData {
    entries = List.copyOf(entries);
  }

  /** The value of an identifier (the last one if repeated). */
  public Optional<Bytes> get(Bytes identifier) {
    for (int i = entries.size() - 1; i >= 0; i--) {
      if (entries.get(i).identifier().equals(identifier)) {
        return Optional.of(entries.get(i).value());
      }
    }
    return Optional.empty();
  }

  public static InherentData decode(ScaleReader r) {
    int n = r.readCompactInt();
    if (n > r.remaining()) {
      throw new io.basalt.primitives.scale.ScaleDecodingException(
          r.position(), "InherentData", "count " + n + " too large");
    }
    List<Entry> entries = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      entries.add(new Entry(r.readFixed(8), r.readByteVec()));
    }
    return new InherentData(entries);
  }

  public void encode(ScaleWriter w) {
    w.writeCompact(entries.size());
    for (Entry e : entries) {
      w.writeRaw(e.identifier()).writeByteVec(e.value());
    }
  }
}
