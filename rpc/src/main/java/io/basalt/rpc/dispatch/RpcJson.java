/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.io.IOException;
import java.util.function.Function;

/**
 * The one Jackson mapper of the RPC module. It reads requests as serde_json does (text after the
 * value is an error; duplicate keys keep the last) and writes results: {@link Bytes} and {@link
 * Hash256} as {@code 0x}-prefixed lowercase hex (sp-core's {@code Bytes} and {@code H256}), records
 * with their component names, headers, blocks and runtime versions as Substrate writes them ({@link
 * SubstrateJson}).
 */
public final class RpcJson {
  /** Thread-safe; shared by the dispatcher, the subscriptions and the tests. */
  public static final ObjectMapper MAPPER = create();

  private RpcJson() {}

  private static ObjectMapper create() {
    SimpleModule hex = new SimpleModule("basalt-hex");
    hex.addSerializer(Bytes.class, new HexSerializer<>(Bytes::toHex));
    hex.addSerializer(Hash256.class, new HexSerializer<>(Hash256::toHex));
    return JsonMapper.builder()
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .enable(StreamReadFeature.INCLUDE_SOURCE_IN_LOCATION)
        .addModule(hex)
        .addModule(SubstrateJson.module())
        .build();
  }

  /** Writes a value as its hex text. */
  private static final class HexSerializer<T> extends JsonSerializer<T> {
    private final Function<T, String> hex;

    HexSerializer(Function<T, String> hex) {
      this.hex = hex;
    }

    @Override
    public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
        throws IOException {
      gen.writeString(hex.apply(value));
    }
  }
}
