/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.config;

import java.net.InetSocketAddress;
import java.util.Optional;

/**
 * Where the Prometheus exporter listens (sc-cli's PrometheusParams).
 *
 * @param listenAddress the address {@code /metrics} is served on; empty with {@code
 *     --no-prometheus}
 */
public record PrometheusConfig(Optional<InetSocketAddress> listenAddress) {
  /** Substrate's default port. */
  public static final int DEFAULT_PORT = 9615;

  /** Port 9615 on loopback, as without any flag. */
  public static PrometheusConfig defaults() {
    return listening(DEFAULT_PORT, false);
  }

  /** No exporter ({@code --no-prometheus}). */
  public static PrometheusConfig disabled() {
    return new PrometheusConfig(Optional.empty());
  }

  /**
   * An exporter on {@code port} (0: any free port), on 127.0.0.1, or on every interface (0.0.0.0)
   * when {@code external}.
   */
  public static PrometheusConfig listening(int port, boolean external) {
    return new PrometheusConfig(
        Optional.of(new InetSocketAddress(external ? "0.0.0.0" : "127.0.0.1", port)));
  }

  /** Whether an exporter is started at all. */
  public boolean enabled() {
    return listenAddress.isPresent();
  }
}
