/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.event;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code frame_system::EventRecord}: {@code phase ‖ event ‖ topics}; basalt-demo never sets topics,
 * so they encode as an empty {@code Vec<H256>} ({@code 00}).
 *
 * @param phase when the event was deposited
 * @param event the event
 */
public record EventRecord(Phase phase, RuntimeEvent event) {

  public Bytes encode() {
    ScaleWriter w = new ScaleWriter(128);
    phase.encode(w);
    event.encode(w);
    w.writeCompact(0);
    return w.toBytes();
  }

  /**
   * Decodes the value of {@code System.Events}: {@code Vec<EventRecord>}. Topics are skipped.
   *
   * @throws io.basalt.primitives.scale.ScaleDecodingException if the value is malformed
   */
  public static List<EventRecord> decodeAll(Bytes events) {
    ScaleReader r = new ScaleReader(events);
    int n = r.readCompactInt();
    List<EventRecord> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      Phase phase = Phase.decode(r);
      RuntimeEvent event = RuntimeEvent.decode(r);
      int topics = r.readCompactInt();
      r.readFixed(topics * 32);
      out.add(new EventRecord(phase, event));
    }
    r.expectEnd("Vec<EventRecord>");
    return out;
  }
}
