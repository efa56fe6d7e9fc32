/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.dispatch;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.bytes.Hex;
import io.basalt.primitives.crypto.ss58.Ss58;
import java.math.BigInteger;
import java.util.Optional;
import java.util.function.Function;

/**
 * How one parameter is read from JSON: what is expected (for the error) and the parser, which
 * returns empty when the value does not fit. Method groups define their own next to the common ones
 * here.
 *
 * <pre>{@code
 * Hash256 at = params.required(0, "hash", ParamType.HASH);
 * }</pre>
 *
 * @param expected what a valid value looks like, e.g. {@code "a 0x-prefixed 32-byte hex hash"}
 * @param parser the value, or empty when {@code node} is not one
 */
public record ParamType<T>(String expected, Function<JsonNode, Optional<T>> parser) {
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  /** A JSON string. */
  public static final ParamType<String> STRING =
      new ParamType<>(
          "a string", n -> n.isTextual() ? Optional.of(n.textValue()) : Optional.empty());

  /** A JSON boolean. */
  public static final ParamType<Boolean> BOOLEAN =
      new ParamType<>(
          "a boolean", n -> n.isBoolean() ? Optional.of(n.booleanValue()) : Optional.empty());

  /** An integer from 0 to 2^32 - 1 (a u32: block numbers, nonces, counts). */
  public static final ParamType<Long> U32 =
      new ParamType<>("an integer from 0 to 4294967295", n -> integer(n, 0xFFFF_FFFFL));

  /** An integer from 0 to 2^63 - 1 (a u64 that Java's long can hold). */
  public static final ParamType<Long> U64 =
      new ParamType<>("an integer from 0 to 9223372036854775807", n -> integer(n, Long.MAX_VALUE));

  /**
   * A u64 given as a JSON number or a {@code 0x}-prefixed hex string (Substrate's {@code
   * NumberOrHex}), up to 2^63 - 1.
   */
  public static final ParamType<Long> NUMBER_OR_HEX =
      new ParamType<>("an integer or a 0x-prefixed hex number", ParamType::numberOrHex);

  /** Bytes as hex text (sp-core's {@code Bytes}; the {@code 0x} prefix is optional). */
  public static final ParamType<Bytes> BYTES =
      new ParamType<>("hex bytes such as \"0x0102\"", ParamType::bytes);

  /** A 32-byte hash as hex text (H256; the {@code 0x} prefix is optional). */
  public static final ParamType<Hash256> HASH =
      new ParamType<>(
          "a 32-byte hex hash",
          n ->
              bytes(n).filter(b -> b.length() == Hash256.LENGTH).map(b -> Hash256.of(b.toArray())));

  /** A 32-byte account id as an SS58 address of any network prefix (sp-core's AccountId32). */
  public static final ParamType<Bytes> SS58_ACCOUNT =
      new ParamType<>("an SS58 address of a 32-byte account", ParamType::account);

  /** Any JSON value, unparsed. */
  public static final ParamType<JsonNode> JSON = new ParamType<>("a JSON value", Optional::of);

  /** Parses {@code node}; empty when it does not fit. */
  public Optional<T> parse(JsonNode node) {
    return parser.apply(node);
  }

  private static Optional<Long> integer(JsonNode n, long max) {
    if (!n.isIntegralNumber() || n.bigIntegerValue().signum() < 0) {
      return Optional.empty();
    }
    BigInteger value = n.bigIntegerValue();
    return value.compareTo(BigInteger.valueOf(max)) > 0
        ? Optional.empty()
        : Optional.of(value.longValueExact());
  }

  private static Optional<Long> numberOrHex(JsonNode n) {
    if (n.isIntegralNumber()) {
      return integer(n, Long.MAX_VALUE);
    }
    if (!n.isTextual() || !n.textValue().startsWith("0x") || n.textValue().length() < 3) {
      return Optional.empty();
    }
    try {
      BigInteger value = new BigInteger(n.textValue().substring(2), 16);
      return value.compareTo(U64_MAX) > 0 || value.bitLength() > 63
          ? Optional.empty()
          : Optional.of(value.longValueExact());
    } catch (NumberFormatException e) {
      return Optional.empty();
    }
  }

  private static Optional<Bytes> bytes(JsonNode n) {
    if (!n.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Bytes.wrap(Hex.decode(n.textValue())));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static Optional<Bytes> account(JsonNode n) {
    if (!n.isTextual()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Ss58.decode(n.textValue(), 32).payload());
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
