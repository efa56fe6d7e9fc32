/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.extrinsic;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import java.util.Optional;

/**
 * A version-4 {@code UncheckedExtrinsic} (runtime-spec §3.1): {@code compact(L) ‖ body}, with body
 * {@code 0x04 ‖ call} (unsigned) or {@code 0x84 ‖ address ‖ signature ‖ extra ‖ call} (signed).
 *
 * <pre>{@code
 * UncheckedExtrinsic xt = UncheckedExtrinsic.decode(bytes); // bytes with the compact prefix
 * xt.length();  // what fees and block length count
 * }</pre>
 *
 * @param signature the signature part; empty for an unsigned (inherent) extrinsic
 * @param call the call
 * @param encodedCall the call's bytes as they appear in the extrinsic (what the signature covers)
 * @param encoded the full encoding, compact length prefix included
 */
public record UncheckedExtrinsic(
    Optional<ExtrinsicSignature> signature, RuntimeCall call, Bytes encodedCall, Bytes encoded) {
  public static final int UNSIGNED_V4 = 0x04;
  public static final int SIGNED_V4 = 0x84;

  /** The encoded length, prefix included: what fees and block length count. */
  public int length() {
    return encoded.length();
  }

  public boolean isSigned() {
    return signature.isPresent();
  }

  /** An unsigned extrinsic (an inherent) for a call. */
  public static UncheckedExtrinsic unsigned(RuntimeCall call) {
    Bytes encodedCall = call.encode();
    ScaleWriter body = new ScaleWriter(encodedCall.length() + 1);
    body.writeU8(UNSIGNED_V4);
    body.writeRaw(encodedCall);
    return new UncheckedExtrinsic(
        Optional.empty(), call, encodedCall, withLengthPrefix(body.toBytes()));
  }

  /** A signed extrinsic from its parts. */
  public static UncheckedExtrinsic signed(
      MultiAddress address, MultiSignature sig, SignedExtra extra, RuntimeCall call) {
    Bytes encodedCall = call.encode();
    ScaleWriter body = new ScaleWriter(encodedCall.length() + 160);
    body.writeU8(SIGNED_V4);
    address.encode(body);
    sig.encode(body);
    extra.encode(body);
    body.writeRaw(encodedCall);
    return new UncheckedExtrinsic(
        Optional.of(new ExtrinsicSignature(address, sig, extra)),
        call,
        encodedCall,
        withLengthPrefix(body.toBytes()));
  }

  private static Bytes withLengthPrefix(Bytes body) {
    return new ScaleWriter(body.length() + 5).writeCompact(body.length()).writeRaw(body).toBytes();
  }

  /**
   * Decodes an extrinsic that must fill {@code encoded} exactly.
   *
   * @throws ScaleDecodingException if it is not a valid version-4 extrinsic
   */
  public static UncheckedExtrinsic decode(Bytes encoded) {
    ScaleReader r = new ScaleReader(encoded);
    UncheckedExtrinsic xt = decode(r);
    r.expectEnd("UncheckedExtrinsic");
    return xt;
  }

  /**
   * Decodes one extrinsic from a reader, leaving it after the extrinsic.
   *
   * @throws ScaleDecodingException if it is not a valid version-4 extrinsic
   */
  public static UncheckedExtrinsic decode(ScaleReader r) {
    int start = r.position();
    int length = r.readCompactInt();
    if (length > r.remaining()) {
      throw new ScaleDecodingException(
          start,
          "UncheckedExtrinsic",
          "length " + length + " exceeds the " + r.remaining() + " remaining byte(s)");
    }
    int bodyStart = r.position();
    int version = r.readU8();
    Optional<ExtrinsicSignature> signature;
    if (version == SIGNED_V4) {
      MultiAddress address = MultiAddress.decode(r);
      MultiSignature sig = MultiSignature.decode(r);
      SignedExtra extra = SignedExtra.decode(r);
      signature = Optional.of(new ExtrinsicSignature(address, sig, extra));
    } else if (version == UNSIGNED_V4) {
      signature = Optional.empty();
    } else {
      throw new ScaleDecodingException(
          bodyStart,
          "UncheckedExtrinsic",
          "unsupported version byte 0x" + Integer.toHexString(version) + " (expected 04 or 84)");
    }
    int callStart = r.position();
    RuntimeCall call = RuntimeCall.decode(r);
    Bytes encodedCall = r.consumedSince(callStart);
    int consumed = r.position() - bodyStart;
    if (consumed != length) {
      throw new ScaleDecodingException(
          bodyStart,
          "UncheckedExtrinsic",
          "declared length " + length + " but the extrinsic takes " + consumed + " byte(s)");
    }
    return new UncheckedExtrinsic(signature, call, encodedCall, r.consumedSince(start));
  }
}
