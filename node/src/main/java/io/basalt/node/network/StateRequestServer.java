/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.network;

import io.basalt.network.light.RemoteReadResponse;
import io.basalt.network.sync.KeyValueStateEntry;
import io.basalt.network.sync.StateEntry;
import io.basalt.network.sync.StateRequest;
import io.basalt.network.sync.StateResponse;
import io.basalt.node.chain.Blockchain;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.trie.MerkleTrie;
import io.basalt.storage.trie.TrieEntry;
import io.basalt.storage.trie.TrieNodeSource;
import io.basalt.storage.trie.TrieProof;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Answers {@code /state/2} requests: the state of a block from just after the start key, in key
 * order, until the response passes Substrate's 2 MiB ({@code MAX_RESPONSE_BYTES}; at least one
 * entry). Default child tries met in the top trie follow as their own entry (state root = the
 * child's root), whole; a start of two keys resumes inside a child trie.
 *
 * <p>With {@code no_proof} the key-values are sent. Otherwise the proof field holds a plain proof
 * (SCALE {@code Vec<Vec<u8>>} of the trie nodes on the paths of the same keys), not Substrate's
 * compact proof: peers that need the compact format cannot use it. An unknown block gives an empty
 * response.
 */
public final class StateRequestServer {
  /** Substrate's {@code MAX_RESPONSE_BYTES} for state responses. */
  public static final int MAX_RESPONSE_BYTES = 2 * 1024 * 1024;

  private static final Bytes ZERO = Bytes.of((byte) 0);

  private final Blockchain chain;

  public StateRequestServer(Blockchain chain) {
    this.chain = chain;
  }

  /** The response to {@code request}. */
  public StateResponse serve(StateRequest request) {
    Optional<Header> header = chain.header(request.block());
    if (header.isEmpty()) {
      return new StateResponse(List.of(), Bytes.EMPTY);
    }
    TrieNodeSource nodes = chain.database().trieNodes();
    MerkleTrie trie = new MerkleTrie(nodes);
    Hash256 root = chain.stateRootOf(header.get());
    Collector collector = new Collector(trie);
    List<Bytes> start = request.start();
    Bytes topStart = start.isEmpty() ? Bytes.EMPTY : after(start.getFirst());
    if (start.size() >= 2) {
      // Resuming inside a child trie: finish it, then go on after its root key.
      Bytes rootKey = start.getFirst();
      trie.get(root, rootKey)
          .filter(r -> r.length() == Hash256.LENGTH)
          .ifPresent(
              childRoot ->
                  collector.child(Hash256.of(childRoot.toArray()), childRoot, after(start.get(1))));
    }
    if (!collector.full()) {
      collector.top(root, topStart);
    }
    if (request.noProof()) {
      return new StateResponse(collector.entries(), Bytes.EMPTY);
    }
    List<Bytes> keys = new ArrayList<>();
    for (KeyValueStateEntry entry : collector.entries()) {
      if (entry.stateRoot().length() == 0) {
        entry.entries().forEach(e -> keys.add(e.key()));
      }
    }
    List<Bytes> proof = TrieProof.generate(nodes, root, keys).nodes();
    return new StateResponse(
        List.of(), RemoteReadResponse.ofProofNodes(proof).proof().orElseThrow());
  }

  /** The smallest key after {@code key}. */
  private static Bytes after(Bytes key) {
    return key.concat(ZERO);
  }

  /** Gathers entries until the size limit. */
  private static final class Collector {
    private final MerkleTrie trie;
    private final List<KeyValueStateEntry> entries = new ArrayList<>();
    private long size;

    Collector(MerkleTrie trie) {
      this.trie = trie;
    }

    boolean full() {
      return size > MAX_RESPONSE_BYTES;
    }

    List<KeyValueStateEntry> entries() {
      return List.copyOf(entries);
    }

    void top(Hash256 root, Bytes startKey) {
      List<StateEntry> top = new ArrayList<>();
      List<KeyValueStateEntry> children = new ArrayList<>();
      boolean complete = true;
      try (Stream<TrieEntry> stream = trie.entries(root, Bytes.EMPTY, startKey)) {
        Iterator<TrieEntry> it = stream.iterator();
        while (it.hasNext()) {
          if (full()) {
            complete = false;
            break;
          }
          TrieEntry entry = it.next();
          top.add(new StateEntry(entry.key(), entry.value()));
          size += entry.key().length() + entry.value().length();
          if (entry.key().startsWith(WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX)
              && entry.value().length() == Hash256.LENGTH) {
            Collector child = new Collector(trie);
            child.child(Hash256.of(entry.value().toArray()), entry.value(), Bytes.EMPTY);
            children.addAll(child.entries);
            size += child.size;
          }
        }
      }
      entries.add(new KeyValueStateEntry(Bytes.EMPTY, top, complete));
      entries.addAll(children);
    }

    void child(Hash256 root, Bytes rootValue, Bytes startKey) {
      List<StateEntry> found = new ArrayList<>();
      try (Stream<TrieEntry> stream = trie.entries(root, Bytes.EMPTY, startKey)) {
        stream.forEach(
            entry -> {
              found.add(new StateEntry(entry.key(), entry.value()));
              size += entry.key().length() + entry.value().length();
            });
      }
      entries.add(new KeyValueStateEntry(rootValue, found, true));
    }
  }
}
