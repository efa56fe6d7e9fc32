/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.node.chain.Blockchain;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.rpc.api.Cancellable;
import io.basalt.rpc.api.ChainApi;
import io.basalt.rpc.api.HeadKind;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** {@code chain_*} as the node answers it: the {@link Blockchain}'s blocks and events. */
public final class NodeChainApi implements ChainApi {
  private final Blockchain chain;

  public NodeChainApi(Blockchain chain) {
    this.chain = chain;
  }

  @Override
  public Hash256 bestHash() {
    return chain.best().hash();
  }

  @Override
  public Hash256 finalizedHash() {
    return chain.finalized().hash();
  }

  @Override
  public Optional<Header> header(Hash256 hash) {
    return chain.header(hash);
  }

  @Override
  public Optional<SignedBlock> block(Hash256 hash) {
    return chain
        .header(hash)
        .map(
            header ->
                new SignedBlock(
                    new Block(header, chain.body(hash).orElse(List.of())),
                    chain.justifications(hash)));
  }

  @Override
  public Optional<Hash256> canonicalHash(long number) {
    return chain.canonicalHash(number);
  }

  @Override
  public Cancellable follow(HeadKind kind, Consumer<Header> listener) {
    return HeadFollower.start(chain, kind, listener);
  }
}
