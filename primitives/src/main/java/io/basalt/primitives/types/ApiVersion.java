/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleCodec;
import java.nio.charset.StandardCharsets;

/**
 * A runtime API the runtime implements, with its version.
 *
 * @param id BLAKE2b-64 of the API trait name, e.g. {@code 0xdf6acb689907609b} for {@code Core}
 * @param version the API's version
 */
public record ApiVersion(Bytes id, long version) {
  public static final Bytes CORE = idOf("Core");

  public static final ScaleCodec<ApiVersion> CODEC =
      ScaleCodec.of(
          "(ApiId, u32)",
          (w, a) -> w.writeRaw(a.id).writeU32(a.version),
          r -> new ApiVersion(r.readFixed(8), r.readU32AsLong()));

  public ApiVersion {
    if (id.length() != 8) {
      throw new IllegalArgumentException("an API id is 8 bytes, got " + id.length());
    }
  }

  /** The id of an API: BLAKE2b with an 8-byte digest of its trait name. */
  public static Bytes idOf(String apiName) {
    return Bytes.wrap(Hashing.blake2b64(apiName.getBytes(StandardCharsets.UTF_8)));
  }
}
