/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.ss58;

import io.basalt.primitives.bytes.Base58;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;

/**
 * SS58 addresses: base58 of {@code prefix || payload || checksum}, where the prefix takes one byte
 * below 64 and two bytes up to 16383, and the checksum is the first bytes of BLAKE2b-512("SS58PRE"
 * || prefix || payload): 1 byte for 1/2/4/8-byte payloads, 2 bytes for 32/33-byte payloads (account
 * ids and public keys), per the SS58 specification.
 *
 * <pre>{@code
 * String address = Ss58.encode(publicKey, Ss58AddressFormat.SUBSTRATE); // 5Grwva...
 * Ss58.Address decoded = Ss58.decode(address);
 * }</pre>
 */
public final class Ss58 {
  private static final byte[] CHECKSUM_PREFIX = "SS58PRE".getBytes(StandardCharsets.US_ASCII);

  private Ss58() {}

  /** A decoded address. */
  public record Address(Bytes payload, Ss58AddressFormat format) {}

  public static String encode(byte[] payload, Ss58AddressFormat format) {
    return encode(Bytes.of(payload), format);
  }

  public static String encode(Bytes payload, Ss58AddressFormat format) {
    int checksumLength = checksumLength(payload.length());
    byte[] prefix = prefixBytes(format.prefix());
    byte[] body = Bytes.wrap(prefix).concat(payload).toArray();
    byte[] checksum = checksum(body);
    byte[] full = Arrays.copyOf(body, body.length + checksumLength);
    System.arraycopy(checksum, 0, full, body.length, checksumLength);
    return Base58.encode(full);
  }

  /**
   * Decodes an address of any supported payload length.
   *
   * @throws Ss58Exception for bad base58, a bad length, an invalid or reserved prefix, or a wrong
   *     checksum
   */
  public static Address decode(String address) {
    byte[] data;
    try {
      data = Base58.decode(address);
    } catch (IllegalArgumentException e) {
      throw Ss58Exception.address(Ss58Exception.Kind.BAD_BASE58, e.getMessage());
    }
    if (data.length < 2) {
      throw Ss58Exception.address(
          Ss58Exception.Kind.BAD_LENGTH, "too short (" + data.length + " bytes)");
    }
    int first = data[0] & 0xff;
    int prefixLength;
    int prefix;
    if (first < 64) {
      prefixLength = 1;
      prefix = first;
    } else if (first < 128) {
      prefixLength = 2;
      int second = data[1] & 0xff;
      int lower = ((first << 2) | (second >>> 6)) & 0xff;
      int upper = second & 0x3f;
      prefix = lower | (upper << 8);
    } else {
      throw Ss58Exception.address(
          Ss58Exception.Kind.INVALID_PREFIX, "first byte " + first + " is not below 128");
    }
    int rest = data.length - prefixLength;
    int payloadLength = -1;
    for (int candidate : new int[] {1, 2, 4, 8, 32, 33}) {
      if (candidate + checksumLength(candidate) == rest) {
        payloadLength = candidate;
      }
    }
    if (payloadLength < 0) {
      throw Ss58Exception.address(
          Ss58Exception.Kind.BAD_LENGTH,
          data.length
              + " bytes do not hold a prefix, a 1/2/4/8/32/33-byte payload and its checksum");
    }
    Ss58AddressFormat format = new Ss58AddressFormat(prefix);
    if (format.isReserved()) {
      throw Ss58Exception.address(
          Ss58Exception.Kind.FORMAT_NOT_ALLOWED, "prefix " + prefix + " is reserved");
    }
    byte[] body = Arrays.copyOf(data, prefixLength + payloadLength);
    byte[] expected = Arrays.copyOf(checksum(body), checksumLength(payloadLength));
    byte[] actual = Arrays.copyOfRange(data, body.length, data.length);
    if (!MessageDigest.isEqual(expected, actual)) {
      throw Ss58Exception.address(Ss58Exception.Kind.INVALID_CHECKSUM, "");
    }
    return new Address(Bytes.wrap(Arrays.copyOfRange(data, prefixLength, body.length)), format);
  }

  /**
   * Decodes an address and checks the payload length (32 for account ids and sr25519/ed25519 keys,
   * 33 for ecdsa keys).
   */
  public static Address decode(String address, int payloadLength) {
    Address decoded = decode(address);
    if (decoded.payload().length() != payloadLength) {
      throw Ss58Exception.address(
          Ss58Exception.Kind.BAD_LENGTH,
          "it holds " + decoded.payload().length() + " bytes, expected " + payloadLength);
    }
    return decoded;
  }

  private static int checksumLength(int payloadLength) {
    return switch (payloadLength) {
      case 1, 2, 4, 8 -> 1;
      case 32, 33 -> 2;
      default ->
          throw new Ss58Exception(
              Ss58Exception.Kind.BAD_LENGTH,
              "SS58 payloads are 1, 2, 4, 8, 32 or 33 bytes, got " + payloadLength);
    };
  }

  private static byte[] prefixBytes(int prefix) {
    if (prefix < 64) {
      return new byte[] {(byte) prefix};
    }
    int first = ((prefix & 0xfc) >>> 2) | 0x40;
    int second = (prefix >>> 8) | ((prefix & 0x03) << 6);
    return new byte[] {(byte) first, (byte) second};
  }

  private static byte[] checksum(byte[] body) {
    byte[] input = Arrays.copyOf(CHECKSUM_PREFIX, CHECKSUM_PREFIX.length + body.length);
    System.arraycopy(body, 0, input, CHECKSUM_PREFIX.length, body.length);
    return Hashing.blake2b512(input);
  }
}
