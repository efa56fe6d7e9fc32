/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleReader;
import java.util.Optional;

/** {@code SessionKeys} version 1 (runtime-spec §9): basalt-demo has no session keys. */
final class SessionKeysApi {
  private SessionKeysApi() {}

  static byte[] generateSessionKeys(ApiScope scope, byte[] input) {
    ApiInput.decode(
        "generate_session_keys",
        input,
        r -> r.readVariant("Option", 2) == 0 ? Optional.empty() : Optional.of(r.readByteVec()));
    return new byte[] {0};
  }

  static byte[] decodeSessionKeys(ApiScope scope, byte[] input) {
    Bytes encoded = ApiInput.decode("decode_session_keys", input, ScaleReader::readByteVec);
    return encoded.isEmpty() ? new byte[] {1, 0} : new byte[] {0};
  }
}
