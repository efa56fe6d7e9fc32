/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.method.engine;

import static io.basalt.rpc.dispatch.Safety.UNSAFE;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.rpc.api.EngineApi;
import io.basalt.rpc.dispatch.MethodGroup;
import io.basalt.rpc.dispatch.MethodRegistry;
import io.basalt.rpc.dispatch.ParamType;
import io.basalt.rpc.dispatch.Params;
import java.util.Optional;

/**
 * Manual seal's methods: {@code engine_createBlock(createEmpty, finalize, parentHash?)} and {@code
 * engine_finalizeBlock(hash, justification?)}, both unsafe. A justification is sp-runtime's {@code
 * EncodedJustification}, a {@code Vec<u8>} that serde reads as an array of numbers; hex text is
 * accepted too.
 */
public final class EngineMethods implements MethodGroup {
  /** {@code Vec<u8>} as serde reads it (an array of bytes), or hex text. */
  static final ParamType<Bytes> ENCODED_JUSTIFICATION =
      new ParamType<>("an array of bytes (0 to 255) or hex bytes", EngineMethods::justification);

  private final EngineApi engine;

  public EngineMethods(EngineApi engine) {
    this.engine = engine;
  }

  @Override
  public void register(MethodRegistry methods) {
    methods.call("engine_createBlock", UNSAFE, this::createBlock);
    methods.call("engine_finalizeBlock", UNSAFE, this::finalizeBlock);
  }

  private Object createBlock(Params params) {
    return engine.createBlock(
        params.required(0, "createEmpty", ParamType.BOOLEAN),
        params.required(1, "finalize", ParamType.BOOLEAN),
        params.optional(2, "parentHash", ParamType.HASH));
  }

  private Object finalizeBlock(Params params) {
    return engine.finalizeBlock(
        params.required(0, "hash", ParamType.HASH),
        params.optional(1, "justification", ENCODED_JUSTIFICATION));
  }

  private static Optional<Bytes> justification(JsonNode node) {
    if (node.isTextual()) {
      return ParamType.BYTES.parse(node);
    }
    if (!node.isArray()) {
      return Optional.empty();
    }
    byte[] out = new byte[node.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode b = node.get(i);
      if (!b.isIntegralNumber() || b.intValue() < 0 || b.intValue() > 255 || !b.canConvertToInt()) {
        return Optional.empty();
      }
      out[i] = (byte) b.intValue();
    }
    return Optional.of(Bytes.wrap(out));
  }
}
