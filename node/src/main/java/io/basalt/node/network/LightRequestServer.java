/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import io.basalt.executor.state.TrieStateBackend;
import io.basalt.network.light.LightRequest;
import io.basalt.network.light.LightResponse;
import io.basalt.network.light.RemoteCallRequest;
import io.basalt.network.light.RemoteCallResponse;
import io.basalt.network.light.RemoteReadChildRequest;
import io.basalt.network.light.RemoteReadRequest;
import io.basalt.network.light.RemoteReadResponse;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.trie.MerkleTrie;
import io.basalt.storage.trie.TrieNodeSource;
import io.basalt.storage.trie.TrieProof;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Answers {@code /light/2} requests as Substrate's light client handler does: a read gives the
 * proof of the keys at the block, a child read the proof through the child trie's root, a call the
 * execution proof (every trie node the runtime read, {@code :code} and {@code :heappages}
 * included). A block we do not know, or a call that fails, gives a response without a proof.
 */
public final class LightRequestServer {
  private static final Logger LOG = LoggerFactory.getLogger("sub-libp2p");

  private final Blockchain chain;
  private final RuntimeCalls calls;

  public LightRequestServer(Blockchain chain, RuntimeCalls calls) {
    this.chain = chain;
    this.calls = calls;
  }

  /** The response to {@code request}. */
  public LightResponse serve(LightRequest request) {
    return switch (request) {
      case RemoteReadRequest read ->
          new RemoteReadResponse(proof(read.block(), (nodes, root) -> read(nodes, root, read)));
      case RemoteReadChildRequest child ->
          new RemoteReadResponse(
              proof(child.block(), (nodes, root) -> readChild(nodes, root, child)));
      case RemoteCallRequest call -> new RemoteCallResponse(call(call));
    };
  }

  private interface Prover {
    List<Bytes> prove(TrieNodeSource nodes, Hash256 root);
  }

  private Optional<Bytes> proof(Hash256 block, Prover prover) {
    Optional<Header> header = chain.header(block);
    if (header.isEmpty()) {
      return Optional.empty();
    }
    try {
      List<Bytes> nodes =
          prover.prove(chain.database().trieNodes(), chain.stateRootOf(header.get()));
      return Optional.of(RemoteReadResponse.ofProofNodes(nodes).proof().orElseThrow());
    } catch (RuntimeException e) {
      LOG.debug("No read proof at {}: {}", block, e.toString());
      return Optional.empty();
    }
  }

  private static List<Bytes> read(TrieNodeSource nodes, Hash256 root, RemoteReadRequest read) {
    return TrieProof.generate(nodes, root, read.keys()).nodes();
  }

  private static List<Bytes> readChild(
      TrieNodeSource nodes, Hash256 root, RemoteReadChildRequest child) {
    // Substrate sends the prefixed key (`:child_storage:default:<key>`); accept the bare one too.
    Bytes rootKey =
        child.storageKey().startsWith(WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX)
            ? child.storageKey()
            : WellKnownKeys.defaultChildRootKey(child.storageKey());
    TreeSet<Bytes> proof = new TreeSet<>(TrieProof.generate(nodes, root, List.of(rootKey)).nodes());
    MerkleTrie trie = new MerkleTrie(nodes);
    Optional<Hash256> childRoot =
        trie.get(root, rootKey)
            .filter(r -> r.length() == Hash256.LENGTH)
            .map(r -> Hash256.of(r.toArray()));
    childRoot.ifPresent(r -> proof.addAll(TrieProof.generate(nodes, r, child.keys()).nodes()));
    return List.copyOf(proof);
  }

  private Optional<Bytes> call(RemoteCallRequest call) {
    Optional<Header> header = chain.header(call.block());
    if (header.isEmpty()) {
      return Optional.empty();
    }
    RecordingNodes recording = new RecordingNodes(chain.database().trieNodes());
    TrieStateBackend state = new TrieStateBackend(recording, chain.stateRootOf(header.get()));
    try {
      state.get(WellKnownKeys.CODE);
      state.get(WellKnownKeys.HEAP_PAGES);
      calls.callOn(header.get(), state, call.method(), call.data());
    } catch (RuntimeException e) {
      LOG.debug("No execution proof of {} at {}: {}", call.method(), call.block(), e.toString());
      return Optional.empty();
    }
    return RemoteCallResponse.ofProofNodes(recording.recorded()).proof();
  }
}
