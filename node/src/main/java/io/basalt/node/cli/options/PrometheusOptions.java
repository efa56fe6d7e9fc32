/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.node.config.PrometheusConfig;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/** The Prometheus exporter (sc-cli's PrometheusParams): port, interface, or none. */
public final class PrometheusOptions {

  @Option(
      names = "--prometheus-port",
      paramLabel = "PORT",
      converter = PortConverter.class,
      description = "Prometheus exporter TCP port (default: 9615).")
  private int port = PrometheusConfig.DEFAULT_PORT;

  @Option(
      names = "--prometheus-external",
      description = "Expose the Prometheus exporter on all interfaces (default: 127.0.0.1 only).")
  private boolean external;

  @Option(
      names = "--no-prometheus",
      description = "Do not expose a Prometheus exporter endpoint (it is on by default).")
  private boolean disabled;

  /** Parses a TCP port number, 0 (any free port) to 65535. */
  static final class PortConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      try {
        int port = Integer.parseInt(value);
        if (port >= 0 && port <= 65535) {
          return port;
        }
      } catch (NumberFormatException e) {
        // reported below
      }
      throw new TypeConversionException("'" + value + "' is not a TCP port (0 to 65535)");
    }
  }

  /** The exporter's address; {@code --no-prometheus} wins over the other two, as in Substrate. */
  public PrometheusConfig toConfig() {
    return disabled ? PrometheusConfig.disabled() : PrometheusConfig.listening(port, external);
  }
}
