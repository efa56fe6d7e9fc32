/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * The runtime of {@code --wasm-override FILE} (Chopsticks' flag): written under {@code :code} at
 * start whatever its version, unlike {@code --wasm-runtime-overrides}, which only replaces code of
 * the same spec_version when it runs. The file holds binary Wasm, a zstd-compressed Substrate blob
 * (as {@code :code} stores it) or text with the code as {@code 0x} hex; the bytes written are the
 * binary ones, compressed or not as given.
 *
 * @param file where it was read from
 * @param code the value for {@code :code}
 * @param blob the code parsed (decompressed, sections checked)
 */
public record CodeOverride(Path file, Bytes code, RuntimeBlob blob) {
  private static final byte[] HEX_PREFIX = {'0', 'x'};

  /**
   * Reads and checks the file, before anything touches the database.
   *
   * @throws InvalidConfigurationException (one line naming the file) if it cannot be read, is
   *     neither Wasm nor {@code 0x} hex, or is not usable runtime code
   */
  public static CodeOverride read(Path file) {
    byte[] content;
    try {
      content = Files.readAllBytes(file);
    } catch (NoSuchFileException e) {
      throw new InvalidConfigurationException(
          "--wasm-override: cannot read " + file + ": no such file", e);
    } catch (IOException e) {
      throw new InvalidConfigurationException(
          "--wasm-override: cannot read " + file + ": " + e.getMessage(), e);
    }
    Bytes code = Bytes.wrap(isHexText(content) ? hexText(file, content) : content);
    try {
      return new CodeOverride(file, code, RuntimeBlob.parse(code));
    } catch (InvalidRuntimeCodeException e) {
      throw new InvalidConfigurationException(
          "--wasm-override: "
              + file
              + " is not runtime code (binary Wasm, a zstd-compressed blob or 0x-hex text): "
              + e.getMessage(),
          e);
    }
  }

  /**
   * Whether the file is text starting with {@code 0x} (after white space): Wasm starts with {@code
   * \0asm} and a compressed blob with {@code 52 BC}, so neither is mistaken for it.
   */
  private static boolean isHexText(byte[] content) {
    int i = 0;
    while (i < content.length && Character.isWhitespace(content[i])) {
      i++;
    }
    return content.length - i >= HEX_PREFIX.length
        && Arrays.equals(content, i, i + HEX_PREFIX.length, HEX_PREFIX, 0, HEX_PREFIX.length);
  }

  private static byte[] hexText(Path file, byte[] content) {
    String text = new String(content, StandardCharsets.UTF_8).strip();
    try {
      return Hex.decode(text);
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(
          "--wasm-override: " + file + " is not valid 0x-hex: " + e.getMessage(), e);
    }
  }
}
