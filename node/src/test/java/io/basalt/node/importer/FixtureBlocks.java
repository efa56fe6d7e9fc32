/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.importer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.testsupport.Fixtures;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/** The real blocks of {@code ../shared/fixtures/blocks}, as signed blocks (no justifications). */
public final class FixtureBlocks {
  private FixtureBlocks() {}

  /** Westend #1..#128 on {@code chainspecs/westend.json}. */
  public static List<SignedBlock> westend() {
    return load("blocks/westend-1-128.json");
  }

  /** Kusama #1 on {@code chainspecs/kusama.json}. */
  public static List<SignedBlock> kusama() {
    return load("blocks/kusama-1.json");
  }

  /** The block hashes the fixture publishes, in order. */
  public static List<Hash256> publishedHashes(String fixture) {
    List<Hash256> out = new ArrayList<>();
    for (JsonNode b : tree(fixture).get("blocks")) {
      out.add(Hash256.fromHex(b.get("hash").asText()));
    }
    return out;
  }

  private static List<SignedBlock> load(String fixture) {
    List<SignedBlock> out = new ArrayList<>();
    for (JsonNode b : tree(fixture).get("blocks")) {
      Header header = Header.CODEC.decode(Bytes.fromHex(b.get("header").asText()));
      List<Bytes> extrinsics = new ArrayList<>();
      if (b.has("body")) {
        extrinsics.addAll(Block.BODY_CODEC.decode(Bytes.fromHex(b.get("body").asText())));
      } else {
        for (JsonNode e : b.get("extrinsics")) {
          ScaleReader r = new ScaleReader(Bytes.fromHex(e.asText()));
          extrinsics.add(r.readByteVec());
          r.expectEnd("extrinsic");
        }
      }
      SignedBlock block = SignedBlock.of(new Block(header, extrinsics));
      if (!header.hash().equals(Hash256.fromHex(b.get("hash").asText()))) {
        throw new IllegalStateException("fixture block hash mismatch in " + fixture);
      }
      out.add(block);
    }
    return out;
  }

  private static JsonNode tree(String fixture) {
    try {
      return new ObjectMapper().readTree(Fixtures.file(fixture).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Substrate's binary export of these blocks: u64 count, then the SCALE signed blocks. */
  public static byte[] binaryExport(List<SignedBlock> blocks) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    long n = blocks.size();
    for (int i = 0; i < 8; i++) {
      out.write((int) (n >>> (8 * i)));
    }
    for (SignedBlock b : blocks) {
      out.writeBytes(SignedBlock.CODEC.encode(b));
    }
    return out.toByteArray();
  }
}
