/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.rpc.api.BlockState;
import io.basalt.rpc.api.StateApi;
import io.basalt.rpc.api.UnknownBlockException;
import io.basalt.storage.trie.MerkleTrie;
import java.util.NavigableMap;
import java.util.Optional;

/**
 * {@code state_*}, {@code childstate_*} and {@code payment_*} reads as the node answers them: the
 * trie at a block's state root in the chain's database, and its runtime in the Other context.
 */
public final class NodeStateApi implements StateApi {
  private final Blockchain chain;
  private final RuntimeCalls calls;

  public NodeStateApi(Blockchain chain, RuntimeCalls calls) {
    this.chain = chain;
    this.calls = calls;
  }

  @Override
  public BlockState at(Optional<Hash256> block) {
    Header header = header(block.orElseGet(() -> chain.best().hash()));
    return new NodeBlockState(
        header, new TrieView(chain.database().trieNodes(), chain.stateRootOf(header)), calls);
  }

  @Override
  public NavigableMap<Bytes, Optional<Bytes>> changes(Hash256 from, Hash256 to) {
    return new MerkleTrie(chain.database().trieNodes())
        .diff(chain.stateRootOf(header(from)), chain.stateRootOf(header(to)));
  }

  private Header header(Hash256 hash) {
    return chain.header(hash).orElseThrow(() -> new UnknownBlockException(hash));
  }
}
