/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.chainspec;

/**
 * The kind of chain, as {@code system_chainType} reports it. Substrate serialises the variants as
 * {@code "Development"}, {@code "Local"}, {@code "Live"} or {@code {"Custom": "…"}}; a spec without
 * the field is {@code Live}.
 */
public sealed interface ChainType {
  ChainType DEVELOPMENT = new Known("Development");
  ChainType LOCAL = new Known("Local");
  ChainType LIVE = new Known("Live");

  /** The JSON/RPC name. */
  String name();

  /** One of the three built-in kinds. */
  record Known(String name) implements ChainType {}

  /** A chain-defined kind. */
  record Custom(String name) implements ChainType {}

  /** Parses a built-in name; anything else is rejected. */
  static ChainType known(String name) {
    return switch (name) {
      case "Development" -> DEVELOPMENT;
      case "Local" -> LOCAL;
      case "Live" -> LIVE;
      default ->
          throw new InvalidChainSpecException(
              "chainType must be Development, Local, Live or {\"Custom\": …}, got \""
                  + name
                  + "\"");
    };
  }
}
