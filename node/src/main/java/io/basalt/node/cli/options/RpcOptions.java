/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.cli.options;

import io.basalt.node.config.ConflictingOptionsException;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.rpc.dispatch.BatchLimit;
import io.basalt.rpc.server.CorsPolicy;
import io.basalt.rpc.server.RpcMethodsPolicy;
import io.basalt.rpc.server.RpcServerConfig;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The JSON-RPC server (sc-cli's {@code RpcParams}): Substrate's flag names, defaults and messages.
 * Not here: {@code --rpc-rate-limit-whitelisted-ips}, {@code --rpc-rate-limit-trust-proxy-headers}
 * and {@code --experimental-rpc-endpoint}.
 */
public final class RpcOptions {
  private static final Logger LOG = LoggerFactory.getLogger("rpc");

  @Option(
      names = "--rpc-port",
      paramLabel = "PORT",
      converter = PrometheusOptions.PortConverter.class,
      description = "Specify JSON-RPC server TCP port (default: 9944).")
  private int port = RpcServerConfig.DEFAULT_PORT;

  @Option(
      names = "--rpc-external",
      description =
          "Listen to all RPC interfaces (default: local). Not all RPC methods are safe to be"
              + " exposed publicly; use an RPC proxy server to filter out dangerous methods. Use"
              + " --unsafe-rpc-external to suppress the warning if you understand the risks.")
  private boolean external;

  @Option(
      names = "--unsafe-rpc-external",
      description = "Listen to all RPC interfaces. Same as --rpc-external.")
  private boolean unsafeExternal;

  @Option(
      names = "--rpc-methods",
      paramLabel = "METHOD SET",
      converter = MethodsConverter.class,
      description =
          "RPC methods to expose: auto (default; safe on an external interface, unsafe on"
              + " loopback), safe or unsafe.")
  private RpcMethodsPolicy methods = RpcMethodsPolicy.AUTO;

  @Option(
      names = "--rpc-cors",
      paramLabel = "ORIGINS",
      description =
          "Specify browser origins allowed to access the HTTP & WS RPC servers: a comma-separated"
              + " list of origins (protocol://domain or special `null` value), or `all` to disable"
              + " origin validation. Default is to allow localhost and https://polkadot.js.org"
              + " origins; with --dev, all origins.")
  private String cors;

  @Option(
      names = "--rpc-max-connections",
      paramLabel = "COUNT",
      converter = PositiveConverter.class,
      description = "Maximum number of RPC server connections (default: 100).")
  private int maxConnections = RpcServerConfig.DEFAULT_MAX_CONNECTIONS;

  @Option(
      names = "--rpc-max-request-size",
      paramLabel = "MB",
      converter = PositiveConverter.class,
      description =
          "Set the maximum RPC request payload size for both HTTP and WS in megabytes (default:"
              + " 15).")
  private int maxRequestSizeMb = RpcServerConfig.DEFAULT_MAX_PAYLOAD_MIB;

  @Option(
      names = "--rpc-max-response-size",
      paramLabel = "MB",
      converter = PositiveConverter.class,
      description =
          "Set the maximum RPC response payload size for both HTTP and WS in megabytes (default:"
              + " 15).")
  private int maxResponseSizeMb = RpcServerConfig.DEFAULT_MAX_PAYLOAD_MIB;

  @Option(
      names = "--rpc-max-subscriptions-per-connection",
      paramLabel = "COUNT",
      converter = PositiveConverter.class,
      description = "Set the maximum concurrent subscriptions per connection (default: 1024).")
  private int maxSubscriptions = RpcServerConfig.DEFAULT_MAX_SUBSCRIPTIONS_PER_CONNECTION;

  @Option(
      names = "--rpc-message-buffer-capacity-per-connection",
      paramLabel = "COUNT",
      converter = PositiveConverter.class,
      description =
          "The number of messages the RPC server is allowed to keep in memory per connection,"
              + " for method calls and subscriptions (default: 64). When it is full the server"
              + " reads no new messages until the client reads.")
  private int messageBufferCapacity = RpcServerConfig.DEFAULT_MESSAGE_BUFFER_CAPACITY;

  @Option(
      names = "--rpc-rate-limit",
      paramLabel = "CALLS",
      converter = PositiveConverter.class,
      description =
          "RPC rate limiting (calls/minute) for each connection; calls over it wait. Disabled by"
              + " default.")
  private Integer rateLimit;

  @Option(names = "--rpc-disable-batch-requests", description = "Disable RPC batch requests.")
  private boolean disableBatches;

  @Option(
      names = "--rpc-max-batch-request-len",
      paramLabel = "LEN",
      converter = NonNegativeConverter.class,
      description = "Limit the max length per RPC batch request.")
  private Integer maxBatchLength;

  /**
   * The server's configuration.
   *
   * @param dev whether {@code --dev} is on (CORS then defaults to all origins)
   * @param validator whether the node is an authority ({@code --rpc-external} then needs unsafe
   *     methods or {@code --unsafe-rpc-external})
   * @throws InvalidConfigurationException for Substrate's refused combinations
   */
  public RpcServerConfig toConfig(boolean dev, boolean validator) {
    if (external && validator && methods != RpcMethodsPolicy.UNSAFE) {
      throw new InvalidConfigurationException(
          "--rpc-external option shouldn't be used if the node is running as a validator. Use"
              + " `--unsafe-rpc-external` or `--rpc-methods=unsafe` if you understand the risks."
              + " See the options description for more information.");
    }
    if (disableBatches && maxBatchLength != null) {
      throw new ConflictingOptionsException(
          "--rpc-disable-batch-requests", "--rpc-max-batch-request-len <LEN>");
    }
    boolean anyInterface = external || unsafeExternal;
    if (anyInterface && methods == RpcMethodsPolicy.UNSAFE) {
      LOG.warn(
          "It isn't safe to expose RPC publicly without a proxy server that filters available set"
              + " of RPC methods.");
    }
    return RpcServerConfig.builder()
        .listenAddress(RpcServerConfig.listenAddress(anyInterface, port))
        .methods(methods)
        .cors(corsPolicy(dev))
        .maxConnections(maxConnections)
        .payloadLimits(
            maxRequestSizeMb * RpcServerConfig.MIB, maxResponseSizeMb * RpcServerConfig.MIB)
        .maxSubscriptionsPerConnection(maxSubscriptions)
        .messageBufferCapacity(messageBufferCapacity)
        .rateLimitPerMinute(rateLimit == null ? OptionalInt.empty() : OptionalInt.of(rateLimit))
        .batchLimit(
            disableBatches
                ? BatchLimit.DISABLED
                : maxBatchLength == null ? BatchLimit.UNLIMITED : BatchLimit.of(maxBatchLength))
        .build();
  }

  /** sc-cli's {@code Cors}: {@code all} or {@code *} anywhere in the list means all origins. */
  private CorsPolicy corsPolicy(boolean dev) {
    if (cors == null) {
      if (dev) {
        LOG.warn("Running in --dev mode, RPC CORS has been disabled.");
        return CorsPolicy.all();
      }
      return CorsPolicy.defaults();
    }
    List<String> origins = Arrays.stream(cors.split(",")).toList();
    if (origins.contains("all") || origins.contains("*")) {
      return CorsPolicy.all();
    }
    return CorsPolicy.allowing(origins);
  }

  /** Parses {@code --rpc-methods} values, case-insensitively. */
  static final class MethodsConverter implements ITypeConverter<RpcMethodsPolicy> {
    @Override
    public RpcMethodsPolicy convert(String value) {
      try {
        return RpcMethodsPolicy.fromCliName(value);
      } catch (IllegalArgumentException e) {
        throw new TypeConversionException(
            "'" + value + "' is not a method set (auto, safe or unsafe)");
      }
    }
  }

  /** An integer of at least 1. */
  static final class PositiveConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return atLeast(value, 1, "a positive integer");
    }
  }

  /** An integer of at least 0. */
  static final class NonNegativeConverter implements ITypeConverter<Integer> {
    @Override
    public Integer convert(String value) {
      return atLeast(value, 0, "a non-negative integer");
    }
  }

  private static int atLeast(String value, int min, String what) {
    try {
      int n = Integer.parseInt(value);
      if (n >= min) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below
    }
    throw new TypeConversionException("'" + value + "' is not " + what);
  }
}
