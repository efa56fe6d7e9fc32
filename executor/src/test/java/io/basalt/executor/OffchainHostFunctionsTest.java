/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor;

import static io.basalt.executor.WatProbes.EXECUTOR;
import static io.basalt.executor.WatProbes.SERVICES;
import static io.basalt.executor.WatProbes.ascii;
import static io.basalt.executor.WatProbes.b;
import static io.basalt.executor.WatProbes.concat;
import static io.basalt.executor.WatProbes.ext;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.api.OffchainContext;
import io.basalt.executor.api.OffchainStorage;
import io.basalt.executor.host.HostFunctionRegistry;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.executor.vm.WasmValueType;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.Result;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.Tuple2;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * {@code ext_offchain_*} inside a granted offchain context: each function's arguments as the
 * context receives them and its result bytes (sp-core's offchain types, host-api.md §5), and the
 * trap of every one of them outside an offchain context.
 */
class OffchainHostFunctionsTest {
  /**
   * An offchain context that records how each call was decoded and answers what the test set up.
   */
  static final class RecordingOffchainContext implements OffchainContext {
    final List<String> calls = new ArrayList<>();
    boolean validator;
    boolean accept;
    Optional<OpaqueNetworkState> network = Optional.empty();
    long now;
    Hash256 seed = Hash256.wrap(new byte[32]);
    OptionalInt requestId = OptionalInt.empty();
    Optional<HttpError> writeError = Optional.empty();
    List<HttpRequestStatus> statuses = List.of();
    List<Tuple2<Bytes, Bytes>> headers = List.of();
    Result<Bytes, HttpError> body = Result.ok(Bytes.EMPTY);

    private static String deadline(OptionalLong deadline) {
      return deadline.isPresent() ? Long.toString(deadline.getAsLong()) : "none";
    }

    @Override
    public boolean isValidator() {
      calls.add("is_validator");
      return validator;
    }

    @Override
    public boolean submitTransaction(Bytes extrinsic) {
      calls.add("submit_transaction " + extrinsic);
      return accept;
    }

    @Override
    public Optional<OpaqueNetworkState> networkState() {
      calls.add("network_state");
      return network;
    }

    @Override
    public long timestamp() {
      calls.add("timestamp");
      return now;
    }

    @Override
    public void sleepUntil(long deadlineMillis) {
      calls.add("sleep_until " + deadlineMillis);
    }

    @Override
    public Hash256 randomSeed() {
      calls.add("random_seed");
      return seed;
    }

    @Override
    public OptionalInt httpRequestStart(String method, String uri, Bytes meta) {
      calls.add("http_request_start " + method + " " + uri + " " + meta);
      return requestId;
    }

    @Override
    public boolean httpRequestAddHeader(int id, String name, String value) {
      calls.add("http_request_add_header " + id + " " + name + ": " + value);
      return accept;
    }

    @Override
    public Optional<HttpError> httpRequestWriteBody(int id, Bytes chunk, OptionalLong deadline) {
      calls.add("http_request_write_body " + id + " " + chunk + " " + deadline(deadline));
      return writeError;
    }

    @Override
    public List<HttpRequestStatus> httpResponseWait(List<Integer> ids, OptionalLong deadline) {
      calls.add("http_response_wait " + ids + " " + deadline(deadline));
      return statuses;
    }

    @Override
    public List<Tuple2<Bytes, Bytes>> httpResponseHeaders(int id) {
      calls.add("http_response_headers " + id);
      return headers;
    }

    @Override
    public Result<Bytes, HttpError> httpResponseReadBody(
        int id, int maxLength, OptionalLong deadline) {
      calls.add("http_response_read_body " + id + " " + maxLength + " " + deadline(deadline));
      return body;
    }

    @Override
    public void setAuthorizedNodes(List<Bytes> nodes, boolean authorizedOnly) {
      calls.add("set_authorized_nodes " + nodes + " " + authorizedOnly);
    }
  }

  private final RecordingOffchainContext context = new RecordingOffchainContext();
  private final HostServices offchain =
      SERVICES.withOffchain(
          context,
          new OffchainStorage() {
            @Override
            public void set(Kind kind, Bytes key, Bytes value) {}

            @Override
            public void clear(Kind kind, Bytes key) {}

            @Override
            public Optional<Bytes> get(Kind kind, Bytes key) {
              return Optional.empty();
            }

            @Override
            public boolean compareAndSet(
                Kind kind, Bytes key, Optional<Bytes> expected, Bytes newValue) {
              return false;
            }
          });

  private byte[] bytes(HostCallProbe probe) {
    return probe.returnedBytes(EXECUTOR, ext(), offchain);
  }

  private long value(HostCallProbe probe) {
    return probe.value(EXECUTOR, ext(), offchain);
  }

  private byte[] deadline(Optional<Long> deadline) {
    return ScaleCodec.option(ScaleCodec.U64).encode(deadline);
  }

  @Test
  void isValidatorSubmitTransactionAndNetworkState() {
    HostCallProbe isValidator = HostCallProbe.of("ext_offchain_is_validator_version_1");
    assertThat(value(isValidator)).isZero();
    context.validator = true;
    assertThat(value(isValidator)).isEqualTo(1);

    byte[] extrinsic = {0x10, 4, 1, 2, 3};
    HostCallProbe submit =
        HostCallProbe.of("ext_offchain_submit_transaction_version_1").ps(extrinsic);
    context.accept = true;
    assertThat(bytes(submit)).as("Ok(())").containsExactly(0);
    context.accept = false;
    assertThat(bytes(submit)).as("Err(())").containsExactly(1);
    assertThat(context.calls).contains("submit_transaction 0x1004010203");

    HostCallProbe network = HostCallProbe.of("ext_offchain_network_state_version_1");
    assertThat(bytes(network)).as("Err(())").containsExactly(1);
    context.network =
        Optional.of(
            new OffchainContext.OpaqueNetworkState(
                Bytes.of((byte) 0xaa, (byte) 0xbb),
                List.of(Bytes.of((byte) 1), Bytes.of((byte) 2, (byte) 3))));
    assertThat(bytes(network))
        .as("Ok(OpaqueNetworkState { peer_id, external_addresses })")
        .containsExactly(0, 8, 0xaa, 0xbb, 8, 4, 1, 8, 2, 3);
  }

  @Test
  void timestampSleepUntilAndRandomSeed() {
    context.now = 1_700_000_000_123L;
    assertThat(value(HostCallProbe.of("ext_offchain_timestamp_version_1")))
        .isEqualTo(1_700_000_000_123L);
    HostCallProbe.of("ext_offchain_sleep_until_version_1")
        .i64(1_700_000_000_500L)
        .run(EXECUTOR, ext(), offchain);
    assertThat(context.calls).contains("sleep_until 1700000000500");

    byte[] seed = new byte[32];
    for (int i = 0; i < seed.length; i++) {
      seed[i] = (byte) (i * 7);
    }
    context.seed = Hash256.wrap(seed);
    assertThat(
            HostCallProbe.of("ext_offchain_random_seed_version_1")
                .pointedBytes(EXECUTOR, ext(), offchain, 32))
        .isEqualTo(seed);
  }

  @Test
  void httpRequestStartAddHeaderAndWriteBody() {
    HostCallProbe start =
        HostCallProbe.of("ext_offchain_http_request_start_version_1")
            .ps("POST")
            .ps("http://127.0.0.1:1/submit")
            .ps(new byte[] {9});
    context.requestId = OptionalInt.of(0x1234);
    assertThat(bytes(start)).as("Ok(HttpRequestId(0x1234))").containsExactly(0, 0x34, 0x12);
    context.requestId = OptionalInt.empty();
    assertThat(bytes(start)).as("Err(())").containsExactly(1);
    assertThat(context.calls).contains("http_request_start POST http://127.0.0.1:1/submit 0x09");

    // The id is a u16 passed as an i32: the high bits are ignored.
    HostCallProbe header =
        HostCallProbe.of("ext_offchain_http_request_add_header_version_1")
            .i32(0x10007)
            .ps("Content-Type")
            .ps("text/plain");
    context.accept = true;
    assertThat(bytes(header)).containsExactly(0);
    context.accept = false;
    assertThat(bytes(header)).containsExactly(1);
    assertThat(context.calls).contains("http_request_add_header 7 Content-Type: text/plain");

    HostCallProbe write =
        HostCallProbe.of("ext_offchain_http_request_write_body_version_1")
            .i32(7)
            .ps("chunk")
            .ps(deadline(Optional.of(1_000L)));
    assertThat(bytes(write)).as("Ok(())").containsExactly(0);
    // sp-core's HttpError has explicit discriminants: DeadlineReached = 1, IoError = 2,
    // Invalid = 3.
    int code = 1;
    for (OffchainContext.HttpError error : OffchainContext.HttpError.values()) {
      context.writeError = Optional.of(error);
      assertThat(bytes(write)).as(error.toString()).containsExactly(1, code++);
    }
    HostCallProbe.of("ext_offchain_http_request_write_body_version_1")
        .i32(7)
        .ps(new byte[0])
        .ps(deadline(Optional.empty()))
        .returnedBytes(EXECUTOR, ext(), offchain);
    assertThat(context.calls)
        .contains(
            "http_request_write_body 7 0x6368756e6b 1000", "http_request_write_body 7 0x none");
  }

  @Test
  void httpResponseWaitHeadersAndReadBody() {
    context.statuses =
        List.of(
            new OffchainContext.HttpRequestStatus.Finished(404),
            new OffchainContext.HttpRequestStatus.DeadlineReached(),
            new OffchainContext.HttpRequestStatus.IoError(),
            new OffchainContext.HttpRequestStatus.Invalid());
    byte[] ids = ScaleCodec.vec(ScaleCodec.U16).encode(List.of(1, 2, 3, 0xffff));
    assertThat(
            bytes(
                HostCallProbe.of("ext_offchain_http_response_wait_version_1")
                    .ps(ids)
                    .ps(deadline(Optional.of(5L)))))
        .as("Vec<HttpRequestStatus>: Finished(404), DeadlineReached, IoError, Invalid")
        .containsExactly(16, 3, 0x94, 0x01, 0, 1, 2);
    assertThat(context.calls).contains("http_response_wait [1, 2, 3, 65535] 5");

    context.headers = List.of(new Tuple2<>(b("content-type"), b("text/plain")));
    assertThat(bytes(HostCallProbe.of("ext_offchain_http_response_headers_version_1").i32(3)))
        .isEqualTo(
            concat(
                new byte[] {4, 12 << 2},
                ascii("content-type"),
                new byte[] {10 << 2},
                ascii("text/plain")));

    context.body = Result.ok(b("hello"));
    HostCallProbe read =
        HostCallProbe.of("ext_offchain_http_response_read_body_version_1")
            .i32(3)
            .buffer(8)
            .ps(deadline(Optional.empty()));
    assertThat(bytes(read)).as("Ok(5u32)").containsExactly(0, 5, 0, 0, 0);
    assertThat(read.argument(read.inputAfterCall(EXECUTOR, ext(), offchain), 1))
        .isEqualTo(concat(ascii("hello"), new byte[3]));
    assertThat(context.calls).contains("http_response_read_body 3 8 none");
    context.body = Result.err(OffchainContext.HttpError.IO_ERROR);
    assertThat(bytes(read)).as("Err(IoError)").containsExactly(1, 2);
    context.body = Result.ok(b("more than eight"));
    assertThatThrownBy(() -> bytes(read))
        .isInstanceOf(RuntimeTrapException.class)
        .hasMessageContaining("body bytes for a 8-byte buffer");
  }

  @Test
  void setAuthorizedNodesDecodesTheNodesAndTheFlag() {
    byte[] nodes =
        ScaleCodec.vec(ScaleCodec.BYTES)
            .encode(List.of(Bytes.of((byte) 1, (byte) 2), Bytes.of((byte) 3)));
    HostCallProbe.of("ext_offchain_set_authorized_nodes_version_1")
        .ps(nodes)
        .i32(1)
        .run(EXECUTOR, ext(), offchain);
    HostCallProbe.of("ext_offchain_set_authorized_nodes_version_1")
        .ps(ScaleCodec.vec(ScaleCodec.BYTES).encode(List.of()))
        .i32(0)
        .run(EXECUTOR, ext(), offchain);
    assertThat(context.calls)
        .containsExactly(
            "set_authorized_nodes [0x0102, 0x03] true", "set_authorized_nodes [] false");
  }

  @Test
  void everyOffchainFunctionTrapsOutsideAnOffchainContext() {
    List<HostFunctionRegistry.HostFunction> functions =
        HostFunctionRegistry.standard().functions().stream()
            .filter(f -> f.namespace().equals("offchain"))
            .toList();
    assertThat(functions).as("the 17 of host-api.md §5").hasSize(17);
    for (HostFunctionRegistry.HostFunction f : functions) {
      HostCallProbe probe = HostCallProbe.of(f.name());
      for (WasmValueType type : f.signature().params()) {
        if (type == WasmValueType.I32) {
          probe.i32(1);
        } else {
          probe.ps(new byte[] {0});
        }
      }
      assertThatThrownBy(() -> probe.run(EXECUTOR, ext(), SERVICES))
          .as(f.name())
          .isInstanceOf(RuntimeTrapException.class)
          .hasMessageContaining(f.name() + " is only available in offchain context");
    }
    assertThat(context.calls).isEmpty();
  }
}
