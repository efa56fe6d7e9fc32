/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The node as a child JVM on this JVM's class path, for tests that need a real process. */
public final class NodeProcess {
  private static final String RPC_LINE = "Running JSON-RPC server: addr=";
  private static final Pattern RPC_PORT = Pattern.compile(RPC_LINE + "[^ ]*:(\\d+),");

  private NodeProcess() {}

  /** The command that runs {@code node ARGS} in a fresh JVM. */
  public static List<String> command(String... args) {
    return command(List.of(), args);
  }

  /** The command that runs {@code node ARGS} in a fresh JVM with the given JVM options. */
  public static List<String> command(List<String> jvmOptions, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add("--enable-native-access=ALL-UNNAMED");
    command.addAll(jvmOptions);
    command.add("io.basalt.node.Main");
    command.addAll(List.of(args));
    return command;
  }

  /** Starts {@code node ARGS} with stdout and stderr both written to {@code log}. */
  public static Process start(Path log, String... args) throws IOException {
    return start(List.of(), log, args);
  }

  /** Starts {@code node ARGS} under a wrapper command (such as {@code env …}), output to log. */
  public static Process start(List<String> wrapper, Path log, String... args) throws IOException {
    return start(wrapper, List.of(), log, args);
  }

  /** Starts {@code node ARGS} under a wrapper command with JVM options, output to log. */
  public static Process start(
      List<String> wrapper, List<String> jvmOptions, Path log, String... args) throws IOException {
    List<String> command = new ArrayList<>(wrapper);
    command.addAll(command(jvmOptions, args));
    return new ProcessBuilder(command)
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
  }

  /**
   * Runs {@code node ARGS} to its end, stdout and stderr in separate files.
   *
   * @return the exit code
   */
  public static int run(Path out, Path err, String... args)
      throws IOException, InterruptedException {
    return run(List.of(), out, err, args);
  }

  /**
   * Runs {@code node ARGS} with JVM options to its end, stdout and stderr in separate files.
   *
   * @return the exit code
   */
  public static int run(List<String> jvmOptions, Path out, Path err, String... args)
      throws IOException, InterruptedException {
    Process node =
        new ProcessBuilder(command(jvmOptions, args))
            .redirectOutput(out.toFile())
            .redirectError(err.toFile())
            .start();
    if (!node.waitFor(120, TimeUnit.SECONDS)) {
      node.destroyForcibly();
      throw new AssertionError("node did not exit:\n" + read(err));
    }
    return node.exitValue();
  }

  /**
   * Waits until the log contains {@code line}, polling every few milliseconds so that a test can
   * act right after the node reaches a step.
   */
  public static void awaitLine(Process node, Path log, String line, Duration timeout)
      throws IOException, InterruptedException {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (Files.exists(log) && read(log).contains(line)) {
        return;
      }
      if (!node.isAlive()) {
        throw new AssertionError("node exited early:\n" + read(log));
      }
      Thread.sleep(2);
    }
    node.destroyForcibly();
    throw new AssertionError("timed out waiting for \"" + line + "\":\n" + read(log));
  }

  /**
   * Waits for the node's {@code Running JSON-RPC server} line and returns the port it names (the
   * node was started with {@code --rpc-port 0}).
   */
  public static int awaitRpcPort(Process node, Path log, Duration timeout)
      throws IOException, InterruptedException {
    awaitLine(node, log, RPC_LINE, timeout);
    Matcher port = RPC_PORT.matcher(read(log));
    if (!port.find()) {
      throw new AssertionError("no port in the JSON-RPC line:\n" + read(log));
    }
    return Integer.parseInt(port.group(1));
  }

  public static String read(Path log) throws IOException {
    return Files.readString(log, StandardCharsets.UTF_8);
  }
}
