/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import static io.basalt.node.NodeProcess.awaitLine;
import static io.basalt.node.NodeProcess.read;

import io.basalt.node.NodeProcess;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A node as a child JVM ({@code node ARGS -d DIR --rpc-port 0}), as a JavaScript client meets it:
 * its JSON-RPC server on an ephemeral loopback port read from its log. Closing it sends SIGTERM.
 */
public record RunningNode(Process process, Path log, int port) implements AutoCloseable {
  private static final Pattern RPC_ADDRESS =
      Pattern.compile("Running JSON-RPC server: addr=[^:]+:(\\d+)");

  public static RunningNode start(Path dir, String... args)
      throws IOException, InterruptedException {
    Path log = dir.resolve("node.log");
    List<String> all = new ArrayList<>(List.of(args));
    all.addAll(List.of("-d", dir.resolve("base").toString(), "--rpc-port", "0", "--no-prometheus"));
    Process process = NodeProcess.start(log, all.toArray(String[]::new));
    awaitLine(process, log, "Running JSON-RPC server", Duration.ofMinutes(2));
    Matcher port = RPC_ADDRESS.matcher(read(log));
    if (!port.find()) {
      process.destroyForcibly();
      throw new AssertionError("no JSON-RPC address in the log:\n" + read(log));
    }
    return new RunningNode(process, log, Integer.parseInt(port.group(1)));
  }

  /** The WebSocket URL a client connects to. */
  public String url() {
    return "ws://127.0.0.1:" + port;
  }

  /** The server's address, for {@link NodeSystemRpcIT#call} or {@link WsRpcClient}. */
  public InetSocketAddress address() {
    return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
