/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.offchain;

import static org.assertj.core.api.Assertions.assertThat;

import com.dylibso.chicory.wabt.Wat2Wasm;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.basalt.executor.api.HostServices;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.OverlayedExternalities;
import io.basalt.executor.state.StateBackend;
import io.basalt.executor.vm.RuntimeBlob;
import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.chain.DatabaseOffchainStorage;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.storage.kv.InMemoryKeyValueStore;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.http.HttpClient;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The node's offchain context through the host functions, from Wasm on the real executor: real HTTP
 * against a server on 127.0.0.1 (headers, bodies, a 404, a deadline that expires, a refused
 * connection), the clock, randomness, the node role and transaction submission.
 */
class NodeOffchainContextIT {
  private static final HttpClient CLIENT = NodeOffchainContext.httpClient();
  private static Runtimes runtimes;

  private HttpServer server;
  private final ConcurrentLinkedQueue<String> seen = new ConcurrentLinkedQueue<>();
  private SubmittedTransactions submitted;
  private NodeOffchainContext context;

  @BeforeAll
  static void startExecutor() {
    runtimes = Runtimes.create(WasmExecutionMethod.COMPILED, Optional.empty());
  }

  @AfterAll
  static void stopExecutor() {
    runtimes.close();
  }

  @BeforeEach
  void startServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.setExecutor(Executors.newCachedThreadPool());
    server.createContext("/hello", e -> reply(e, 200, "hello, basalt"));
    server.createContext(
        "/echo",
        e -> reply(e, 200, new String(e.getRequestBody().readAllBytes(), StandardCharsets.UTF_8)));
    server.createContext(
        "/slow",
        e -> {
          try {
            Thread.sleep(3_000);
          } catch (InterruptedException ex) {
            Thread.currentThread().interrupt();
          }
          reply(e, 200, "too late");
        });
    server.createContext("/", e -> reply(e, 404, "no such page"));
    server.start();
    submitted = new SubmittedTransactions(2);
    context = NodeOffchainContext.create(true, CLIENT, submitted);
  }

  @AfterEach
  void stopServer() {
    context.close();
    server.stop(0);
  }

  private void reply(HttpExchange exchange, int status, String body) throws IOException {
    seen.add(
        exchange.getRequestMethod()
            + " "
            + exchange.getRequestURI().getPath()
            + " x-basalt="
            + exchange.getRequestHeaders().getFirst("X-Basalt"));
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("X-Reply", "yes");
    exchange.sendResponseHeaders(status, bytes.length);
    exchange.getResponseBody().write(bytes);
    exchange.close();
  }

  private String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  private HostServices services(NodeOffchainContext ctx) {
    return Runtimes.services()
        .withOffchain(ctx, new DatabaseOffchainStorage(new InMemoryKeyValueStore()));
  }

  private byte[] call(RuntimeBlob blob, String export, byte[] input, NodeOffchainContext ctx) {
    return runtimes
        .executor()
        .call(
            blob,
            export,
            input,
            new OverlayedExternalities(new OverlayedChanges(), StateBackend.empty()),
            services(ctx));
  }

  /** The records a {@link HttpProbe} run wrote: each host result, and each body chunk read. */
  private List<byte[]> http(HttpProbe probe) {
    byte[] out = call(probe.module(), "Test_http", new byte[0], context);
    List<byte[]> records = new ArrayList<>();
    ByteBuffer b = ByteBuffer.wrap(out).order(ByteOrder.LITTLE_ENDIAN);
    while (b.hasRemaining()) {
      byte[] record = new byte[b.getInt()];
      b.get(record);
      records.add(record);
    }
    return records;
  }

  private static byte[] deadline(Optional<Long> at) {
    return ScaleCodec.option(ScaleCodec.U64).encode(at);
  }

  private static int requestId(byte[] startResult) {
    assertThat(startResult).hasSize(3).startsWith(0);
    return (startResult[1] & 0xff) | (startResult[2] & 0xff) << 8;
  }

  /** The response body: the chunks between the read results, which end with Ok(0). */
  private static String body(List<byte[]> records, int firstRead) {
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    int i = firstRead;
    while (records.get(i).length == 5 && records.get(i)[0] == 0 && readCount(records.get(i)) > 0) {
      assertThat(records.get(i + 1)).hasSize(readCount(records.get(i)));
      body.writeBytes(records.get(i + 1));
      i += 2;
    }
    assertThat(records.get(i)).as("the last read: Ok(0)").containsExactly(0, 0, 0, 0, 0);
    assertThat(records).hasSize(i + 1);
    return body.toString(StandardCharsets.UTF_8);
  }

  private static int readCount(byte[] okU32) {
    return ByteBuffer.wrap(okU32, 1, 4).order(ByteOrder.LITTLE_ENDIAN).getInt();
  }

  @Test
  void getWithAHeaderReturnsTheStatusHeadersAndBody() {
    List<byte[]> r =
        http(
            HttpProbe.request("GET", url("/hello"))
                .header("X-Basalt", "1")
                .deadline(deadline(Optional.empty())));
    int id = requestId(r.get(0));
    assertThat(id).as("a random first id below 2000").isLessThan(2000);
    assertThat(r.get(1)).as("add_header Ok").containsExactly(0);
    assertThat(r.get(2)).as("finalising write Ok").containsExactly(0);
    assertThat(r.get(3)).as("wait: [Finished(200)]").containsExactly(4, 3, 200, 0);
    byte[] headers = r.get(4);
    List<io.basalt.primitives.scale.Tuple2<Bytes, Bytes>> decoded =
        ScaleCodec.vec(ScaleCodec.tuple(ScaleCodec.BYTES, ScaleCodec.BYTES)).decode(headers);
    assertThat(decoded)
        .contains(
            new io.basalt.primitives.scale.Tuple2<>(
                Bytes.wrap("x-reply".getBytes(StandardCharsets.US_ASCII)),
                Bytes.wrap("yes".getBytes(StandardCharsets.US_ASCII))));
    assertThat(body(r, 5)).isEqualTo("hello, basalt");
    assertThat(seen).containsExactly("GET /hello x-basalt=1");

    // The next request of the same run gets the next id.
    List<byte[]> again =
        http(HttpProbe.request("GET", url("/hello")).deadline(deadline(Optional.empty())));
    assertThat(requestId(again.get(0))).isEqualTo(id + 1);
  }

  @Test
  void postSendsTheBodyAndA404IsAFinishedRequest() {
    List<byte[]> post =
        http(
            HttpProbe.request("POST", url("/echo"))
                .body("payload from wasm")
                .deadline(deadline(Optional.of(System.currentTimeMillis() + 10_000))));
    assertThat(post.get(1)).as("body chunk Ok").containsExactly(0);
    assertThat(post.get(2)).as("finalising write Ok").containsExactly(0);
    assertThat(post.get(3)).containsExactly(4, 3, 200, 0);
    assertThat(body(post, 5)).isEqualTo("payload from wasm");

    List<byte[]> missing =
        http(HttpProbe.request("GET", url("/nowhere")).deadline(deadline(Optional.empty())));
    assertThat(missing.get(2)).as("wait: [Finished(404)]").containsExactly(4, 3, 0x94, 1);
    assertThat(body(missing, 4)).isEqualTo("no such page");
    assertThat(seen).containsExactly("POST /echo x-basalt=null", "GET /nowhere x-basalt=null");
  }

  @Test
  void aDeadlineThatExpiresLeavesTheRequestPending() {
    long start = System.currentTimeMillis();
    List<byte[]> r =
        http(HttpProbe.request("GET", url("/slow")).deadline(deadline(Optional.of(start + 300))));
    long elapsed = System.currentTimeMillis() - start;
    assertThat(r.get(2)).as("wait: [DeadlineReached]").containsExactly(4, 0);
    assertThat(r.get(3)).as("no headers yet").containsExactly(0);
    assertThat(r.get(4)).as("read_body: Err(DeadlineReached)").containsExactly(1, 1);
    assertThat(r).hasSize(5);
    assertThat(elapsed).as("returned at the deadline, not with the response").isLessThan(2_500);
  }

  @Test
  void aRefusedConnectionIsAnIoErrorAndTheIdIsThenInvalid() throws IOException {
    int closedPort;
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      closedPort = socket.getLocalPort();
    }
    List<byte[]> r =
        http(
            HttpProbe.request("GET", "http://127.0.0.1:" + closedPort + "/")
                .deadline(deadline(Optional.of(System.currentTimeMillis() + 10_000))));
    assertThat(r.get(2)).as("wait: [IoError]").containsExactly(4, 1);
    assertThat(r.get(3)).containsExactly(0);
    assertThat(r.get(4)).as("read_body: Err(Invalid)").containsExactly(1, 3);
  }

  @Test
  void malformedRequestsAreRefusedAtStart() {
    for (String[] bad :
        new String[][] {
          {"GET", "ftp://127.0.0.1/"}, {"GET", "not a uri"}, {"NOT A METHOD", url("/")}
        }) {
      List<byte[]> r = http(HttpProbe.request(bad[0], bad[1]).deadline(deadline(Optional.empty())));
      assertThat(r).as(String.join(" ", bad)).hasSize(1);
      assertThat(r.get(0)).as("Err(())").containsExactly(1);
    }
  }

  private static final RuntimeBlob MISC =
      RuntimeBlob.parse(
          Wat2Wasm.parse(
              """
              (module
                (import "env" "ext_offchain_timestamp_version_1" (func $timestamp (result i64)))
                (import "env" "ext_offchain_sleep_until_version_1" (func $sleep (param i64)))
                (import "env" "ext_offchain_random_seed_version_1" (func $seed (result i32)))
                (import "env" "ext_offchain_is_validator_version_1" (func $validator (result i32)))
                (import "env" "ext_offchain_network_state_version_1" (func $network (result i64)))
                (import "env" "ext_offchain_submit_transaction_version_1"
                  (func $submit (param i64) (result i64)))
                (import "env" "ext_offchain_set_authorized_nodes_version_1"
                  (func $authorize (param i64 i32)))
                (memory (export "memory") 1)
                (global (export "__heap_base") i32 (i32.const 1024))
                (func $input (param $p i32) (param $l i32) (result i64)
                  (i64.or (i64.extend_i32_u (local.get $p))
                          (i64.shl (i64.extend_i32_u (local.get $l)) (i64.const 32))))
                (func (export "Test_timestamp") (param i32 i32) (result i64)
                  (i64.store (i32.const 0) (call $timestamp)) (i64.const 0x0000000800000000))
                (func (export "Test_sleep") (param $p i32) (param $l i32) (result i64)
                  (call $sleep (i64.load (local.get $p))) (i64.const 0))
                (func (export "Test_seed") (param i32 i32) (result i64)
                  (i64.or (i64.extend_i32_u (call $seed)) (i64.const 0x0000002000000000)))
                (func (export "Test_validator") (param i32 i32) (result i64)
                  (i32.store (i32.const 0) (call $validator)) (i64.const 0x0000000400000000))
                (func (export "Test_network") (param i32 i32) (result i64) (call $network))
                (func (export "Test_submit") (param $p i32) (param $l i32) (result i64)
                  (call $submit (call $input (local.get $p) (local.get $l))))
                (func (export "Test_authorize") (param $p i32) (param $l i32) (result i64)
                  (call $authorize (call $input (local.get $p) (local.get $l)) (i32.const 1))
                  (i64.const 0)))
              """));

  private static long u64(byte[] le) {
    return ByteBuffer.wrap(le).order(ByteOrder.LITTLE_ENDIAN).getLong();
  }

  @Test
  void timeSleepRandomnessRoleAndNetworkState() {
    long before = System.currentTimeMillis();
    long now = u64(call(MISC, "Test_timestamp", new byte[0], context));
    assertThat(now).isBetween(before, System.currentTimeMillis());

    long wakeAt = now + 150;
    byte[] deadline = ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(wakeAt).array();
    call(MISC, "Test_sleep", deadline, context);
    assertThat(System.currentTimeMillis()).isGreaterThanOrEqualTo(wakeAt);

    byte[] seed = call(MISC, "Test_seed", new byte[0], context);
    assertThat(seed).hasSize(32).isNotEqualTo(call(MISC, "Test_seed", new byte[0], context));

    assertThat(call(MISC, "Test_validator", new byte[0], context)).containsExactly(1, 0, 0, 0);
    try (NodeOffchainContext full =
        new NodeOffchainContext(false, CLIENT, Clock.systemUTC(), new SecureRandom(), submitted)) {
      assertThat(call(MISC, "Test_validator", new byte[0], full)).containsExactly(0, 0, 0, 0);
    }
    assertThat(call(MISC, "Test_network", new byte[0], context)).as("Err(())").containsExactly(1);
    byte[] nodes = ScaleCodec.vec(ScaleCodec.BYTES).encode(List.of(Bytes.of((byte) 1)));
    assertThat(call(MISC, "Test_authorize", nodes, context)).isEmpty();
  }

  @Test
  void submittedExtrinsicsWaitForThePoolUntilTheQueueIsFull() {
    byte[] extrinsic = new ScaleWriter().writeByteVec(new byte[] {4, 1, 2, 3}).toByteArray();
    assertThat(call(MISC, "Test_submit", extrinsic, context)).as("Ok(())").containsExactly(0);
    byte[] truncated = {(byte) (10 << 2), 1, 2};
    assertThat(call(MISC, "Test_submit", truncated, context))
        .as("not an opaque extrinsic: Err(())")
        .containsExactly(1);
    assertThat(call(MISC, "Test_submit", extrinsic, context)).containsExactly(0);
    assertThat(call(MISC, "Test_submit", extrinsic, context)).as("queue full").containsExactly(1);
    assertThat(submitted.drain()).containsExactly(Bytes.wrap(extrinsic), Bytes.wrap(extrinsic));
    assertThat(call(MISC, "Test_submit", extrinsic, context)).as("room again").containsExactly(0);
  }
}
