/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Map;

/**
 * {@code system_chainType}: {@code "Development"}, {@code "Local"}, {@code "Live"} or {@code
 * {"Custom": "…"}} (sc-chain-spec's {@code ChainType}).
 *
 * @param name the kind, or the custom kind's name
 * @param custom whether it is a chain-defined kind
 */
public record ChainType(String name, boolean custom) {
  public static final ChainType DEVELOPMENT = new ChainType("Development", false);
  public static final ChainType LOCAL = new ChainType("Local", false);
  public static final ChainType LIVE = new ChainType("Live", false);

  /** A chain-defined kind. */
  public static ChainType custom(String name) {
    return new ChainType(name, true);
  }

  /** The value Substrate writes. */
  @JsonValue
  public Object json() {
    return custom ? Map.of("Custom", name) : name;
  }
}
