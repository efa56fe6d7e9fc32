/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.JsonSerializer;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.module.SimpleModule;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.ApiVersion;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.SignedBlock;
import java.io.IOException;
import java.util.List;

/**
 * Substrate's JSON (serde) forms of the primitives types the legacy methods return:
 *
 * <ul>
 *   <li>{@link Header}: {@code {"parentHash","number":"0x1b","stateRoot","extrinsicsRoot",
 *       "digest":{"logs":["0x<SCALE DigestItem>"]}}}, the number as a {@code U256} hex string;
 *   <li>{@link SignedBlock}: {@code {"block":{"header","extrinsics":["0x<SCALE Vec<u8>>"]},
 *       "justifications":null|[[[engine bytes],[justification bytes]]]}};
 *   <li>{@link RuntimeVersion}: {@code {"specName","implName","authoringVersion","specVersion",
 *       "implVersion","apis":[["0x<id>",version]],"transactionVersion","systemVersion",
 *       "stateVersion"}} (sp-version writes {@code systemVersion}; clients from before its rename
 *       read {@code stateVersion}, so both carry the number).
 * </ul>
 */
final class SubstrateJson {
  private SubstrateJson() {}

  /** The serializers, for {@link RpcJson#MAPPER}. */
  static SimpleModule module() {
    SimpleModule module = new SimpleModule("basalt-substrate-types");
    module.addSerializer(Header.class, serializer(SubstrateJson::writeHeader));
    module.addSerializer(SignedBlock.class, serializer(SubstrateJson::writeSignedBlock));
    module.addSerializer(RuntimeVersion.class, serializer(SubstrateJson::writeRuntimeVersion));
    return module;
  }

  private static void writeHeader(Header h, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("parentHash", h.parentHash().toHex());
    gen.writeStringField("number", "0x" + Long.toHexString(h.number()));
    gen.writeStringField("stateRoot", h.stateRoot().toHex());
    gen.writeStringField("extrinsicsRoot", h.extrinsicsRoot().toHex());
    gen.writeObjectFieldStart("digest");
    gen.writeArrayFieldStart("logs");
    for (DigestItem item : h.digest()) {
      gen.writeString(Hex.encode(DigestItem.CODEC.encode(item)));
    }
    gen.writeEndArray();
    gen.writeEndObject();
    gen.writeEndObject();
  }

  private static void writeSignedBlock(SignedBlock signed, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeObjectFieldStart("block");
    gen.writeFieldName("header");
    writeHeader(signed.block().header(), gen);
    gen.writeArrayFieldStart("extrinsics");
    for (Bytes extrinsic : signed.block().extrinsics()) {
      gen.writeString(
          Hex.encode(
              new ScaleWriter(extrinsic.length() + 5).writeByteVec(extrinsic).toByteArray()));
    }
    gen.writeEndArray();
    gen.writeEndObject();
    gen.writeFieldName("justifications");
    if (signed.justifications().isEmpty()) {
      gen.writeNull();
    } else {
      gen.writeStartArray();
      for (Justification j : signed.justifications().get()) {
        gen.writeStartArray();
        writeByteArray(gen, j.engine().toBytes());
        writeByteArray(gen, j.encoded().unsafeArray());
        gen.writeEndArray();
      }
      gen.writeEndArray();
    }
    gen.writeEndObject();
  }

  /** serde's form of {@code [u8; N]} and {@code Vec<u8>} outside {@code Bytes}: numbers. */
  private static void writeByteArray(JsonGenerator gen, byte[] bytes) throws IOException {
    gen.writeStartArray();
    for (byte b : bytes) {
      gen.writeNumber(b & 0xff);
    }
    gen.writeEndArray();
  }

  private static void writeRuntimeVersion(RuntimeVersion v, JsonGenerator gen) throws IOException {
    gen.writeStartObject();
    gen.writeStringField("specName", v.specName());
    gen.writeStringField("implName", v.implName());
    gen.writeNumberField("authoringVersion", v.authoringVersion());
    gen.writeNumberField("specVersion", v.specVersion());
    gen.writeNumberField("implVersion", v.implVersion());
    gen.writeArrayFieldStart("apis");
    List<ApiVersion> apis = v.apis();
    for (ApiVersion api : apis) {
      gen.writeStartArray();
      gen.writeString(api.id().toHex());
      gen.writeNumber(api.version());
      gen.writeEndArray();
    }
    gen.writeEndArray();
    gen.writeNumberField("transactionVersion", v.transactionVersion());
    gen.writeNumberField("systemVersion", v.systemVersion());
    gen.writeNumberField("stateVersion", v.systemVersion());
    gen.writeEndObject();
  }

  /** Writes one value to a generator. */
  @FunctionalInterface
  private interface Writer<T> {
    void write(T value, JsonGenerator gen) throws IOException;
  }

  private static <T> JsonSerializer<T> serializer(Writer<T> writer) {
    return new JsonSerializer<>() {
      @Override
      public void serialize(T value, JsonGenerator gen, SerializerProvider serializers)
          throws IOException {
        writer.write(value, gen);
      }
    };
  }
}
