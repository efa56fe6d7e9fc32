/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.primitives.bytes.Hex;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.StreamSupport;

/**
 * The JSON vectors in {@code src/test/resources/crypto}, generated once by {@code
 * src/test/vectors/generate/generate.mjs} from independent implementations (Rust schnorrkel, the
 * secp256k1 crate and ed25519-dalek compiled to WebAssembly, {@code @scure/sr25519}, {@code
 * @noble/curves}, {@code @polkadot/util-crypto}).
 */
public final class CryptoVectors {
  private static final ObjectMapper JSON = new ObjectMapper();

  private CryptoVectors() {}

  public static JsonNode load(String name) {
    try (InputStream in = CryptoVectors.class.getResourceAsStream("/crypto/" + name)) {
      if (in == null) {
        throw new IllegalStateException("missing test vector file /crypto/" + name);
      }
      return JSON.readTree(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<JsonNode> list(String name, String field) {
    return StreamSupport.stream(load(name).get(field).spliterator(), false).toList();
  }

  public static byte[] bytes(JsonNode node, String field) {
    return Hex.decode(node.get(field).asText());
  }

  /** A message as the generator writes it: 0x-hex, or else UTF-8 text. */
  public static byte[] message(JsonNode node, String field) {
    String text = node.get(field).asText();
    return text.startsWith("0x") ? Hex.decode(text) : text.getBytes(StandardCharsets.UTF_8);
  }
}
