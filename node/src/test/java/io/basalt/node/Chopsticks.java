/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node;

import io.basalt.runtime.demo.chain.PolkadotJs;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Chopsticks 1.5.1 (npm {@code @acala-network/chopsticks}, installed by {@code npm ci} in {@code
 * src/test/js/dev-rpc}) as a child process serving a chain offline on an ephemeral loopback port.
 * Closing it stops the process.
 *
 * @param process the node process running Chopsticks
 * @param log its output
 * @param port its JSON-RPC port
 */
public record Chopsticks(Process process, Path log, int port) implements AutoCloseable {
  /** Where the npm package is installed. */
  public static final Path INSTALLED = Path.of("src/test/js/dev-rpc");

  /**
   * Starts Chopsticks with {@code args} (e.g. {@code --genesis spec.json}) and waits until it
   * listens; its sqlite database and log go to {@code dir}.
   */
  public static Chopsticks start(Path dir, String... args)
      throws IOException, InterruptedException {
    PolkadotJs.requireInstalled(INSTALLED);
    Path log = dir.resolve("chopsticks.log");
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    List<String> command =
        new ArrayList<>(List.of("node", "node_modules/@acala-network/chopsticks/chopsticks.cjs"));
    command.addAll(List.of(args));
    command.addAll(
        List.of(
            "--port",
            Integer.toString(port),
            "--host",
            "127.0.0.1",
            "--db",
            dir.resolve("chopsticks.sqlite").toString()));
    Process process =
        new ProcessBuilder(command)
            .directory(INSTALLED.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    try {
      NodeProcess.awaitLine(process, log, "RPC listening on", Duration.ofMinutes(3));
    } catch (RuntimeException | AssertionError | IOException e) {
      process.destroyForcibly();
      throw e;
    }
    return new Chopsticks(process, log, port);
  }

  /** The WebSocket URL a client connects to. */
  public String url() {
    return "ws://127.0.0.1:" + port;
  }

  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(10, TimeUnit.SECONDS)) {
        process.destroyForcibly();
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
  }
}
