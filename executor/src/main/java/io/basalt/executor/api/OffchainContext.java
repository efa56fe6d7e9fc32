/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.api;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.Tuple2;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * What an offchain worker may do beyond storage: network state, time, randomness, HTTP, transaction
 * submission (sp-core's offchain {@code Externalities}). Present only in offchain contexts;
 * elsewhere every {@code ext_offchain_*} function traps.
 */
public interface OffchainContext {
  /** sp-core's {@code HttpError}, encoded with its explicit discriminant. */
  enum HttpError {
    DEADLINE_REACHED(1),
    IO_ERROR(2),
    INVALID(3);

    private final int code;

    HttpError(int code) {
      this.code = code;
    }

    /** The SCALE variant byte. */
    public int code() {
      return code;
    }
  }

  /** sp-core's {@code HttpRequestStatus} (SCALE variants 0..3). */
  sealed interface HttpRequestStatus {
    record DeadlineReached() implements HttpRequestStatus {}

    record IoError() implements HttpRequestStatus {}

    record Invalid() implements HttpRequestStatus {}

    /** The request finished with this HTTP status code. */
    record Finished(int statusCode) implements HttpRequestStatus {}
  }

  /**
   * The node's network identity.
   *
   * @param peerId the encoded libp2p peer id
   * @param externalAddresses encoded multiaddresses
   */
  record OpaqueNetworkState(Bytes peerId, List<Bytes> externalAddresses) {
    public OpaqueNetworkState {
      externalAddresses = List.copyOf(externalAddresses);
    }
  }

  boolean isValidator();

  /** Submits an extrinsic to the pool; false if it was rejected. */
  boolean submitTransaction(Bytes extrinsic);

  Optional<OpaqueNetworkState> networkState();

  /** Milliseconds since the UNIX epoch. */
  long timestamp();

  void sleepUntil(long deadlineMillis);

  Hash256 randomSeed();

  /** Starts a request; empty if no id could be allocated or the arguments are invalid. */
  OptionalInt httpRequestStart(String method, String uri, Bytes meta);

  boolean httpRequestAddHeader(int requestId, String name, String value);

  /** Writes a body chunk (empty chunk: finished); empty on success. */
  Optional<HttpError> httpRequestWriteBody(int requestId, Bytes chunk, OptionalLong deadline);

  List<HttpRequestStatus> httpResponseWait(List<Integer> requestIds, OptionalLong deadline);

  List<Tuple2<Bytes, Bytes>> httpResponseHeaders(int requestId);

  /**
   * Reads up to {@code maxLength} body bytes; an empty result means the body is complete.
   *
   * @return the bytes read, or the error
   */
  io.basalt.primitives.scale.Result<Bytes, HttpError> httpResponseReadBody(
      int requestId, int maxLength, OptionalLong deadline);

  void setAuthorizedNodes(List<Bytes> nodes, boolean authorizedOnly);
}
