/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.offchain;

import io.basalt.executor.api.OffchainContext;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.Result;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.Tuple2;
import java.net.http.HttpClient;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The node's offchain-worker capabilities behind {@code ext_offchain_*} (Substrate's {@code
 * sc-offchain} {@code Api}); one per offchain-worker run, closed afterwards.
 *
 * <ul>
 *   <li>{@code is_validator}: the node's role ({@code --validator}).
 *   <li>{@code timestamp} / {@code sleep_until}: wall-clock milliseconds since the UNIX epoch.
 *   <li>{@code random_seed}: 32 bytes from {@link SecureRandom}.
 *   <li>HTTP: real requests with {@link HttpClient}, Substrate's id and deadline semantics (see
 *       {@link OffchainHttp}).
 *   <li>{@code submit_transaction}: the extrinsic must decode as Substrate's opaque extrinsic (a
 *       compact length and that many bytes), as its node checks before the pool; it then goes to
 *       {@link SubmittedTransactions} for the transaction pool that does not exist yet. It is not
 *       validated here, and the runtime gets {@code Err(())} only if it does not decode or the
 *       queue is full.
 *   <li>{@code network_state}: {@code Err(())}. Substrate's node always has a network service and
 *       answers its peer id and external addresses; this node has no networking yet, so it gives
 *       the answer the API defines for an unavailable network state, which runtimes handle (e.g.
 *       im-online skips its heartbeat) instead of a made-up peer id.
 *   <li>{@code set_authorized_nodes}: ignored (logged at DEBUG), as in a Substrate node without the
 *       node-authorization restriction: there are no peer connections to restrict.
 * </ul>
 *
 * <pre>{@code
 * try (NodeOffchainContext context = NodeOffchainContext.create(validator, http, submitted)) {
 *   executor.call(code, "OffchainWorkerApi_offchain_worker", header, ext,
 *       Runtimes.services().withOffchain(context, storage));
 * }
 * }</pre>
 */
public final class NodeOffchainContext implements OffchainContext, AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger("offchain");

  private final boolean validator;
  private final Clock clock;
  private final SecureRandom random;
  private final SubmittedTransactions submitted;
  private final OffchainHttp http;

  /**
   * A context for one offchain-worker run.
   *
   * @param validator whether the node runs as a validator
   * @param client the HTTP client (shared across runs)
   * @param clock the wall clock for timestamps and deadlines
   * @param random the source of {@code random_seed} and of the first HTTP request id
   * @param submitted where submitted extrinsics wait for the transaction pool
   */
  public NodeOffchainContext(
      boolean validator,
      HttpClient client,
      Clock clock,
      SecureRandom random,
      SubmittedTransactions submitted) {
    this.validator = validator;
    this.clock = Objects.requireNonNull(clock, "clock");
    this.random = Objects.requireNonNull(random, "random");
    this.submitted = Objects.requireNonNull(submitted, "submitted");
    // As sc-offchain: a random first id, so that runtimes cannot hard-code request ids.
    this.http =
        new OffchainHttp(Objects.requireNonNull(client, "client"), clock, random.nextInt(2000));
  }

  /** A context on the system clock with a fresh {@link SecureRandom}. */
  public static NodeOffchainContext create(
      boolean validator, HttpClient client, SubmittedTransactions submitted) {
    return new NodeOffchainContext(
        validator, client, Clock.systemUTC(), new SecureRandom(), submitted);
  }

  /** The HTTP client offchain workers use: no redirects followed, as Substrate's. */
  public static HttpClient httpClient() {
    return HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
  }

  @Override
  public boolean isValidator() {
    return validator;
  }

  @Override
  public boolean submitTransaction(Bytes extrinsic) {
    Bytes opaque;
    try {
      ScaleReader reader = new ScaleReader(extrinsic);
      reader.readByteVec();
      opaque = reader.consumedSince(0);
    } catch (ScaleDecodingException e) {
      LOG.debug("offchain worker submitted an undecodable extrinsic: {}", e.getMessage());
      return false;
    }
    if (!submitted.offer(opaque)) {
      LOG.warn("the queue of offchain-submitted transactions is full; dropping a submission");
      return false;
    }
    return true;
  }

  @Override
  public Optional<OpaqueNetworkState> networkState() {
    return Optional.empty();
  }

  @Override
  public long timestamp() {
    return clock.millis();
  }

  @Override
  public void sleepUntil(long deadlineMillis) {
    long wait = deadlineMillis - clock.millis();
    if (wait <= 0) {
      return;
    }
    try {
      Thread.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public Hash256 randomSeed() {
    byte[] seed = new byte[32];
    random.nextBytes(seed);
    return Hash256.wrap(seed);
  }

  @Override
  public OptionalInt httpRequestStart(String method, String uri, Bytes meta) {
    return http.start(method, uri); // meta is reserved; Substrate ignores it too
  }

  @Override
  public boolean httpRequestAddHeader(int requestId, String name, String value) {
    return http.addHeader(requestId, name, value);
  }

  @Override
  public Optional<HttpError> httpRequestWriteBody(
      int requestId, Bytes chunk, OptionalLong deadline) {
    return http.writeBody(requestId, chunk);
  }

  @Override
  public List<HttpRequestStatus> httpResponseWait(List<Integer> requestIds, OptionalLong deadline) {
    return http.await(requestIds, deadline);
  }

  @Override
  public List<Tuple2<Bytes, Bytes>> httpResponseHeaders(int requestId) {
    return http.headers(requestId);
  }

  @Override
  public Result<Bytes, HttpError> httpResponseReadBody(
      int requestId, int maxLength, OptionalLong deadline) {
    return http.readBody(requestId, maxLength, deadline);
  }

  @Override
  public void setAuthorizedNodes(List<Bytes> nodes, boolean authorizedOnly) {
    LOG.debug(
        "ignoring set_authorized_nodes ({} nodes, authorized only: {}): no peer connections yet",
        nodes.size(),
        authorizedOnly);
  }

  /** Cancels the run's HTTP requests still in flight. */
  @Override
  public void close() {
    http.close();
  }
}
