/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

import io.basalt.executor.api.NativeRuntimePanic;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.types.DigestItem;
import io.basalt.primitives.types.Header;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Decodes a runtime API's input the way sp-api does: the whole input must decode, without trailing
 * bytes, else the runtime panics with {@code Bad input data provided to <method>: <reason>}, where
 * {@code <method>} is the API method's name without the API prefix (runtime-spec §12).
 */
final class ApiInput {
  private ApiInput() {}

  /**
   * Decodes {@code input} entirely.
   *
   * @param method the API method, e.g. {@code execute_block}
   * @throws NativeRuntimePanic if the input does not decode or has trailing bytes
   */
  static <T> T decode(String method, byte[] input, Function<ScaleReader, T> decoder) {
    try {
      ScaleReader r = new ScaleReader(input);
      T value = decoder.apply(r);
      r.expectEnd("input of " + method);
      return value;
    } catch (ScaleDecodingException e) {
      throw new NativeRuntimePanic(
          "Bad input data provided to " + method + ": " + e.getMessage(), e);
    }
  }

  /** Requires an empty input. */
  static void none(String method, byte[] input) {
    decode(method, input, r -> null);
  }

  /**
   * A block header with a {@code Compact<u32>} number and only the digest items the runtime knows
   * (Other, Consensus, Seal, PreRuntime, RuntimeEnvironmentUpdated).
   */
  static Header header(ScaleReader r) {
    int at = r.position();
    Header header = Header.CODEC.decode(r);
    if (header.number() > 0xffff_ffffL) {
      throw new ScaleDecodingException(at, "Header", "block number exceeds u32");
    }
    for (DigestItem item : header.digest()) {
      if (item instanceof DigestItem.ChangesTrieRoot
          || item instanceof DigestItem.ChangesTrieSignal) {
        throw new ScaleDecodingException(at, "Header", "unsupported digest item " + item);
      }
    }
    return header;
  }

  /** {@code Vec<UncheckedExtrinsic>}: the body of a block. */
  static List<UncheckedExtrinsic> extrinsics(ScaleReader r) {
    int at = r.position();
    int n = r.readCompactInt();
    if (n > r.remaining()) {
      throw new ScaleDecodingException(at, "Vec<UncheckedExtrinsic>", "count " + n + " too large");
    }
    List<UncheckedExtrinsic> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(UncheckedExtrinsic.decode(r));
    }
    return out;
  }

  /**
   * A decoded block: header and extrinsics.
   *
   * @param header the header
   * @param extrinsics the extrinsics
   */
  record DecodedBlock(Header header, List<UncheckedExtrinsic> extrinsics) {}

  static DecodedBlock block(ScaleReader r) {
    return new DecodedBlock(header(r), extrinsics(r));
  }
}
