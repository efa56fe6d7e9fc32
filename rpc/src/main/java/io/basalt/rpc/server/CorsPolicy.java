/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.server;

import java.util.List;
import java.util.stream.Collectors;

/**
 * {@code --rpc-cors}: the browser origins allowed to call the server, or all of them. Substrate's
 * default outside {@code --dev} is {@link #DEFAULT_ORIGINS}; with {@code --dev} it is all (sc-cli
 * {@code RpcParams::rpc_cors}). An origin pattern ending in {@code :*} matches that scheme and host
 * on any port (or none), as Substrate's list intends; current Substrate passes the list to
 * tower-http, which compares exactly (paritytech/substrate#11480), so this is a deliberate
 * deviation that lets the default list work.
 *
 * <p>When the policy is a list, the server also filters the {@code Host} header to the loopback
 * names of its own port (sc-rpc-server {@code utils::host_filtering}).
 */
public final class CorsPolicy {
  /** Substrate's default: localhost origins and polkadot.js apps. */
  public static final List<String> DEFAULT_ORIGINS =
      List.of(
          "http://localhost:*",
          "http://127.0.0.1:*",
          "https://localhost:*",
          "https://127.0.0.1:*",
          "https://polkadot.js.org");

  private static final CorsPolicy ALL = new CorsPolicy(List.of(), true);

  private final List<String> origins;
  private final boolean all;

  private CorsPolicy(List<String> origins, boolean all) {
    this.origins = List.copyOf(origins);
    this.all = all;
  }

  /** Every origin ({@code --rpc-cors all}, and the {@code --dev} default). */
  public static CorsPolicy all() {
    return ALL;
  }

  /** Only these origins (exact, or {@code scheme://host:*}). */
  public static CorsPolicy allowing(List<String> origins) {
    return new CorsPolicy(origins, false);
  }

  /** {@link #DEFAULT_ORIGINS}. */
  public static CorsPolicy defaults() {
    return allowing(DEFAULT_ORIGINS);
  }

  /** Whether every origin is allowed (and the Host header is not filtered). */
  public boolean allowsAll() {
    return all;
  }

  /** The allowed origins; empty when all are. */
  public List<String> origins() {
    return origins;
  }

  /** Whether a request with this {@code Origin} header may be served. */
  public boolean allows(String origin) {
    if (all) {
      return true;
    }
    for (String allowed : origins) {
      if (allowed.equals(origin) || matchesAnyPort(allowed, origin)) {
        return true;
      }
    }
    return false;
  }

  private static boolean matchesAnyPort(String pattern, String origin) {
    if (!pattern.endsWith(":*")) {
      return false;
    }
    String base = pattern.substring(0, pattern.length() - 2);
    if (origin.equals(base)) {
      return true;
    }
    if (!origin.startsWith(base + ":") || origin.length() == base.length() + 1) {
      return false;
    }
    return origin.substring(base.length() + 1).chars().allMatch(Character::isDigit);
  }

  /** How Substrate's start-up line prints it: {@code ["*"]} or {@code ["a", "b"]}. */
  public String describe() {
    List<String> shown = all ? List.of("*") : origins;
    return shown.stream().map(o -> "\"" + o + "\"").collect(Collectors.joining(", ", "[", "]"));
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof CorsPolicy other && all == other.all && origins.equals(other.origins);
  }

  @Override
  public int hashCode() {
    return origins.hashCode() * 31 + Boolean.hashCode(all);
  }

  @Override
  public String toString() {
    return "CorsPolicy" + describe();
  }
}
