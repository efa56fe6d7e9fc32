/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.primitives.bytes.Bytes;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;

/**
 * Writes a chain spec as JSON in the field order and style of Substrate's {@code build-spec}: name,
 * id, chainType, bootNodes, telemetryEndpoints, protocolId, properties, the extension fields in
 * their original order, codeSubstitutes, genesis. Raw storage maps are written sorted by key.
 */
public final class ChainSpecWriter {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private ChainSpecWriter() {}

  /** Renders the spec as pretty-printed JSON, ending with a newline. */
  public static String toJson(ChainSpec spec) {
    Map<String, Object> root = new LinkedHashMap<>();
    root.put("name", spec.name());
    root.put("id", spec.id());
    root.put(
        "chainType",
        spec.chainType() instanceof ChainType.Custom custom
            ? Map.of("Custom", custom.name())
            : spec.chainType().name());
    root.put("bootNodes", spec.bootNodes());
    root.put(
        "telemetryEndpoints",
        spec.telemetryEndpoints()
            .map(list -> list.stream().map(t -> List.<Object>of(t.url(), t.verbosity())).toList())
            .orElse(null));
    root.put("protocolId", spec.protocolId().orElse(null));
    root.put("properties", spec.properties().orElse(null));
    spec.extensions().forEach(root::putIfAbsent);
    Map<String, Object> substitutes = new LinkedHashMap<>();
    spec.codeSubstitutes()
        .forEach((number, code) -> substitutes.put(Long.toUnsignedString(number), code.toHex()));
    root.put("codeSubstitutes", substitutes);
    root.put("genesis", genesis(spec.genesis()));
    StringBuilder out = new StringBuilder(estimateSize(spec));
    new PrettyJson(out).value(root);
    return out.append('\n').toString();
  }

  private static Map<String, Object> genesis(Genesis genesis) {
    Map<String, Object> out = new LinkedHashMap<>();
    switch (genesis) {
      case Genesis.Raw raw -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("top", hexMap(raw.top()));
        Map<String, Object> children = new LinkedHashMap<>();
        raw.childrenDefault().forEach((key, child) -> children.put(key.toHex(), hexMap(child)));
        body.put("childrenDefault", children);
        out.put("raw", body);
      }
      case Genesis.RuntimeGenesis rg -> {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("code", rg.code().toHex());
        rg.patch().ifPresent(p -> body.put("patch", parse(p)));
        rg.config().ifPresent(c -> body.put("config", parse(c)));
        out.put("runtimeGenesis", body);
      }
      case Genesis.StateRootHash h -> out.put("stateRootHash", h.stateRoot().toHex());
      case Genesis.LegacyRuntime legacy -> out.put("runtime", parse(legacy.json()));
    }
    return out;
  }

  private static Map<String, Object> hexMap(NavigableMap<Bytes, Bytes> map) {
    Map<String, Object> out = new LinkedHashMap<>();
    map.forEach((k, v) -> out.put(k.toHex(), v.toHex()));
    return out;
  }

  private static Object parse(String json) {
    try {
      return JsonValues.toJava(MAPPER.readTree(json));
    } catch (JsonProcessingException e) {
      throw new InvalidChainSpecException(
          "genesis JSON is not valid: " + e.getOriginalMessage(), e);
    }
  }

  private static int estimateSize(ChainSpec spec) {
    if (spec.genesis() instanceof Genesis.Raw raw) {
      long bytes = 0;
      for (Map.Entry<Bytes, Bytes> e : raw.top().entrySet()) {
        bytes += 2L * (e.getKey().length() + e.getValue().length()) + 16;
      }
      return (int) Math.min(Integer.MAX_VALUE - 16, bytes + 4096);
    }
    return 4096;
  }
}
