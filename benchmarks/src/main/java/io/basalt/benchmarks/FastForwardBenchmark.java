/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.chainspec.ChainSpec;
import io.basalt.node.chain.ChainSpecs;
import io.basalt.node.cli.NodeCommand;
import io.basalt.node.config.BasePath;
import io.basalt.node.log.LogSetup;
import io.basalt.node.service.NodeService;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OperationsPerInvocation;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import picocli.CommandLine;

/**
 * Fast-forward on a real chain, Basalt side by side with Chopsticks 1.5.1 in the same run: empty
 * blocks made on demand with Chopsticks' {@code dev_newBlock({count: 10})} over HTTP JSON-RPC, on
 * the fixture chain under test, as a test script drives either.
 *
 * <ul>
 *   <li>{@code basalt}: a node in this JVM ({@code node --chain SPEC --alice --consensus manual}),
 *       so each block takes the next slot Alice can claim, is sealed, imported through the
 *       verifying pipeline and stored in RocksDB (on westend-dev, where Alice holds every GRANDPA
 *       vote, the local voter also finalizes it);
 *   <li>{@code chopsticks}: {@code chopsticks --genesis SPEC} (from {@code benchmarks/rpc}, {@code
 *       npm ci} there first), which builds the block with its Wasm executor and keeps it in memory.
 * </ul>
 *
 * The score is blocks per second. Needs the fixtures ({@code BASALT_FIXTURES}), Node.js and the
 * repository root ({@code BASALT_ROOT}; {@code bin/bench} sets both).
 *
 * <pre>{@code
 * bin/bench FastForward -f 1 -wi 2 -i 5 -w 5s -r 5s
 * }</pre>
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class FastForwardBenchmark {
  private static final int BLOCKS_PER_CALL = 10;
  private static final ObjectMapper JSON = new ObjectMapper();

  @Param({"node-template-local", "westend-dev"})
  public String chain;

  @Param({"basalt", "chopsticks"})
  public String peer;

  private Path work;
  private NodeService node;
  private Process chopsticks;
  private URI rpc;
  private final HttpClient http =
      HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

  @Setup(Level.Trial)
  public void start() throws IOException, InterruptedException {
    LogSetup.apply(List.of("basalt=warn"));
    Path spec = BenchmarkData.fixtures().resolve("chainspecs/" + chain + ".json");
    work = Files.createTempDirectory("basalt-fastforward");
    if (peer.equals("basalt")) {
      ChainSpec loaded = ChainSpecs.load(spec.toString());
      NodeCommand command = new NodeCommand();
      new CommandLine(command)
          .parseArgs(
              "--chain",
              spec.toString(),
              "-d",
              work.toString(),
              "--alice",
              "--consensus",
              "manual",
              "--rpc-port",
              "0",
              "--no-prometheus");
      node = NodeService.start(command.toConfig(), loaded, Clock.systemUTC());
      rpc = loopback(node.rpcAddress().orElseThrow().getPort());
    } else {
      int port = freePort();
      Path root = Path.of(System.getenv().getOrDefault("BASALT_ROOT", "."));
      Path bench = root.resolve("benchmarks/rpc");
      chopsticks =
          new ProcessBuilder(
                  "node",
                  "node_modules/@acala-network/chopsticks/chopsticks.cjs",
                  "--genesis",
                  chopsticksSpec(spec).toString(),
                  "--host",
                  InetAddress.getLoopbackAddress().getHostAddress(),
                  "--port",
                  Integer.toString(port))
              .directory(bench.toFile())
              .redirectErrorStream(true)
              .redirectOutput(work.resolve("chopsticks.log").toFile())
              .start();
      rpc = loopback(port);
      awaitAnswer(Duration.ofMinutes(5));
    }
    newBlocks(); // the first blocks compile and warm whatever each peer caches
  }

  @TearDown(Level.Trial)
  public void stop() throws InterruptedException {
    if (node != null) {
      node.close();
    }
    if (chopsticks != null) {
      chopsticks.destroy();
      if (!chopsticks.waitFor(30, TimeUnit.SECONDS)) {
        chopsticks.destroyForcibly();
      }
    }
    BasePath.deleteRecursively(work);
  }

  /** Ten empty blocks on the best block, as a script fast-forwards a chain. */
  @Benchmark
  @OperationsPerInvocation(BLOCKS_PER_CALL)
  public String newBlocks() throws IOException, InterruptedException {
    JsonNode answer =
        call("dev_newBlock", "[{\"count\":" + BLOCKS_PER_CALL + "}]", Duration.ofMinutes(5));
    if (!answer.has("result")) {
      throw new IllegalStateException(peer + " made no blocks: " + answer);
    }
    return answer.get("result").asText();
  }

  private JsonNode call(String method, String params, Duration timeout)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(rpc)
            .timeout(timeout)
            .header("Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofString(
                    "{\"jsonrpc\":\"2.0\",\"id\":1,\"method\":\""
                        + method
                        + "\",\"params\":"
                        + params
                        + "}"))
            .build();
    return JSON.readTree(http.send(request, HttpResponse.BodyHandlers.ofString()).body());
  }

  private void awaitAnswer(Duration limit) throws IOException, InterruptedException {
    long deadline = System.nanoTime() + limit.toNanos();
    while (System.nanoTime() < deadline) {
      if (!chopsticks.isAlive()) {
        throw new IllegalStateException(
            "Chopsticks stopped: " + Files.readString(work.resolve("chopsticks.log")));
      }
      try {
        call("chain_getHeader", "[]", Duration.ofSeconds(5));
        return;
      } catch (IOException e) {
        Thread.sleep(500);
      }
    }
    throw new IllegalStateException("Chopsticks does not answer after " + limit);
  }

  /**
   * The spec as Chopsticks 1.5.1 reads it: it refuses {@code "properties": null} (westend-dev's),
   * so such a spec is given to it as a copy with empty properties.
   */
  private Path chopsticksSpec(Path spec) throws IOException {
    JsonNode tree = JSON.readTree(spec.toFile());
    if (!tree.path("properties").isNull()) {
      return spec;
    }
    ((com.fasterxml.jackson.databind.node.ObjectNode) tree).putObject("properties");
    Path copy = work.resolve("chopsticks-" + spec.getFileName());
    JSON.writeValue(copy.toFile(), tree);
    return copy;
  }

  private static URI loopback(int port) {
    return URI.create("http://" + InetAddress.getLoopbackAddress().getHostAddress() + ":" + port);
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    }
  }
}
