/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.upgrade;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import io.basalt.node.metadata.JsonScaleDecoder;
import io.basalt.node.metadata.MetadataType;
import io.basalt.node.metadata.RuntimeMetadata;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A block's events: FRAME's {@code System.Events} ({@code Vec<EventRecord>}) decoded by the
 * metadata into pallet and event names, with each event's fields and their raw encoding.
 */
final class BlockEvents {
  /** {@code System.Events}: twox128("System") ++ twox128("Events"). */
  static final Bytes SYSTEM_EVENTS = RuntimeMetadata.plainKey("System", "Events");

  private BlockEvents() {}

  /**
   * Decodes the events stored in {@code System.Events}.
   *
   * @throws IllegalArgumentException if the metadata has no {@code System.Events} or they do not
   *     decode by it
   */
  static List<UpgradeReport.Event> decode(RuntimeMetadata metadata, Bytes stored) {
    RuntimeMetadata.Pallet system =
        metadata
            .pallet("System")
            .orElseThrow(() -> new IllegalArgumentException("the runtime has no System pallet"));
    RuntimeMetadata.StorageItem events =
        RuntimeMetadata.item(system, "Events")
            .orElseThrow(() -> new IllegalArgumentException("the runtime has no System.Events"));
    if (!(metadata.type(events.valueType()).def() instanceof MetadataType.Sequence seq)
        || !(metadata.type(seq.element()).def() instanceof MetadataType.Composite record)) {
      throw new IllegalArgumentException("System.Events is not a Vec of event records");
    }
    int phaseType = -1;
    int eventType = -1;
    int topicsType = -1;
    for (MetadataType.Field f : record.fields()) {
      switch (f.name().orElse("")) {
        case "phase" -> phaseType = f.type();
        case "event" -> eventType = f.type();
        case "topics" -> topicsType = f.type();
        default -> throw new IllegalArgumentException("unexpected EventRecord field " + f.name());
      }
    }
    if (phaseType < 0 || eventType < 0 || topicsType < 0) {
      throw new IllegalArgumentException("EventRecord lacks phase, event or topics");
    }
    JsonScaleDecoder decoder = new JsonScaleDecoder(metadata);
    ScaleReader r = new ScaleReader(stored.unsafeArray());
    int n = r.readCompactInt();
    List<UpgradeReport.Event> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      String phase = phase(decoder.read(r, phaseType));
      int start = r.position();
      JsonNode event = decoder.read(r, eventType);
      Bytes raw = r.consumedSince(start);
      decoder.read(r, topicsType);
      String pallet = "?";
      String variant = "?";
      JsonNode fields = JsonNodeFactory.instance.nullNode();
      if (event.isObject() && event.size() == 1) {
        Map.Entry<String, JsonNode> p = event.properties().iterator().next();
        pallet = p.getKey();
        JsonNode inner = p.getValue();
        if (inner.isTextual()) {
          variant = inner.asText();
        } else if (inner.isObject() && inner.size() == 1) {
          Map.Entry<String, JsonNode> v = inner.properties().iterator().next();
          variant = v.getKey();
          fields = v.getValue();
        }
      }
      Bytes data = raw.length() >= 2 ? raw.slice(2, raw.length()) : Bytes.EMPTY;
      out.add(new UpgradeReport.Event(pallet, variant, phase, fields, data.toHex()));
    }
    return List.copyOf(out);
  }

  private static String phase(JsonNode phase) {
    if (phase.isTextual()) {
      return phase.asText();
    }
    if (phase.isObject() && phase.size() == 1) {
      Map.Entry<String, JsonNode> e = phase.properties().iterator().next();
      return e.getKey() + "(" + e.getValue() + ")";
    }
    return phase.toString();
  }
}
