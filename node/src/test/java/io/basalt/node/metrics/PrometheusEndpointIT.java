/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.code.CodeSource;
import io.basalt.executor.strategy.ApiCall;
import io.basalt.executor.strategy.CallOutcome;
import io.basalt.executor.strategy.Divergence;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.executor.strategy.ExecutionObserver;
import io.basalt.executor.strategy.ExecutorKind;
import io.basalt.node.config.PrometheusConfig;
import io.basalt.node.failure.UserFacingException;
import io.basalt.primitives.bytes.Bytes;
import java.io.IOException;
import java.net.ConnectException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The exporter over real HTTP on 127.0.0.1, with ephemeral ports. */
class PrometheusEndpointIT {
  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final PrometheusConfig ANY_LOOPBACK_PORT = PrometheusConfig.listening(0, false);

  static HttpResponse<String> request(PrometheusEndpoint endpoint, String method, String path)
      throws IOException, InterruptedException {
    return request(endpoint.address().orElseThrow().getPort(), method, path);
  }

  static HttpResponse<String> request(int port, String method, String path)
      throws IOException, InterruptedException {
    HttpRequest request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .method(method, HttpRequest.BodyPublishers.noBody())
            .build();
    return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
  }

  /** The scrape's lines grouped by family: the name of each {@code # HELP} line to its lines. */
  static Map<String, List<String>> families(String body) {
    Map<String, List<String>> families = new LinkedHashMap<>();
    List<String> current = new ArrayList<>();
    for (String line : body.lines().toList()) {
      if (line.startsWith("# HELP ")) {
        current = new ArrayList<>();
        families.put(line.substring(7, line.indexOf(' ', 7)), current);
      }
      current.add(line);
    }
    return families;
  }

  @Test
  void servesEveryMetricUnderSubstratesExactNamesAfterTheFacadeIsFed() throws Exception {
    NodeMetrics metrics = NodeMetricsTest.metrics(true);
    AtomicLong best = new AtomicLong(7);
    metrics.watchChain(best::get, () -> 5, () -> 2);
    metrics.watchTransactionPool(() -> 3);
    metrics.blockVerified(true, Duration.ofMillis(3));
    metrics.blockVerified(false, Duration.ofMillis(30));
    metrics.blockImported(Duration.ofMillis(20));
    metrics.blockImported(Duration.ofMillis(700));
    metrics.blockImportFailed(ImportFailure.UNKNOWN_PARENT);
    metrics.inherentsCreated(Duration.ofMillis(2));
    metrics.blockProposed(
        3, Duration.ofMillis(40), Duration.ofMillis(45), EndProposalReason.NO_MORE_TRANSACTIONS);
    metrics.transactionsSubmitted(4);
    metrics.transactionsInvalid(1);
    metrics.transactionsPruned(2);
    metrics.transactionsResubmitted(1);
    ExecutionObserver observer = metrics.executionObserver();
    observer.called(ExecutionContext.IMPORTING, ExecutorKind.WASM, "Core_execute_block");
    observer.called(ExecutionContext.IMPORTING, ExecutorKind.WASM, "Core_execute_block");
    observer.called(ExecutionContext.OTHER, ExecutorKind.NATIVE, "Core_version");
    observer.mismatch(
        new Divergence(
            new ApiCall(
                ExecutionContext.BLOCK_CONSTRUCTION,
                NodeMetricsTest.runtime(100, CodeSource.ON_CHAIN),
                "BlockBuilder_finalize_block",
                Bytes.EMPTY,
                "block #8"),
            new CallOutcome.Returned(Bytes.of((byte) 1)),
            new CallOutcome.Returned(Bytes.of((byte) 2)),
            List.of()));
    metrics.runtimeCompiled(Duration.ofMillis(1500));
    metrics.runtimeLoaded(NodeMetricsTest.runtime(100, CodeSource.OVERRIDE));

    try (PrometheusEndpoint endpoint = PrometheusEndpoint.start(ANY_LOOPBACK_PORT, metrics)) {
      best.set(8);
      HttpResponse<String> response = request(endpoint, "GET", "/metrics");
      assertThat(response.statusCode()).isEqualTo(200);
      assertThat(response.headers().firstValue("Content-Type"))
          .contains("text/plain; version=0.0.4");
      Map<String, List<String>> families = families(response.body());

      assertThat(families.keySet())
          .containsExactly(
              "basalt_runtime_calls_total",
              "basalt_runtime_code_info",
              "basalt_runtime_compile_seconds",
              "basalt_runtime_mismatches_total",
              "substrate_block_height",
              "substrate_block_verification_and_import_time",
              "substrate_block_verification_time",
              "substrate_build_info",
              "substrate_import_queue_processed_total",
              "substrate_node_roles",
              "substrate_number_leaves",
              "substrate_process_start_time_seconds",
              "substrate_proposer_block_constructed",
              "substrate_proposer_block_proposal_time",
              "substrate_proposer_create_inherents_time",
              "substrate_proposer_end_proposal_reason",
              "substrate_proposer_number_of_transactions",
              "substrate_ready_transactions_number",
              "substrate_sub_txpool_block_transactions_pruned",
              "substrate_sub_txpool_block_transactions_resubmitted",
              "substrate_sub_txpool_submitted_transactions",
              "substrate_sub_txpool_validations_invalid");

      assertThat(families.get("substrate_block_height"))
          .containsExactly(
              "# HELP substrate_block_height Block height info of the chain",
              "# TYPE substrate_block_height gauge",
              "substrate_block_height{chain=\"dev\",status=\"best\"} 8",
              "substrate_block_height{chain=\"dev\",status=\"finalized\"} 5",
              "substrate_block_height{chain=\"dev\",status=\"sync_target\"} 8");
      assertThat(families.get("substrate_number_leaves"))
          .containsExactly(
              "# HELP substrate_number_leaves Number of known chain leaves (aka forks)",
              "# TYPE substrate_number_leaves gauge",
              "substrate_number_leaves{chain=\"dev\"} 2");
      assertThat(families.get("substrate_ready_transactions_number"))
          .containsExactly(
              "# HELP substrate_ready_transactions_number Number of transactions in the ready queue",
              "# TYPE substrate_ready_transactions_number gauge",
              "substrate_ready_transactions_number{chain=\"dev\"} 3");
      assertThat(families.get("substrate_build_info"))
          .containsExactly(
              "# HELP substrate_build_info A metric with a constant '1' value labeled by name,"
                  + " version",
              "# TYPE substrate_build_info gauge",
              "substrate_build_info{chain=\"dev\",name=\"Alice\",version=\"0.1.0-test\"} 1");
      assertThat(families.get("substrate_node_roles"))
          .containsExactly(
              "# HELP substrate_node_roles The roles the node is running as",
              "# TYPE substrate_node_roles gauge",
              "substrate_node_roles{chain=\"dev\"} 4");
      assertThat(families.get("substrate_process_start_time_seconds"))
          .containsExactly(
              "# HELP substrate_process_start_time_seconds Number of seconds between the UNIX"
                  + " epoch and the moment the process started",
              "# TYPE substrate_process_start_time_seconds gauge",
              "substrate_process_start_time_seconds{chain=\"dev\"} 1767323045");

      assertThat(families.get("substrate_import_queue_processed_total"))
          .containsExactly(
              "# HELP substrate_import_queue_processed_total Blocks processed by import queue",
              "# TYPE substrate_import_queue_processed_total counter",
              "substrate_import_queue_processed_total{chain=\"dev\",result=\"success\"} 2",
              "substrate_import_queue_processed_total{chain=\"dev\",result=\"unknown_parent\"} 1");
      assertThat(families.get("substrate_block_verification_and_import_time"))
          .containsExactly(
              "# HELP substrate_block_verification_and_import_time Time taken to verify and import"
                  + " blocks",
              "# TYPE substrate_block_verification_and_import_time histogram",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"0.005\"} 0",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"0.01\"} 0",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"0.025\"} 1",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"0.05\"} 1",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"0.1\"} 1",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"0.25\"} 1",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"0.5\"} 1",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"1\"} 2",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"2.5\"} 2",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"5\"} 2",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"10\"} 2",
              "substrate_block_verification_and_import_time_bucket{chain=\"dev\",le=\"+Inf\"} 2",
              "substrate_block_verification_and_import_time_sum{chain=\"dev\"} 0.72",
              "substrate_block_verification_and_import_time_count{chain=\"dev\"} 2");
      assertThat(families.get("substrate_block_verification_time"))
          .startsWith(
              "# HELP substrate_block_verification_time Time taken to verify blocks",
              "# TYPE substrate_block_verification_time histogram",
              "substrate_block_verification_time_bucket{chain=\"dev\",result=\"success\",le=\"0.005\"}"
                  + " 1")
          .contains(
              "substrate_block_verification_time_count{chain=\"dev\",result=\"success\"} 1",
              "substrate_block_verification_time_bucket{chain=\"dev\",result=\"verification_failed\","
                  + "le=\"0.025\"} 0",
              "substrate_block_verification_time_bucket{chain=\"dev\",result=\"verification_failed\","
                  + "le=\"0.05\"} 1",
              "substrate_block_verification_time_sum{chain=\"dev\",result=\"verification_failed\"}"
                  + " 0.03");

      assertThat(families.get("substrate_proposer_block_constructed"))
          .startsWith(
              "# HELP substrate_proposer_block_constructed Histogram of time taken to construct new"
                  + " block",
              "# TYPE substrate_proposer_block_constructed histogram")
          .contains(
              "substrate_proposer_block_constructed_bucket{chain=\"dev\",le=\"0.025\"} 0",
              "substrate_proposer_block_constructed_bucket{chain=\"dev\",le=\"0.05\"} 1",
              "substrate_proposer_block_constructed_sum{chain=\"dev\"} 0.04",
              "substrate_proposer_block_constructed_count{chain=\"dev\"} 1");
      assertThat(families.get("substrate_proposer_block_proposal_time"))
          .startsWith(
              "# HELP substrate_proposer_block_proposal_time Histogram of time taken to construct a"
                  + " block and prepare it for proposal",
              "# TYPE substrate_proposer_block_proposal_time histogram")
          .contains("substrate_proposer_block_proposal_time_sum{chain=\"dev\"} 0.045");
      assertThat(families.get("substrate_proposer_create_inherents_time"))
          .startsWith(
              "# HELP substrate_proposer_create_inherents_time Histogram of time taken to execute"
                  + " create inherents",
              "# TYPE substrate_proposer_create_inherents_time histogram",
              "substrate_proposer_create_inherents_time_bucket{chain=\"dev\",le=\"0.005\"} 1");
      assertThat(families.get("substrate_proposer_number_of_transactions"))
          .containsExactly(
              "# HELP substrate_proposer_number_of_transactions Number of transactions included in"
                  + " block",
              "# TYPE substrate_proposer_number_of_transactions gauge",
              "substrate_proposer_number_of_transactions{chain=\"dev\"} 3");
      assertThat(families.get("substrate_proposer_end_proposal_reason"))
          .containsExactly(
              "# HELP substrate_proposer_end_proposal_reason The reason why the block proposing was"
                  + " ended. This doesn't include errors.",
              "# TYPE substrate_proposer_end_proposal_reason counter",
              "substrate_proposer_end_proposal_reason{chain=\"dev\",reason=\"no_more_transactions\"}"
                  + " 1");

      assertThat(families.get("substrate_sub_txpool_submitted_transactions"))
          .containsExactly(
              "# HELP substrate_sub_txpool_submitted_transactions Total number of transactions"
                  + " submitted",
              "# TYPE substrate_sub_txpool_submitted_transactions counter",
              "substrate_sub_txpool_submitted_transactions{chain=\"dev\"} 4");
      assertThat(families.get("substrate_sub_txpool_validations_invalid"))
          .contains("substrate_sub_txpool_validations_invalid{chain=\"dev\"} 1");
      assertThat(families.get("substrate_sub_txpool_block_transactions_pruned"))
          .contains("substrate_sub_txpool_block_transactions_pruned{chain=\"dev\"} 2");
      assertThat(families.get("substrate_sub_txpool_block_transactions_resubmitted"))
          .contains("substrate_sub_txpool_block_transactions_resubmitted{chain=\"dev\"} 1");

      assertThat(families.get("basalt_runtime_calls_total"))
          .containsExactly(
              "# HELP basalt_runtime_calls_total Runtime calls by execution context and the"
                  + " implementation that ran",
              "# TYPE basalt_runtime_calls_total counter",
              "basalt_runtime_calls_total{chain=\"dev\",context=\"block_construction\",executor=\"native\"} 0",
              "basalt_runtime_calls_total{chain=\"dev\",context=\"block_construction\",executor=\"wasm\"} 0",
              "basalt_runtime_calls_total{chain=\"dev\",context=\"import_block\",executor=\"native\"} 0",
              "basalt_runtime_calls_total{chain=\"dev\",context=\"import_block\",executor=\"wasm\"} 2",
              "basalt_runtime_calls_total{chain=\"dev\",context=\"offchain_worker\",executor=\"native\"} 0",
              "basalt_runtime_calls_total{chain=\"dev\",context=\"offchain_worker\",executor=\"wasm\"} 0",
              "basalt_runtime_calls_total{chain=\"dev\",context=\"other\",executor=\"native\"} 1",
              "basalt_runtime_calls_total{chain=\"dev\",context=\"other\",executor=\"wasm\"} 0",
              "basalt_runtime_calls_total{chain=\"dev\",context=\"syncing\",executor=\"native\"} 0",
              "basalt_runtime_calls_total{chain=\"dev\",context=\"syncing\",executor=\"wasm\"} 0");
      assertThat(families.get("basalt_runtime_mismatches_total"))
          .contains(
              "# TYPE basalt_runtime_mismatches_total counter",
              "basalt_runtime_mismatches_total{chain=\"dev\",context=\"block_construction\"} 1",
              "basalt_runtime_mismatches_total{chain=\"dev\",context=\"import_block\"} 0");
      assertThat(families.get("basalt_runtime_compile_seconds"))
          .contains(
              "# TYPE basalt_runtime_compile_seconds histogram",
              "basalt_runtime_compile_seconds_bucket{chain=\"dev\",le=\"1\"} 0",
              "basalt_runtime_compile_seconds_bucket{chain=\"dev\",le=\"2.5\"} 1",
              "basalt_runtime_compile_seconds_sum{chain=\"dev\"} 1.5",
              "basalt_runtime_compile_seconds_count{chain=\"dev\"} 1");
      assertThat(families.get("basalt_runtime_code_info"))
          .contains(
              "# TYPE basalt_runtime_code_info gauge",
              "basalt_runtime_code_info{chain=\"dev\",code_hash=\"0xf6a5dbf080e9c9d7834145653bce4c8"
                  + "cded62e664d7ddcdb5c526f5877006d74\",source=\"override\","
                  + "spec_name=\"basalt-demo\",spec_version=\"100\"} 1");
    }
  }

  @Test
  void answersOnlyMetricsAsSubstrateDoes() throws Exception {
    try (PrometheusEndpoint endpoint =
        PrometheusEndpoint.start(ANY_LOOPBACK_PORT, NodeMetricsTest.metrics(false))) {
      for (String path : new String[] {"/", "/metrics/", "/favicon.ico", "/metricsx"}) {
        HttpResponse<String> response = request(endpoint, "GET", path);
        assertThat(response.statusCode()).as(path).isEqualTo(404);
        assertThat(response.body()).isEqualTo("Not found.");
      }
      HttpResponse<String> query = request(endpoint, "GET", "/metrics?name[]=x");
      assertThat(query.statusCode()).isEqualTo(200);
      assertThat(query.body()).contains("substrate_node_roles{chain=\"dev\"} 1\n");
      HttpResponse<String> head = request(endpoint, "HEAD", "/metrics");
      assertThat(head.statusCode()).isEqualTo(200);
      assertThat(head.body()).isEmpty();
    }
  }

  @Test
  void listensOnLoopbackByDefaultAndOnEveryInterfaceWhenExternal() throws Exception {
    try (PrometheusEndpoint loopback =
            PrometheusEndpoint.start(ANY_LOOPBACK_PORT, NodeMetricsTest.metrics(false));
        PrometheusEndpoint external =
            PrometheusEndpoint.start(
                PrometheusConfig.listening(0, true), NodeMetricsTest.metrics(false))) {
      InetSocketAddress local = loopback.address().orElseThrow();
      assertThat(local.getAddress().getHostAddress()).isEqualTo("127.0.0.1");
      assertThat(local.getPort()).isPositive();
      InetSocketAddress all = external.address().orElseThrow();
      assertThat(all.getAddress().isAnyLocalAddress()).isTrue();
      assertThat(request(external, "GET", "/metrics").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void aPortInUseIsOneLineSayingSo() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();
      assertThatThrownBy(
              () ->
                  PrometheusEndpoint.start(
                      PrometheusConfig.listening(port, false), NodeMetricsTest.metrics(false)))
          .isInstanceOf(UserFacingException.class)
          .hasMessage("Prometheus port 127.0.0.1:" + port + " already in use.");
    }
  }

  @Test
  void closingFreesThePort() throws Exception {
    NodeMetrics metrics = NodeMetricsTest.metrics(false);
    PrometheusEndpoint first = PrometheusEndpoint.start(ANY_LOOPBACK_PORT, metrics);
    int port = first.address().orElseThrow().getPort();
    first.close();
    assertThatThrownBy(() -> request(port, "GET", "/metrics")).isInstanceOf(ConnectException.class);
    try (PrometheusEndpoint again =
        PrometheusEndpoint.start(PrometheusConfig.listening(port, false), metrics)) {
      assertThat(request(again, "GET", "/metrics").statusCode()).isEqualTo(200);
    }
  }

  @Test
  void noPrometheusStartsNothing() {
    try (PrometheusEndpoint none =
        PrometheusEndpoint.start(PrometheusConfig.disabled(), NodeMetrics.disabled())) {
      assertThat(none.address()).isEmpty();
    }
  }

  @Test
  void disabledMetricsCannotBeExposed() {
    assertThatThrownBy(() -> PrometheusEndpoint.start(ANY_LOOPBACK_PORT, NodeMetrics.disabled()))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("an exporter needs NodeMetrics.create, not disabled()");
  }
}
