/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import java.net.InetAddress;
import java.util.Locale;

/**
 * {@code --rpc-methods}: which methods an interface exposes. {@code AUTO} exposes every method on a
 * loopback address and only safe ones elsewhere (sc-rpc-server {@code utils::deny_unsafe}, which
 * looks at the address the server is bound to, not at the client's).
 */
public enum RpcMethodsPolicy {
  AUTO,
  SAFE,
  UNSAFE;

  /** Whether unsafe methods are refused on a server bound to {@code bound}. */
  public boolean deniesUnsafe(InetAddress bound) {
    return switch (this) {
      case UNSAFE -> false;
      case SAFE -> true;
      case AUTO -> !bound.isLoopbackAddress();
    };
  }

  /**
   * Parses a CLI value, case-insensitively as sc-cli does.
   *
   * @throws IllegalArgumentException naming the accepted values
   */
  public static RpcMethodsPolicy fromCliName(String value) {
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "auto" -> AUTO;
      case "safe" -> SAFE;
      case "unsafe" -> UNSAFE;
      default ->
          throw new IllegalArgumentException(
              "invalid value '" + value + "' for --rpc-methods: expected auto, safe or unsafe");
    };
  }
}
