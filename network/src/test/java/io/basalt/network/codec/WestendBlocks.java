/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.codec;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.testsupport.Fixtures;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Real Westend blocks #1..#128 from the shared fixtures ({@code blocks/westend-1-128.json}); the
 * calling test is skipped when the fixtures are missing, and fails when {@code CI=true}.
 */
public final class WestendBlocks {
  private static final Pattern BLOCK =
      Pattern.compile(
          "\"hash\":\\s*\"(0x[0-9a-f]+)\",\\s*\"header\":\\s*\"(0x[0-9a-f]+)\",\\s*"
              + "\"extrinsics\":\\s*\\[([^\\]]*)\\]");
  private static final Pattern HEX = Pattern.compile("\"(0x[0-9a-f]*)\"");

  /** One block: its hash, SCALE header and encoded extrinsics. */
  public record Block(Hash256 hash, Bytes header, List<Bytes> extrinsics) {}

  private WestendBlocks() {}

  public static List<Block> load() {
    String json;
    try {
      json = Files.readString(Fixtures.file("blocks/westend-1-128.json"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    List<Block> blocks = new ArrayList<>();
    Matcher m = BLOCK.matcher(json);
    while (m.find()) {
      List<Bytes> extrinsics = new ArrayList<>();
      Matcher hex = HEX.matcher(m.group(3));
      while (hex.find()) {
        extrinsics.add(Bytes.fromHex(hex.group(1)));
      }
      blocks.add(new Block(Hash256.fromHex(m.group(1)), Bytes.fromHex(m.group(2)), extrinsics));
    }
    if (blocks.size() != 128) {
      throw new IllegalStateException("expected 128 Westend blocks, parsed " + blocks.size());
    }
    return blocks;
  }
}
