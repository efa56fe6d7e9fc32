/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.light;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.Objects;

/**
 * Asks for a proof of a runtime call: protobuf {@code RemoteCallRequest {block = 2, method = 3,
 * data = 4}}.
 *
 * @param block the block whose state the call runs on
 * @param method the runtime API function, e.g. {@code Core_version}
 * @param data the SCALE-encoded arguments
 */
public record RemoteCallRequest(Hash256 block, String method, Bytes data) implements LightRequest {
  public RemoteCallRequest {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(method, "method");
    Objects.requireNonNull(data, "data");
  }
}
