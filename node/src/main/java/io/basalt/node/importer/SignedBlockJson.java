/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.EngineId;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.Justification;
import io.basalt.primitives.types.SignedBlock;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Substrate's JSON form of a {@link SignedBlock} (serde of {@code
 * sp_runtime::generic::SignedBlock}, as {@code export-blocks} and {@code chain_getBlock} write it):
 *
 * <pre>{@code
 * {"block":{"header":{"parentHash":"0x…","number":"0x1","stateRoot":"0x…","extrinsicsRoot":"0x…",
 *   "digest":{"logs":["0x<SCALE DigestItem>"]}},"extrinsics":["0x<SCALE Vec<u8>>"]},
 *  "justifications":null}
 * }</pre>
 *
 * <p>The number is a {@code U256} as a hex string without leading zeros; each extrinsic is its
 * SCALE encoding including the compact length prefix; justifications are {@code null} or serde's
 * form of {@code Vec<([u8;4], Vec<u8>)>}: {@code [[[70,82,78,75],[1,2,…]]]}. Written compactly (no
 * whitespace), as {@code serde_json::to_writer} does; reading rejects unknown fields, as the
 * header's {@code deny_unknown_fields} does.
 */
public final class SignedBlockJson {
  private SignedBlockJson() {}

  /** The compact JSON of a signed block. */
  public static String toJson(SignedBlock signed) {
    Header h = signed.block().header();
    StringBuilder out = new StringBuilder(512);
    out.append("{\"block\":{\"header\":{\"parentHash\":\"")
        .append(h.parentHash().toHex())
        .append("\",\"number\":\"0x")
        .append(Long.toHexString(h.number()))
        .append("\",\"stateRoot\":\"")
        .append(h.stateRoot().toHex())
        .append("\",\"extrinsicsRoot\":\"")
        .append(h.extrinsicsRoot().toHex())
        .append("\",\"digest\":{\"logs\":[");
    for (int i = 0; i < h.digest().size(); i++) {
      out.append(i == 0 ? "\"" : ",\"")
          .append(Hex.encode(DigestItem.CODEC.encode(h.digest().get(i))))
          .append('"');
    }
    out.append("]}},\"extrinsics\":[");
    List<Bytes> extrinsics = signed.block().extrinsics();
    for (int i = 0; i < extrinsics.size(); i++) {
      byte[] encoded =
          new io.basalt.primitives.scale.ScaleWriter(extrinsics.get(i).length() + 5)
              .writeByteVec(extrinsics.get(i))
              .toByteArray();
      out.append(i == 0 ? "\"" : ",\"").append(Hex.encode(encoded)).append('"');
    }
    out.append("]},\"justifications\":");
    if (signed.justifications().isEmpty()) {
      out.append("null");
    } else {
      out.append('[');
      List<Justification> list = signed.justifications().get();
      for (int i = 0; i < list.size(); i++) {
        if (i > 0) {
          out.append(',');
        }
        out.append('[');
        appendByteArray(out, list.get(i).engine().toBytes());
        out.append(',');
        appendByteArray(out, list.get(i).encoded().unsafeArray());
        out.append(']');
      }
      out.append(']');
    }
    return out.append('}').toString();
  }

  private static void appendByteArray(StringBuilder out, byte[] bytes) {
    out.append('[');
    for (int i = 0; i < bytes.length; i++) {
      if (i > 0) {
        out.append(',');
      }
      out.append(bytes[i] & 0xff);
    }
    out.append(']');
  }

  /**
   * Reads a signed block from its JSON tree.
   *
   * @throws BlockFileException naming the field that is missing or invalid
   */
  public static SignedBlock fromJson(JsonNode node) {
    requireObject(node, "the signed block", Set.of("block", "justifications"));
    JsonNode block = node.get("block");
    if (block == null) {
      throw new BlockFileException("missing field `block`");
    }
    requireObject(block, "block", Set.of("header", "extrinsics"));
    Header header = header(required(block, "header", "block"));
    JsonNode extrinsicsNode = required(block, "extrinsics", "block");
    List<Bytes> extrinsics = new ArrayList<>();
    int index = 0;
    for (JsonNode e : array(extrinsicsNode, "block.extrinsics")) {
      String where = "block.extrinsics[" + index++ + "]";
      byte[] raw = hex(e, where);
      try {
        ScaleReader r = new ScaleReader(raw);
        Bytes payload = r.readByteVec();
        r.expectEnd("extrinsic");
        extrinsics.add(payload);
      } catch (ScaleDecodingException ex) {
        throw new BlockFileException(
            where
                + " is not a SCALE-encoded extrinsic (compact length + bytes): "
                + ex.getMessage(),
            ex);
      }
    }
    JsonNode justifications = node.get("justifications");
    Optional<List<Justification>> js =
        justifications == null || justifications.isNull()
            ? Optional.empty()
            : Optional.of(justifications(justifications));
    return new SignedBlock(new Block(header, extrinsics), js);
  }

  /**
   * Reads a header as {@code chain_getHeader} answers it.
   *
   * @throws BlockFileException naming the field that is missing or invalid
   */
  public static Header headerFromJson(JsonNode node) {
    return header(node);
  }

  private static Header header(JsonNode node) {
    requireObject(
        node,
        "block.header",
        Set.of("parentHash", "number", "stateRoot", "extrinsicsRoot", "digest"));
    Hash256 parent = hash(required(node, "parentHash", "block.header"), "block.header.parentHash");
    long number = number(required(node, "number", "block.header"));
    Hash256 stateRoot = hash(required(node, "stateRoot", "block.header"), "block.header.stateRoot");
    Hash256 extrinsicsRoot =
        hash(required(node, "extrinsicsRoot", "block.header"), "block.header.extrinsicsRoot");
    JsonNode digest = required(node, "digest", "block.header");
    requireObject(digest, "block.header.digest", Set.of("logs"));
    List<DigestItem> logs = new ArrayList<>();
    int index = 0;
    for (JsonNode log : array(required(digest, "logs", "block.header.digest"), "digest.logs")) {
      String where = "block.header.digest.logs[" + index++ + "]";
      try {
        logs.add(DigestItem.CODEC.decode(hex(log, where)));
      } catch (ScaleDecodingException e) {
        throw new BlockFileException(where + " is not a digest item: " + e.getMessage(), e);
      }
    }
    return new Header(parent, number, stateRoot, extrinsicsRoot, logs);
  }

  private static long number(JsonNode node) {
    String where = "block.header.number";
    if (!node.isTextual() || !node.asText().startsWith("0x") || node.asText().length() < 3) {
      throw new BlockFileException(
          where + " must be a hex string like \"0x1a\" (serde's U256), got " + node);
    }
    BigInteger n;
    try {
      n = new BigInteger(node.asText().substring(2), 16);
    } catch (NumberFormatException e) {
      throw new BlockFileException(where + " is not a hex number: " + node, e);
    }
    if (n.bitLength() > 32) {
      throw new BlockFileException(
          where + " " + node.asText() + " does not fit a u32 block number");
    }
    return n.longValue();
  }

  private static List<Justification> justifications(JsonNode node) {
    List<Justification> out = new ArrayList<>();
    int index = 0;
    for (JsonNode j : array(node, "justifications")) {
      String where = "justifications[" + index++ + "]";
      if (!j.isArray() || j.size() != 2) {
        throw new BlockFileException(where + " must be [engine id, encoded justification]");
      }
      byte[] engine = byteArray(j.get(0), where + "[0]");
      if (engine.length != 4) {
        throw new BlockFileException(where + "[0] must be 4 bytes (a consensus engine id)");
      }
      out.add(
          new Justification(EngineId.fromBytes(engine), Bytes.wrap(byteArray(j.get(1), where))));
    }
    return out;
  }

  private static byte[] byteArray(JsonNode node, String where) {
    if (!node.isArray()) {
      throw new BlockFileException(where + " must be an array of bytes");
    }
    byte[] out = new byte[node.size()];
    for (int i = 0; i < out.length; i++) {
      JsonNode b = node.get(i);
      if (!b.isIntegralNumber() || b.asInt() < 0 || b.asInt() > 255) {
        throw new BlockFileException(where + "[" + i + "] must be a byte (0..255), got " + b);
      }
      out[i] = (byte) b.asInt();
    }
    return out;
  }

  private static Hash256 hash(JsonNode node, String where) {
    byte[] raw = hex(node, where);
    if (raw.length != Hash256.LENGTH) {
      throw new BlockFileException(where + " must be 32 bytes, got " + raw.length);
    }
    return Hash256.wrap(raw);
  }

  private static byte[] hex(JsonNode node, String where) {
    if (!node.isTextual()) {
      throw new BlockFileException(where + " must be a \"0x…\" hex string, got " + node);
    }
    if (!node.asText().startsWith("0x")) {
      throw new BlockFileException(where + " must start with 0x");
    }
    try {
      return Hex.decode(node.asText());
    } catch (IllegalArgumentException e) {
      throw new BlockFileException(where + ": " + e.getMessage(), e);
    }
  }

  private static JsonNode required(JsonNode parent, String field, String where) {
    JsonNode value = parent.get(field);
    if (value == null) {
      throw new BlockFileException("missing field `" + field + "` in " + where);
    }
    return value;
  }

  private static Iterable<JsonNode> array(JsonNode node, String where) {
    if (!node.isArray()) {
      throw new BlockFileException(where + " must be an array");
    }
    return node;
  }

  private static void requireObject(JsonNode node, String where, Set<String> fields) {
    if (!node.isObject()) {
      throw new BlockFileException(where + " must be a JSON object, got " + node.getNodeType());
    }
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!fields.contains(name)) {
        throw new BlockFileException(
            "unknown field `" + name + "` in " + where + " (expected " + fields + ")");
      }
    }
  }
}
