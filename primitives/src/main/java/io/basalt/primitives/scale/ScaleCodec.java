/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.scale;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.math.BigInteger;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;

/**
 * Encodes and decodes one type in SCALE. Codecs compose: {@code ScaleCodec.vec(Header.CODEC)} is
 * the codec of {@code Vec<Header>}.
 *
 * @param <T> the Java type
 */
public interface ScaleCodec<T> {

  void encode(ScaleWriter writer, T value);

  /**
   * Decodes one value, leaving the reader after it.
   *
   * @throws ScaleDecodingException if the input is not a valid encoding
   */
  T decode(ScaleReader reader);

  /** Encodes one value into fresh bytes. */
  default byte[] encode(T value) {
    ScaleWriter w = new ScaleWriter();
    encode(w, value);
    return w.toByteArray();
  }

  /**
   * Decodes bytes that must hold exactly one value.
   *
   * @throws ScaleDecodingException on invalid input or trailing bytes
   */
  default T decode(byte[] bytes) {
    ScaleReader r = new ScaleReader(bytes);
    T value = decode(r);
    r.expectEnd(toString());
    return value;
  }

  default T decode(Bytes bytes) {
    return decode(bytes.unsafeArray());
  }

  /** A codec for a type that maps to and from this one. */
  default <R> ScaleCodec<R> map(Function<T, R> to, Function<R, T> from) {
    ScaleCodec<T> self = this;
    return of(self + "", (w, v) -> self.encode(w, from.apply(v)), r -> to.apply(self.decode(r)));
  }

  /** Builds a codec from an encoder and a decoder; {@code name} appears in errors. */
  static <T> ScaleCodec<T> of(
      String name, BiConsumer<ScaleWriter, T> encoder, Function<ScaleReader, T> decoder) {
    return new ScaleCodec<>() {
      @Override
      public void encode(ScaleWriter writer, T value) {
        encoder.accept(writer, value);
      }

      @Override
      public T decode(ScaleReader reader) {
        return decoder.apply(reader);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  ScaleCodec<Integer> U8 = of("u8", ScaleWriter::writeU8, ScaleReader::readU8);
  ScaleCodec<Integer> U16 = of("u16", ScaleWriter::writeU16, ScaleReader::readU16);

  /** u32 as its unsigned value in a long. */
  ScaleCodec<Long> U32 = of("u32", ScaleWriter::writeU32, ScaleReader::readU32AsLong);

  /** u64 as the same 64 bits in a long (use {@link Long#toUnsignedString} to print). */
  ScaleCodec<Long> U64 = of("u64", ScaleWriter::writeU64, ScaleReader::readI64);

  ScaleCodec<BigInteger> U128 = of("u128", ScaleWriter::writeU128, ScaleReader::readU128);
  ScaleCodec<BigInteger> I128 = of("i128", ScaleWriter::writeI128, ScaleReader::readI128);
  ScaleCodec<Boolean> BOOL = of("bool", ScaleWriter::writeBool, ScaleReader::readBool);

  /** The one-byte {@code Option<bool>}. */
  ScaleCodec<Optional<Boolean>> OPTION_BOOL =
      of("Option<bool>", ScaleWriter::writeOptionBool, ScaleReader::readOptionBool);

  ScaleCodec<BigInteger> COMPACT =
      of("Compact", (w, v) -> w.writeCompact(v), ScaleReader::readCompact);

  /** {@code Compact<u32>} (or any compact that fits 32 bits), as an unsigned value in a long. */
  ScaleCodec<Long> COMPACT_U32 =
      of("Compact<u32>", (w, v) -> w.writeCompact(v), ScaleReader::readCompactU32);

  ScaleCodec<Long> COMPACT_U64 =
      of("Compact<u64>", (w, v) -> w.writeCompact(v.longValue()), ScaleReader::readCompactLong);

  /** {@code Vec<u8>}. */
  ScaleCodec<Bytes> BYTES = of("Vec<u8>", ScaleWriter::writeByteVec, ScaleReader::readByteVec);

  ScaleCodec<String> STRING = of("String", ScaleWriter::writeString, ScaleReader::readString);
  ScaleCodec<Hash256> HASH256 = of("[u8; 32]", ScaleWriter::writeHash, ScaleReader::readHash256);

  /** The unit type {@code ()}: no bytes. */
  ScaleCodec<Unit> UNIT = of("()", (w, v) -> {}, r -> Unit.INSTANCE);

  /** {@code [u8; n]}: exactly n raw bytes. */
  static ScaleCodec<Bytes> fixedBytes(int n) {
    return of(
        "[u8; " + n + "]",
        (w, v) -> {
          if (v.length() != n) {
            throw new IllegalArgumentException("expected " + n + " bytes, got " + v.length());
          }
          w.writeRaw(v);
        },
        r -> r.readFixed(n));
  }

  static <T> ScaleCodec<Optional<T>> option(ScaleCodec<T> inner) {
    return of("Option<" + inner + ">", (w, v) -> w.writeOption(v, inner), r -> r.readOption(inner));
  }

  static <T> ScaleCodec<List<T>> vec(ScaleCodec<T> inner) {
    return of("Vec<" + inner + ">", (w, v) -> w.writeVec(v, inner), r -> r.readVec(inner));
  }

  /** {@code [T; n]}: n items with no count prefix. */
  static <T> ScaleCodec<List<T>> array(ScaleCodec<T> inner, int n) {
    return of(
        "[" + inner + "; " + n + "]",
        (w, v) -> {
          if (v.size() != n) {
            throw new IllegalArgumentException("expected " + n + " items, got " + v.size());
          }
          v.forEach(item -> inner.encode(w, item));
        },
        r -> {
          List<T> out = new java.util.ArrayList<>(n);
          for (int i = 0; i < n; i++) {
            out.add(inner.decode(r));
          }
          return List.copyOf(out);
        });
  }

  static <A, B> ScaleCodec<Tuple2<A, B>> tuple(ScaleCodec<A> a, ScaleCodec<B> b) {
    return of(
        "(" + a + ", " + b + ")",
        (w, v) -> {
          a.encode(w, v.first());
          b.encode(w, v.second());
        },
        r -> new Tuple2<>(a.decode(r), b.decode(r)));
  }

  static <A, B, C> ScaleCodec<Tuple3<A, B, C>> tuple(
      ScaleCodec<A> a, ScaleCodec<B> b, ScaleCodec<C> c) {
    return of(
        "(" + a + ", " + b + ", " + c + ")",
        (w, v) -> {
          a.encode(w, v.first());
          b.encode(w, v.second());
          c.encode(w, v.third());
        },
        r -> new Tuple3<>(a.decode(r), b.decode(r), c.decode(r)));
  }

  static <O, E> ScaleCodec<Result<O, E>> result(ScaleCodec<O> ok, ScaleCodec<E> err) {
    return of(
        "Result<" + ok + ", " + err + ">",
        (w, v) -> {
          switch (v) {
            case Result.Ok<O, E>(O value) -> {
              w.writeU8(0);
              ok.encode(w, value);
            }
            case Result.Err<O, E>(E error) -> {
              w.writeU8(1);
              err.encode(w, error);
            }
          }
        },
        r ->
            r.readVariant("Result", 2) == 0
                ? new Result.Ok<>(ok.decode(r))
                : new Result.Err<>(err.decode(r)));
  }
}
