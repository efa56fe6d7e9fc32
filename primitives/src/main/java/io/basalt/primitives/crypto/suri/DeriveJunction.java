/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.suri;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleWriter;
import java.math.BigInteger;
import java.util.regex.Pattern;

/**
 * One step of a derivation path: a 32-byte chain code and whether the step is hard ({@code //x},
 * secret-only) or soft ({@code /x}, also derivable from the public key).
 *
 * <p>The chain code is the SCALE encoding of the junction's value, zero-padded to 32 bytes, or its
 * BLAKE2b-256 if longer: an integer that fits in a u64 is encoded as 8 little-endian bytes,
 * anything else as a SCALE string (compact length then UTF-8), exactly as {@code
 * sp_core::DeriveJunction}.
 *
 * @param chainCode the 32-byte chain code
 * @param hard true for a hard junction
 */
public record DeriveJunction(Bytes chainCode, boolean hard) {
  /** Chain codes are always 32 bytes. */
  public static final int CHAIN_CODE_LENGTH = 32;

  private static final Pattern UNSIGNED = Pattern.compile("\\+?[0-9]+");
  private static final BigInteger U64_MAX = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

  public DeriveJunction {
    if (chainCode.length() != CHAIN_CODE_LENGTH) {
      throw new IllegalArgumentException("a chain code is 32 bytes, got " + chainCode.length());
    }
  }

  /**
   * Parses one path element as it appears between slashes: {@code "Alice"} is soft, {@code
   * "/Alice"} (the text after {@code //}) is hard.
   */
  public static DeriveJunction parse(String element) {
    boolean hard = element.startsWith("/");
    String code = hard ? element.substring(1) : element;
    ScaleWriter w = new ScaleWriter();
    if (UNSIGNED.matcher(code).matches() && new BigInteger(code).compareTo(U64_MAX) <= 0) {
      w.writeU64(new BigInteger(code).longValue());
    } else {
      w.writeString(code);
    }
    return new DeriveJunction(chainCodeOf(w.toByteArray()), hard);
  }

  /** A soft junction over raw encoded bytes (padded, or hashed when longer than 32 bytes). */
  public static DeriveJunction softFromEncoded(byte[] encoded) {
    return new DeriveJunction(chainCodeOf(encoded), false);
  }

  /** A hard junction over raw encoded bytes (padded, or hashed when longer than 32 bytes). */
  public static DeriveJunction hardFromEncoded(byte[] encoded) {
    return new DeriveJunction(chainCodeOf(encoded), true);
  }

  private static Bytes chainCodeOf(byte[] encoded) {
    if (encoded.length > CHAIN_CODE_LENGTH) {
      return Bytes.wrap(Hashing.blake2b256(encoded));
    }
    return Bytes.wrap(java.util.Arrays.copyOf(encoded, CHAIN_CODE_LENGTH));
  }

  /**
   * The seed-hashing hard derivation of ed25519 and ecdsa: {@code blake2_256(SCALE((label, seed,
   * chain_code)))}, with the label {@code "Ed25519HDKD"} or {@code "Secp256k1HDKD"}.
   */
  public byte[] hashDerive(String label, byte[] seed) {
    byte[] encoded =
        new ScaleWriter()
            .writeString(label)
            .writeRaw(seed)
            .writeRaw(chainCode.unsafeArray())
            .toByteArray();
    return Hashing.blake2b256(encoded);
  }

  public boolean soft() {
    return !hard;
  }
}
