/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.executor.api.HostServices;
import io.basalt.executor.code.RuntimeCode;
import io.basalt.executor.state.OverlayedChanges;
import io.basalt.executor.state.TrieStateBackend;
import io.basalt.executor.strategy.ApiCall;
import io.basalt.executor.strategy.ExecutionContext;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.storage.block.BlockRef;
import java.util.List;

/**
 * Validates transactions with the runtime's {@code TaggedTransactionQueue_validate_transaction} at
 * a block's state, in the {@link ExecutionContext#OTHER} context with its strategy, as Substrate's
 * pool does: before API version 3 the runtime expects {@code Core_initialize_block} of the next
 * block in the same overlay first. The changes are discarded.
 */
public final class RuntimeTransactionValidator implements TransactionValidator {
  private final Blockchain chain;
  private final Runtimes runtimes;

  public RuntimeTransactionValidator(Blockchain chain, Runtimes runtimes) {
    this.chain = chain;
    this.runtimes = runtimes;
  }

  @Override
  public TransactionValidity validate(TransactionSource source, Bytes extrinsic, BlockRef at) {
    Header header =
        chain
            .header(at.hash())
            .orElseThrow(() -> new IllegalArgumentException("unknown block " + at.hash()));
    TrieStateBackend state = chain.stateAt(header);
    RuntimeCode code = runtimes.codeAt(state, header.number());
    long api =
        code.version()
            .apiVersion(TaggedTransactionQueue.API)
            .orElseThrow(
                () ->
                    new IllegalStateException(
                        "the runtime has no " + TaggedTransactionQueue.API + " API"));
    OverlayedChanges changes = new OverlayedChanges();
    String where = "block #" + header.number();
    if (api < 3) {
      Header next =
          new Header(header.hash(), header.number() + 1, Hash256.ZERO, Hash256.ZERO, List.of());
      call(code, "Core_initialize_block", Header.CODEC.encode(next), changes, state, where);
    }
    byte[] input = TaggedTransactionQueue.input((int) api, source, extrinsic, header.hash());
    return TaggedTransactionQueue.decode(
        Bytes.wrap(call(code, TaggedTransactionQueue.METHOD, input, changes, state, where)));
  }

  private byte[] call(
      RuntimeCode code,
      String method,
      byte[] input,
      OverlayedChanges changes,
      TrieStateBackend state,
      String where) {
    return runtimes
        .calls()
        .call(
            new ApiCall(ExecutionContext.OTHER, code, method, Bytes.wrap(input), where),
            changes,
            state,
            HostServices.standard());
  }
}
