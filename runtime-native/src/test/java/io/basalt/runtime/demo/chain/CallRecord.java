/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.chain;

import io.basalt.executor.state.StorageChange;
import io.basalt.primitives.bytes.Bytes;
import java.util.List;

/**
 * One runtime call the harness made and what it did: the unit the differential test compares.
 *
 * @param method the exported function
 * @param input its input
 * @param outcome its result
 * @param storage the block's storage changes so far, right after the call, when the chain records
 *     them (top-trie changes then offchain-index changes); empty otherwise
 */
public record CallRecord(
    String method, Bytes input, CallOutcome outcome, List<StorageChange> storage) {
  public CallRecord {
    storage = List.copyOf(storage);
  }

  public CallRecord(String method, Bytes input, CallOutcome outcome) {
    this(method, input, outcome, List.of());
  }
}
