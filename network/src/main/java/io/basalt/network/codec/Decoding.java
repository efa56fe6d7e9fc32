/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.codec;

import io.basalt.network.frame.FrameException;
import io.basalt.primitives.scale.ScaleReader;
import java.util.function.Function;

/**
 * Runs a decoder and reports every failure as a {@link FrameException} whose message names the
 * message type and what was wrong, so callers catch one exception type.
 */
public final class Decoding {
  private Decoding() {}

  /**
   * Decodes protobuf bytes with {@code body}.
   *
   * @throws FrameException if the bytes are not a valid {@code what}
   */
  public static <T> T protobuf(byte[] bytes, String what, Function<ProtoReader, T> body) {
    return guard(what, () -> body.apply(new ProtoReader(bytes, what)));
  }

  /**
   * Decodes SCALE bytes with {@code body}, which must consume all of them.
   *
   * @throws FrameException if the bytes are not a valid {@code what} or have trailing bytes
   */
  public static <T> T scale(byte[] bytes, String what, Function<ScaleReader, T> body) {
    return guard(
        what,
        () -> {
          ScaleReader reader = new ScaleReader(bytes);
          T value = body.apply(reader);
          reader.expectEnd(what);
          return value;
        });
  }

  /**
   * Runs {@code body}, turning any runtime failure into a {@link FrameException} about {@code
   * what}.
   */
  public static <T> T guard(String what, java.util.function.Supplier<T> body) {
    try {
      return body.get();
    } catch (FrameException e) {
      throw e;
    } catch (RuntimeException e) {
      throw new FrameException("malformed " + what + ": " + describe(e), e);
    }
  }

  private static String describe(RuntimeException e) {
    String message = e.getMessage();
    return message == null ? e.getClass().getSimpleName() : message;
  }
}
