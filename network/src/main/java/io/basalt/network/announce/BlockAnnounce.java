/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.announce;

import io.basalt.network.codec.Decoding;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.Header;
import java.util.Objects;
import java.util.Optional;

/**
 * A block announcement: {@code header ‖ [state u8] ‖ [data Vec<u8>]}, SCALE.
 *
 * <p>The two trailing fields are not {@code Option}-tagged: each is simply present or absent, so
 * older peers can omit them. Decoding follows Substrate's lenient rules: after the header, a state
 * byte is read if there is one ({@code 0} normal, {@code 1} best; any other value means "no state"
 * and ends the announcement here), then the data if it decodes; anything after it is ignored. Data
 * without a state cannot be told apart on the wire, so it is refused here.
 *
 * @param header the announced block's header
 * @param state whether it is the announcer's best block, if said
 * @param data extra data for the announce validator (parachains put a candidate here), if any
 */
public record BlockAnnounce(Header header, Optional<BlockState> state, Optional<Bytes> data) {

  public BlockAnnounce {
    Objects.requireNonNull(header, "header");
    Objects.requireNonNull(state, "state");
    Objects.requireNonNull(data, "data");
    if (data.isPresent() && state.isEmpty()) {
      throw new IllegalArgumentException("an announcement with data must also carry a state");
    }
  }

  /** An announcement with a state and no data, as Substrate sends by default. */
  public static BlockAnnounce of(Header header, BlockState state) {
    return new BlockAnnounce(header, Optional.of(state), Optional.empty());
  }

  public byte[] encode() {
    ScaleWriter w = new ScaleWriter();
    Header.CODEC.encode(w, header);
    state.ifPresent(s -> w.writeU8(s.index()));
    data.ifPresent(w::writeByteVec);
    return w.toByteArray();
  }

  /**
   * Decodes an announcement.
   *
   * @throws FrameException if the header does not decode
   */
  public static BlockAnnounce decode(byte[] bytes) {
    return Decoding.guard(
        "BlockAnnounce",
        () -> {
          ScaleReader r = new ScaleReader(bytes);
          Header header = Header.CODEC.decode(r);
          if (!r.hasRemaining()) {
            return new BlockAnnounce(header, Optional.empty(), Optional.empty());
          }
          Optional<BlockState> state = BlockState.ofIndex(r.readU8());
          if (state.isEmpty() || !r.hasRemaining()) {
            return new BlockAnnounce(header, state, Optional.empty());
          }
          Optional<Bytes> data;
          try {
            data = Optional.of(r.readByteVec());
          } catch (ScaleDecodingException e) {
            data = Optional.empty();
          }
          return new BlockAnnounce(header, state, data);
        });
  }
}
