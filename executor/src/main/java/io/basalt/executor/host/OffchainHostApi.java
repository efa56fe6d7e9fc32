/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.host;

import static io.basalt.executor.vm.WasmValueType.I32;
import static io.basalt.executor.vm.WasmValueType.I64;

import io.basalt.executor.api.OffchainContext;
import io.basalt.executor.api.OffchainContext.HttpError;
import io.basalt.executor.api.OffchainContext.HttpRequestStatus;
import io.basalt.executor.api.OffchainStorage;
import io.basalt.executor.vm.WasmSignature;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.Result;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.scale.Tuple2;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * {@code ext_offchain_*}: offchain-worker capabilities through {@link OffchainContext} and the
 * offchain database through {@link OffchainStorage}. Outside offchain contexts every function traps
 * with "... is only available in offchain context". Spec: <a
 * href="https://spec.polkadot.network/chap-host-api#sect-offchain-api">Offchain</a>.
 */
public final class OffchainHostApi {
  private static final String NS = "offchain";
  private static final String NOTE = "OffchainContext/OffchainStorage seams; offchain calls only";
  private static final ScaleCodec<Optional<Long>> DEADLINE = ScaleCodec.option(ScaleCodec.U64);
  private static final ScaleCodec<List<Integer>> REQUEST_IDS = ScaleCodec.vec(ScaleCodec.U16);
  private static final ScaleCodec<List<Bytes>> PEER_IDS = ScaleCodec.vec(ScaleCodec.BYTES);

  private OffchainHostApi() {}

  private static void fn(
      HostFunctionRegistry.Builder b, String name, WasmSignature sig, HostFunctionHandler h) {
    b.register(NS, name, 1, sig, HostFunctionRegistry.Status.DELEGATED, NOTE, h);
  }

  private static String full(String name) {
    return "ext_offchain_" + name + "_version_1";
  }

  static void register(HostFunctionRegistry.Builder b) {
    fn(
        b,
        "is_validator",
        WasmSignature.returning(I32),
        (ctx, a) -> ctx.offchain(full("is_validator")).isValidator() ? 1 : 0);
    fn(
        b,
        "submit_transaction",
        WasmSignature.returning(I64, I64),
        (ctx, a) -> {
          OffchainContext o = ctx.offchain(full("submit_transaction"));
          boolean ok = o.submitTransaction(ctx.memory().readBytes(a[0]));
          return unitResult(ctx, ok);
        });
    fn(
        b,
        "network_state",
        WasmSignature.returning(I64),
        (ctx, a) -> {
          Optional<OffchainContext.OpaqueNetworkState> state =
              ctx.offchain(full("network_state")).networkState();
          ScaleWriter w = new ScaleWriter();
          if (state.isPresent()) {
            w.writeU8(0).writeByteVec(state.get().peerId());
            w.writeVec(state.get().externalAddresses(), ScaleCodec.BYTES);
          } else {
            w.writeU8(1);
          }
          return ctx.memory().allocateAndWritePointerSize(w.toByteArray());
        });
    fn(
        b,
        "timestamp",
        WasmSignature.returning(I64),
        (ctx, a) -> ctx.offchain(full("timestamp")).timestamp());
    fn(
        b,
        "sleep_until",
        WasmSignature.of(I64),
        (ctx, a) -> {
          ctx.offchain(full("sleep_until")).sleepUntil(a[0]);
          return 0;
        });
    fn(
        b,
        "random_seed",
        WasmSignature.returning(I32),
        (ctx, a) ->
            Integer.toUnsignedLong(
                ctx.memory()
                    .allocateAndWrite(ctx.offchain(full("random_seed")).randomSeed().toArray())));
    fn(
        b,
        "local_storage_set",
        WasmSignature.of(I32, I64, I64),
        (ctx, a) -> {
          ctx.offchainStorage(full("local_storage_set"))
              .set(storageKind(a[0]), ctx.memory().readBytes(a[1]), ctx.memory().readBytes(a[2]));
          return 0;
        });
    fn(
        b,
        "local_storage_clear",
        WasmSignature.of(I32, I64),
        (ctx, a) -> {
          ctx.offchainStorage(full("local_storage_clear"))
              .clear(storageKind(a[0]), ctx.memory().readBytes(a[1]));
          return 0;
        });
    fn(
        b,
        "local_storage_compare_and_set",
        WasmSignature.returning(I32, I32, I64, I64, I64),
        (ctx, a) -> {
          OffchainStorage storage = ctx.offchainStorage(full("local_storage_compare_and_set"));
          Optional<Bytes> expected = ctx.memory().readScale(a[2], StorageCodecs.OPTION_BYTES);
          return storage.compareAndSet(
                  storageKind(a[0]),
                  ctx.memory().readBytes(a[1]),
                  expected,
                  ctx.memory().readBytes(a[3]))
              ? 1
              : 0;
        });
    fn(
        b,
        "local_storage_get",
        WasmSignature.returning(I64, I32, I64),
        (ctx, a) ->
            ctx.memory()
                .returnOptionBytes(
                    ctx.offchainStorage(full("local_storage_get"))
                        .get(storageKind(a[0]), ctx.memory().readBytes(a[1]))));
    fn(
        b,
        "http_request_start",
        WasmSignature.returning(I64, I64, I64, I64),
        (ctx, a) -> {
          OffchainContext o = ctx.offchain(full("http_request_start"));
          OptionalInt id =
              o.httpRequestStart(
                  utf8(ctx.memory().read(a[0])),
                  utf8(ctx.memory().read(a[1])),
                  ctx.memory().readBytes(a[2]));
          ScaleWriter w = new ScaleWriter(3);
          if (id.isPresent()) {
            w.writeU8(0).writeU16(id.getAsInt());
          } else {
            w.writeU8(1);
          }
          return ctx.memory().allocateAndWritePointerSize(w.toByteArray());
        });
    fn(
        b,
        "http_request_add_header",
        WasmSignature.returning(I64, I32, I64, I64),
        (ctx, a) -> {
          OffchainContext o = ctx.offchain(full("http_request_add_header"));
          boolean ok =
              o.httpRequestAddHeader(
                  (int) a[0] & 0xffff,
                  utf8(ctx.memory().read(a[1])),
                  utf8(ctx.memory().read(a[2])));
          return unitResult(ctx, ok);
        });
    fn(
        b,
        "http_request_write_body",
        WasmSignature.returning(I64, I32, I64, I64),
        (ctx, a) -> {
          OffchainContext o = ctx.offchain(full("http_request_write_body"));
          Optional<HttpError> error =
              o.httpRequestWriteBody(
                  (int) a[0] & 0xffff, ctx.memory().readBytes(a[1]), deadline(ctx, a[2]));
          byte[] out = error.isEmpty() ? new byte[] {0} : new byte[] {1, (byte) error.get().code()};
          return ctx.memory().allocateAndWritePointerSize(out);
        });
    fn(
        b,
        "http_response_wait",
        WasmSignature.returning(I64, I64, I64),
        (ctx, a) -> {
          OffchainContext o = ctx.offchain(full("http_response_wait"));
          List<Integer> ids = ctx.memory().readScale(a[0], REQUEST_IDS);
          List<HttpRequestStatus> statuses = o.httpResponseWait(ids, deadline(ctx, a[1]));
          ScaleWriter w = new ScaleWriter();
          w.writeCompact(statuses.size());
          for (HttpRequestStatus s : statuses) {
            switch (s) {
              case HttpRequestStatus.DeadlineReached d -> w.writeU8(0);
              case HttpRequestStatus.IoError e -> w.writeU8(1);
              case HttpRequestStatus.Invalid i -> w.writeU8(2);
              case HttpRequestStatus.Finished(int code) -> w.writeU8(3).writeU16(code);
            }
          }
          return ctx.memory().allocateAndWritePointerSize(w.toByteArray());
        });
    fn(
        b,
        "http_response_headers",
        WasmSignature.returning(I64, I32),
        (ctx, a) -> {
          List<Tuple2<Bytes, Bytes>> headers =
              ctx.offchain(full("http_response_headers")).httpResponseHeaders((int) a[0] & 0xffff);
          return ctx.memory()
              .returnScale(
                  headers, ScaleCodec.vec(ScaleCodec.tuple(ScaleCodec.BYTES, ScaleCodec.BYTES)));
        });
    fn(
        b,
        "http_response_read_body",
        WasmSignature.returning(I64, I32, I64, I64),
        (ctx, a) -> {
          OffchainContext o = ctx.offchain(full("http_response_read_body"));
          ctx.memory().requireInBounds(a[1]);
          int max = HostMemory.lengthOf(a[1]);
          Result<Bytes, HttpError> read =
              o.httpResponseReadBody((int) a[0] & 0xffff, max, deadline(ctx, a[2]));
          ScaleWriter w = new ScaleWriter(5);
          switch (read) {
            case Result.Ok<Bytes, HttpError>(Bytes data) -> {
              if (data.length() > max) {
                throw new HostFunctionException(
                    "offchain context returned "
                        + data.length()
                        + " body bytes for a "
                        + max
                        + "-byte buffer");
              }
              ctx.memory().write(HostMemory.pointerOf(a[1]), data.unsafeArray());
              w.writeU8(0).writeU32(data.length());
            }
            case Result.Err<Bytes, HttpError>(HttpError error) ->
                w.writeU8(1).writeU8(error.code());
          }
          return ctx.memory().allocateAndWritePointerSize(w.toByteArray());
        });
    fn(
        b,
        "set_authorized_nodes",
        WasmSignature.of(I64, I32),
        (ctx, a) -> {
          OffchainContext o = ctx.offchain(full("set_authorized_nodes"));
          o.setAuthorizedNodes(ctx.memory().readScale(a[0], PEER_IDS), (int) a[1] != 0);
          return 0;
        });
  }

  private static long unitResult(HostCallContext ctx, boolean ok) {
    return ctx.memory().allocateAndWritePointerSize(new byte[] {(byte) (ok ? 0 : 1)});
  }

  private static OptionalLong deadline(HostCallContext ctx, long ps) {
    Optional<Long> d = ctx.memory().readScale(ps, DEADLINE);
    return d.isPresent() ? OptionalLong.of(d.get()) : OptionalLong.empty();
  }

  private static String utf8(byte[] data) {
    return new String(data, StandardCharsets.UTF_8);
  }

  private static OffchainStorage.Kind storageKind(long number) {
    return OffchainStorage.Kind.fromNumber((int) number)
        .orElseThrow(
            () -> new HostFunctionException("invalid offchain storage kind " + (int) number));
  }
}
