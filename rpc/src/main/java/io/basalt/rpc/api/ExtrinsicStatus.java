/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.api;

import com.fasterxml.jackson.annotation.JsonValue;
import io.basalt.primitives.bytes.Hash256;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One {@code author_extrinsicUpdate} notification: sc-transaction-pool-api's {@code
 * TransactionStatus} in its JSON form, {@code "future"}, {@code "ready"}, {@code {"broadcast":
 * [peers]}}, {@code {"inBlock": hash}}, {@code {"retracted": hash}}, {@code {"finalityTimeout":
 * hash}}, {@code {"finalized": hash}}, {@code {"usurped": hash}}, {@code "dropped"} or {@code
 * "invalid"}.
 *
 * @param event the variant's camelCase name
 * @param value its value, for the variants that have one
 * @param isFinal whether the watch ends with it (finalized, finalityTimeout, usurped, dropped,
 *     invalid)
 */
public record ExtrinsicStatus(String event, Optional<Object> value, boolean isFinal) {
  public static ExtrinsicStatus future() {
    return new ExtrinsicStatus("future", Optional.empty(), false);
  }

  public static ExtrinsicStatus ready() {
    return new ExtrinsicStatus("ready", Optional.empty(), false);
  }

  public static ExtrinsicStatus broadcast(List<String> peers) {
    return new ExtrinsicStatus("broadcast", Optional.of(List.copyOf(peers)), false);
  }

  public static ExtrinsicStatus inBlock(Hash256 block) {
    return new ExtrinsicStatus("inBlock", Optional.of(block), false);
  }

  public static ExtrinsicStatus retracted(Hash256 block) {
    return new ExtrinsicStatus("retracted", Optional.of(block), false);
  }

  public static ExtrinsicStatus finalityTimeout(Hash256 block) {
    return new ExtrinsicStatus("finalityTimeout", Optional.of(block), true);
  }

  public static ExtrinsicStatus finalized(Hash256 block) {
    return new ExtrinsicStatus("finalized", Optional.of(block), true);
  }

  public static ExtrinsicStatus usurped(Hash256 by) {
    return new ExtrinsicStatus("usurped", Optional.of(by), true);
  }

  public static ExtrinsicStatus dropped() {
    return new ExtrinsicStatus("dropped", Optional.empty(), true);
  }

  public static ExtrinsicStatus invalid() {
    return new ExtrinsicStatus("invalid", Optional.empty(), true);
  }

  /** The notification's {@code result}: the bare name, or a one-field object. */
  @JsonValue
  public Object json() {
    return value.<Object>map(v -> Map.of(event, v)).orElse(event);
  }
}
