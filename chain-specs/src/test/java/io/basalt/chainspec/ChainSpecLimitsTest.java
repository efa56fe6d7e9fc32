/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.WellKnownKeys;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.RandomAccessFile;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chosen limits: a storage value of exactly 128 MiB is accepted, one byte more is refused with
 * a line naming the limit; likewise keys, whole files and nesting depth.
 */
class ChainSpecLimitsTest {

  /** A raw spec whose {@code :code} is {@code codeBytes} bytes of 0xab, generated as it is read. */
  private static InputStream specWithCode(long codeBytes) {
    String head =
        "{\"name\":\"big\",\"id\":\"big\",\"genesis\":{\"raw\":{\"top\":{\""
            + WellKnownKeys.CODE.toHex()
            + "\":\"0x";
    String tail = "\"},\"childrenDefault\":{}}}}";
    return new SequenceInputStream(
        java.util.Collections.enumeration(
            List.of(
                new ByteArrayInputStream(head.getBytes(StandardCharsets.UTF_8)),
                new RepeatedHex(2 * codeBytes),
                new ByteArrayInputStream(tail.getBytes(StandardCharsets.UTF_8)))));
  }

  @Test
  void aValueOfExactlyTheLimitIsAcceptedAndOneByteMoreIsRefused() {
    ChainSpec spec = ChainSpecParser.parse(specWithCode(ChainSpecLimits.MAX_STORAGE_VALUE_BYTES));
    Bytes code = ((Genesis.Raw) spec.genesis()).code().orElseThrow();
    assertThat(code.length()).isEqualTo(ChainSpecLimits.MAX_STORAGE_VALUE_BYTES);
    assertThat(code.slice(code.length() - 2, code.length()))
        .isEqualTo(Bytes.ofUnsigned(0xab, 0xab));
    code = null;
    spec = null;

    assertThatThrownBy(
            () -> ChainSpecParser.parse(specWithCode(ChainSpecLimits.MAX_STORAGE_VALUE_BYTES + 1)))
        .isInstanceOf(InvalidChainSpecException.class)
        .hasMessageStartingWith("a string at line 1, column ")
        .hasMessageEndingWith(
            " is longer than the limit for a storage value, 128 MiB (268435458 hex characters)");
  }

  @Test
  void aCodeOverJacksonsDefaultStringLimitIsAccepted() {
    // 20,051,112 hex characters were refused by the inherited 20,000,000-character limit.
    ChainSpec spec = ChainSpecParser.parse(specWithCode(10_025_555));
    assertThat(((Genesis.Raw) spec.genesis()).code().orElseThrow().length()).isEqualTo(10_025_555);
  }

  @Test
  void aFileOverTheSpecLimitIsRefusedBeforeItIsRead(@TempDir Path dir) throws IOException {
    Path huge = dir.resolve("huge.json");
    try (RandomAccessFile sparse = new RandomAccessFile(huge.toFile(), "rw")) {
      sparse.setLength(ChainSpecLimits.MAX_SPEC_BYTES + 1);
    }
    assertThatThrownBy(() -> ChainSpecParser.parse(huge))
        .isInstanceOf(InvalidChainSpecException.class)
        .hasMessage(
            "chain spec " + huge + " has 1073741825 bytes, over the limit of 1 GiB per chain spec");
  }

  @Test
  void aKeyOverTheKeyLimitAndNestingOverSerdesLimitAreRefused() {
    String key = "0x" + "ab".repeat(ChainSpecLimits.MAX_STORAGE_KEY_BYTES + 1);
    assertThatThrownBy(
            () ->
                ChainSpecParser.parse(
                    "{\"name\":\"x\",\"id\":\"x\",\"genesis\":{\"raw\":{\"top\":{\""
                        + key
                        + "\":\"0x00\"}}}}"))
        .hasMessage(
            "a key is longer than the limit for a storage key, 64 KiB (131074 hex characters)");
    String deep = "[".repeat(200) + "]".repeat(200);
    assertThatThrownBy(
            () ->
                ChainSpecParser.parse(
                    "{\"name\":\"x\",\"id\":\"x\",\"properties\":{\"p\":"
                        + deep
                        + "},\"genesis\":{\"raw\":{\"top\":{}}}}"))
        .hasMessage("the JSON is nested deeper than the limit of 128 levels");
  }

  @Test
  void hexValuesAreCheckedAsTheyStream() {
    String spec = "{\"name\":\"x\",\"id\":\"x\",\"genesis\":{\"raw\":{\"top\":{\"0x01\":\"%s\"}}}}";
    assertThat(((Genesis.Raw) ChainSpecParser.parse(spec.formatted("0xABcd")).genesis()).top())
        .containsEntry(Bytes.ofUnsigned(1), Bytes.ofUnsigned(0xab, 0xcd));
    assertThat(((Genesis.Raw) ChainSpecParser.parse(spec.formatted("0x")).genesis()).top())
        .containsEntry(Bytes.ofUnsigned(1), Bytes.EMPTY);
    assertThatThrownBy(() -> ChainSpecParser.parse(spec.formatted("0xabc")))
        .hasMessage("genesis.raw.top[\"0x01\"]: odd number of hex digits (3)");
    assertThatThrownBy(() -> ChainSpecParser.parse(spec.formatted("0xab\u0660")))
        .hasMessage("genesis.raw.top[\"0x01\"]: invalid hex character '\u0660' at offset 4");
    assertThatThrownBy(() -> ChainSpecParser.parse(spec.formatted("abcd")))
        .hasMessage("genesis.raw.top[\"0x01\"]: not 0x-prefixed hex");
    assertThatThrownBy(() -> ChainSpecParser.parse(spec.formatted("0")))
        .hasMessage("genesis.raw.top[\"0x01\"]: not 0x-prefixed hex");
  }

  /** {@code length} ASCII bytes of "ab" repeated, without holding them in memory. */
  private static final class RepeatedHex extends InputStream {
    private long left;

    RepeatedHex(long length) {
      this.left = length;
    }

    @Override
    public int read() {
      if (left == 0) {
        return -1;
      }
      return (left-- % 2 == 0) ? 'a' : 'b';
    }

    @Override
    public int read(byte[] b, int off, int len) {
      if (left == 0) {
        return -1;
      }
      int n = (int) Math.min(len, left);
      for (int i = 0; i < n; i++) {
        b[off + i] = (byte) ((left-- % 2 == 0) ? 'a' : 'b');
      }
      return n;
    }
  }
}
