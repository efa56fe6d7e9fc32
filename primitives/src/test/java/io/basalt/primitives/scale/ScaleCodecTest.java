/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.scale;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hex;
import io.basalt.testsupport.RandomCases;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ScaleCodecTest {

  @ParameterizedTest(name = "compact {0} = {1}")
  @CsvSource({
    "0, 00",
    "1, 04",
    "63, fc",
    "64, 0101",
    "16383, fdff",
    "16384, 02000100",
    "1073741823, feffffff",
    "1073741824, 0300000040",
    "4294967295, 03ffffffff",
    "4294967296, 070000000001",
    "18446744073709551615, 13ffffffffffffffff",
    "340282366920938463463374607431768211455, 33ffffffffffffffffffffffffffffffff"
  })
  void compactIntegersMatchParityScaleCodec(String value, String hex) {
    BigInteger v = new BigInteger(value);
    assertThat(Hex.encodeBare(ScaleCodec.COMPACT.encode(v))).isEqualTo(hex);
    assertThat(ScaleCodec.COMPACT.decode(Hex.decode(hex))).isEqualTo(v);
  }

  @ParameterizedTest(name = "{0} is not canonical")
  @CsvSource({"0100", "02000000", "0300000000", "07ffffffff00"})
  void nonCanonicalCompactIsRejected(String hex) {
    assertThatThrownBy(() -> ScaleCodec.COMPACT.decode(Hex.decode(hex)))
        .isInstanceOf(ScaleDecodingException.class)
        .hasMessageContaining("non-canonical");
  }

  @Test
  void compactRoundTripsUpTo128Bits() {
    // Bit lengths 0..128 evenly, so every compact mode and big-integer width is covered.
    RandomCases.forAll(
        1000,
        r -> new BigInteger(r.nextInt(129), new java.util.Random(r.nextLong())),
        v -> assertThat(ScaleCodec.COMPACT.decode(ScaleCodec.COMPACT.encode(v))).isEqualTo(v));
  }

  @Test
  void compactLongRoundTrips() {
    RandomCases.forAll(
        1000,
        r -> r.nextLong() >>> r.nextInt(64),
        v -> {
          byte[] encoded = new ScaleWriter().writeCompact(v).toByteArray();
          assertThat(new ScaleReader(encoded).readCompactLong()).isEqualTo(v);
        });
  }

  @Test
  void fixedWidthIntegersAreLittleEndian() {
    assertThat(Hex.encodeBare(ScaleCodec.U16.encode(0x0102))).isEqualTo("0201");
    assertThat(Hex.encodeBare(ScaleCodec.U32.encode(0xdeadbeefL))).isEqualTo("efbeadde");
    assertThat(Hex.encodeBare(ScaleCodec.U64.encode(-1L))).isEqualTo("ffffffffffffffff");
    assertThat(ScaleCodec.U32.decode(Hex.decode("efbeadde"))).isEqualTo(0xdeadbeefL);
    BigInteger big = BigInteger.ONE.shiftLeft(127).add(BigInteger.TWO);
    assertThat(ScaleCodec.U128.decode(ScaleCodec.U128.encode(big))).isEqualTo(big);
    assertThat(ScaleCodec.I128.decode(ScaleCodec.I128.encode(BigInteger.valueOf(-5))))
        .isEqualTo(BigInteger.valueOf(-5));
    assertThat(Hex.encodeBare(ScaleCodec.I128.encode(BigInteger.valueOf(-1))))
        .isEqualTo("ff".repeat(16));
  }

  @Test
  void optionBoolIsOneByte() {
    assertThat(ScaleCodec.OPTION_BOOL.encode(Optional.empty())).containsExactly(0);
    assertThat(ScaleCodec.OPTION_BOOL.encode(Optional.of(true))).containsExactly(1);
    assertThat(ScaleCodec.OPTION_BOOL.encode(Optional.of(false))).containsExactly(2);
    assertThat(ScaleCodec.OPTION_BOOL.decode(new byte[] {0})).isEmpty();
    assertThat(ScaleCodec.OPTION_BOOL.decode(new byte[] {1})).contains(true);
    assertThat(ScaleCodec.OPTION_BOOL.decode(new byte[] {2})).contains(false);
    // Not Option<T>'s two-byte form: 01 01 is Some(true) followed by a trailing byte.
    assertThatThrownBy(() -> ScaleCodec.OPTION_BOOL.decode(new byte[] {1, 1}))
        .hasMessageContaining("trailing");
    // In a Vec: compact(3) = 0c, then one byte each.
    assertThat(ScaleCodec.vec(ScaleCodec.OPTION_BOOL).decode(Hex.decode("0c020001")))
        .containsExactly(Optional.of(false), Optional.empty(), Optional.of(true));
    ScaleDecodingException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ScaleDecodingException.class,
            () -> ScaleCodec.vec(ScaleCodec.OPTION_BOOL).decode(Hex.decode("0c010300")));
    assertThat(e.offset()).isEqualTo(2);
    assertThat(e.expectedType()).isEqualTo("Option<bool>");
    assertThat(e).hasMessageContaining("got 3");
  }

  /** A fieldless Rust enum: SCALE writes the variant index as one byte. */
  enum Kind {
    FIRST(0),
    SECOND(1),
    THIRD(2);

    final int index;

    Kind(int index) {
      this.index = index;
    }
  }

  private static final ScaleCodec<Kind> KIND =
      ScaleCodec.of(
          "Kind",
          (w, k) -> w.writeU8(k.index),
          r -> Kind.values()[r.readVariant("Kind", Kind.values().length)]);

  @Test
  void enumVariantIndicesAreCheckedAgainstTheVariantCount() {
    assertThat(KIND.encode(Kind.THIRD)).containsExactly(2);
    assertThat(ScaleCodec.vec(KIND).decode(Hex.decode("0c020001")))
        .containsExactly(Kind.THIRD, Kind.FIRST, Kind.SECOND);
    ScaleDecodingException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ScaleDecodingException.class, () -> ScaleCodec.vec(KIND).decode(Hex.decode("080103")));
    assertThat(e.offset()).isEqualTo(2);
    assertThat(e.expectedType()).isEqualTo("Kind");
    assertThat(e).hasMessageContaining("unknown variant index 3");
    // Result is the two-variant enum Ok(0) | Err(1): index 2 is refused.
    assertThatThrownBy(
            () -> ScaleCodec.result(ScaleCodec.U8, ScaleCodec.U8).decode(new byte[] {2, 0}))
        .isInstanceOf(ScaleDecodingException.class)
        .hasMessageContaining("Result")
        .hasMessageContaining("unknown variant index 2");
  }

  @Test
  void optionVecTupleResultAndStringsCompose() {
    ScaleCodec<List<Tuple2<Bytes, Optional<Long>>>> codec =
        ScaleCodec.vec(ScaleCodec.tuple(ScaleCodec.BYTES, ScaleCodec.option(ScaleCodec.U32)));
    List<Tuple2<Bytes, Optional<Long>>> value =
        List.of(
            new Tuple2<>(Bytes.ofUnsigned(1, 2), Optional.of(7L)),
            new Tuple2<>(Bytes.EMPTY, Optional.empty()));
    byte[] encoded = codec.encode(value);
    assertThat(Hex.encodeBare(encoded)).isEqualTo("08" + "080102" + "0107000000" + "00" + "00");
    assertThat(codec.decode(encoded)).isEqualTo(value);

    ScaleCodec<Result<Long, String>> result = ScaleCodec.result(ScaleCodec.U32, ScaleCodec.STRING);
    assertThat(Hex.encodeBare(result.encode(Result.ok(1L)))).isEqualTo("0001000000");
    assertThat(Hex.encodeBare(result.encode(Result.err("no")))).isEqualTo("01086e6f");
    assertThat(result.decode(Hex.decode("01086e6f"))).isEqualTo(Result.err("no"));

    ScaleCodec<List<Integer>> array = ScaleCodec.array(ScaleCodec.U8, 3);
    assertThat(array.encode(List.of(1, 2, 3))).containsExactly(1, 2, 3);
    assertThat(
            ScaleCodec.tuple(ScaleCodec.U8, ScaleCodec.BOOL, ScaleCodec.U16)
                .decode(new byte[] {9, 1, 2, 0}))
        .isEqualTo(new Tuple3<>(9, true, 2));
  }

  @Test
  void decodingNeverReadsPastTheEndAndNamesOffsetAndType() {
    // Vec<u8> claiming 5 bytes with only 2 present.
    assertThatThrownBy(() -> ScaleCodec.BYTES.decode(Hex.decode("140102")))
        .isInstanceOf(ScaleDecodingException.class)
        .hasMessageContaining("Vec<u8>")
        .hasMessageContaining("offset 0");
    ScaleDecodingException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            ScaleDecodingException.class,
            () -> ScaleCodec.tuple(ScaleCodec.U8, ScaleCodec.U32).decode(new byte[] {1, 2, 3}));
    assertThat(e.offset()).isEqualTo(1);
    assertThat(e.expectedType()).isEqualTo("u32");
    assertThatThrownBy(() -> ScaleCodec.U8.decode(new byte[] {1, 2}))
        .hasMessageContaining("trailing");
    assertThatThrownBy(() -> ScaleCodec.BOOL.decode(new byte[] {2})).hasMessageContaining("bool");
    assertThatThrownBy(() -> ScaleCodec.STRING.decode(new byte[] {4, (byte) 0xff}))
        .hasMessageContaining("UTF-8");
    // A huge Vec count must fail fast rather than allocate.
    assertThatThrownBy(() -> ScaleCodec.vec(ScaleCodec.U8).decode(Hex.decode("feffffff")))
        .isInstanceOf(ScaleDecodingException.class)
        .hasMessageContaining("exceeds");
  }

  @Test
  void byteVectorsRoundTrip() {
    // Lengths around the compact mode boundaries (64, 16384) included.
    RandomCases.forAll(
        300,
        r -> Bytes.wrap(RandomCases.bytes(r, 0, r.nextBoolean() ? 80 : 17000)),
        value ->
            assertThat(ScaleCodec.BYTES.decode(ScaleCodec.BYTES.encode(value))).isEqualTo(value));
  }

  @Test
  void stringsRoundTrip() {
    // Generated strings are well-formed (no lone surrogates): SCALE strings are valid UTF-8.
    RandomCases.forAll(
        500,
        r -> RandomCases.string(r, 40),
        s -> assertThat(ScaleCodec.STRING.decode(ScaleCodec.STRING.encode(s))).isEqualTo(s));
  }
}
