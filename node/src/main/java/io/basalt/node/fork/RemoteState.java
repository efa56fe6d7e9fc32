/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.fork;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.WellKnownKeys;
import io.basalt.storage.trie.Nibbles;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.StateTrie;
import io.basalt.storage.trie.TrieHasher;
import io.basalt.storage.trie.TrieNodeFetcher;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fork block's state, fetched from the source node as the local trie meets nodes it lacks.
 *
 * <p>A node met at a path is fetched with one {@code state_getReadProof} for the shortest key under
 * that path: a proof of any key (present or not) holds every node on its path, and often the next
 * levels too. Nodes of default child tries come from {@code state_getChildReadProof}; V1 hashed
 * values from the proof of their key. The store keeps whatever proof nodes it is given, so a node
 * is fetched once, ever: a restart fetches nothing it already had.
 *
 * <p>A source whose proofs do not hold the wanted node (one that answers proofs of another trie,
 * such as Chopsticks after local changes, or none at all) is read whole instead, once: every key
 * ({@code state_getKeysPaged}, 1,000 a page) and value ({@code state_queryStorageAt}, batched),
 * child tries included; the trie built from them must have the fork block's state root.
 */
public final class RemoteState implements TrieNodeFetcher {
  private static final Logger LOG = LoggerFactory.getLogger("fork");
  private static final int PAGE = 1000;

  private final RemoteNode source;
  private final ForkPoint point;
  private final String at;
  private volatile boolean proofsWork = true;
  private volatile boolean wholeStateFetched;
  private List<Bytes> childKeys;

  public RemoteState(RemoteNode source, ForkPoint point) {
    this.source = source;
    this.point = point;
    this.at = point.block().toString();
  }

  @Override
  public Collection<Bytes> nodesFor(Hash256 hash, Nibbles path) {
    return fetch(hash, path.shortestKeyUnder());
  }

  @Override
  public Collection<Bytes> valueFor(Hash256 hash, Bytes key) {
    return fetch(hash, key);
  }

  private synchronized Collection<Bytes> fetch(Hash256 hash, Bytes key) {
    if (wholeStateFetched) {
      return List.of();
    }
    if (proofsWork) {
      List<Bytes> nodes = proof("state_getReadProof", List.of(List.of(key.toHex()), at));
      if (holds(nodes, hash)) {
        return nodes;
      }
      for (Bytes child : childKeys()) {
        List<Bytes> childNodes =
            proof(
                "state_getChildReadProof",
                List.of(
                    WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX.concat(child).toHex(),
                    List.of(key.toHex()),
                    at));
        if (holds(childNodes, hash)) {
          return childNodes;
        }
      }
      LOG.info(
          "The storage proofs of {} do not hold trie node {}: fetching the whole state of"
              + " block {}",
          source.uri(),
          hash,
          point.describeBlock());
      proofsWork = false;
    }
    return wholeState();
  }

  private List<Bytes> proof(String method, List<Object> params) {
    JsonNode result;
    try {
      result = source.batch(List.of(new RemoteNode.Call(method, params))).get(0);
    } catch (ForkSourceException e) {
      // No such method, or no proofs at that block (Chopsticks): the state is read whole instead.
      LOG.debug("{} failed: {}", method, e.getMessage());
      return List.of();
    }
    List<Bytes> nodes = new ArrayList<>();
    result.path("proof").forEach(n -> nodes.add(Bytes.fromHex(n.asText())));
    return nodes;
  }

  private static boolean holds(List<Bytes> nodes, Hash256 hash) {
    for (Bytes node : nodes) {
      if (TrieHasher.BLAKE2B_256.hash(node.unsafeArray()).equals(hash)) {
        return true;
      }
    }
    return false;
  }

  private List<Bytes> childKeys() {
    if (childKeys == null) {
      Bytes prefix = WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX;
      childKeys = keys(prefix).stream().map(k -> k.slice(prefix.length(), k.length())).toList();
    }
    return childKeys;
  }

  /**
   * Every key of the top trie or (given its key) a default child trie. Listed per first byte, 256
   * prefixes in one batch: Chopsticks lists only part of a chain it started from a spec when asked
   * for all keys at once, but all of them prefix by prefix.
   */
  private List<Bytes> allKeys(Optional<Bytes> child) {
    List<RemoteNode.Call> firstPages = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      firstPages.add(keysPage(Bytes.of((byte) b), Optional.empty(), child));
    }
    List<JsonNode> pages = source.batch(firstPages);
    List<Bytes> keys = new ArrayList<>();
    for (int b = 0; b < 256; b++) {
      collect(pages.get(b), Bytes.of((byte) b), child, keys);
    }
    return keys;
  }

  /** Every key under {@code prefix} of the top trie. */
  private List<Bytes> keys(Bytes prefix) {
    List<Bytes> keys = new ArrayList<>();
    RemoteNode.Call first = keysPage(prefix, Optional.empty(), Optional.empty());
    collect(source.batch(List.of(first)).get(0), prefix, Optional.empty(), keys);
    return keys;
  }

  /** Adds {@code page} of keys under {@code prefix} and the pages after it to {@code keys}. */
  private void collect(JsonNode page, Bytes prefix, Optional<Bytes> child, List<Bytes> keys) {
    while (true) {
      page.forEach(k -> keys.add(Bytes.fromHex(k.asText())));
      if (page.size() < PAGE) {
        return;
      }
      String last = page.get(page.size() - 1).asText();
      page = source.batch(List.of(keysPage(prefix, Optional.of(last), child))).get(0);
    }
  }

  private RemoteNode.Call keysPage(Bytes prefix, Optional<String> start, Optional<Bytes> child) {
    List<Object> params = new ArrayList<>();
    child.ifPresent(c -> params.add(WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX.concat(c).toHex()));
    params.add(prefix.toHex());
    params.add(PAGE);
    params.add(start.orElse(null));
    params.add(at);
    return new RemoteNode.Call(
        child.isPresent() ? "childstate_getKeysPaged" : "state_getKeysPaged", params);
  }

  private NavigableMap<Bytes, Bytes> values(List<Bytes> keys, Optional<Bytes> child) {
    NavigableMap<Bytes, Bytes> values = new TreeMap<>();
    for (int from = 0; from < keys.size(); from += PAGE) {
      List<Bytes> page = keys.subList(from, Math.min(keys.size(), from + PAGE));
      List<RemoteNode.Call> calls = new ArrayList<>();
      for (Bytes key : page) {
        calls.add(
            child.isPresent()
                ? new RemoteNode.Call(
                    "childstate_getStorage",
                    List.of(
                        WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX.concat(child.get()).toHex(),
                        key.toHex(),
                        at))
                : new RemoteNode.Call("state_getStorage", List.of(key.toHex(), at)));
      }
      List<JsonNode> answers = source.batch(calls);
      for (int i = 0; i < page.size(); i++) {
        if (!answers.get(i).isNull()) {
          values.put(page.get(i), Bytes.fromHex(answers.get(i).asText()));
        }
      }
    }
    return values;
  }

  /**
   * Whether the source's storage proofs are of the fork block's state: the proof of the empty key
   * holds the state's root node.
   */
  boolean servesProofs() {
    boolean serves =
        holds(proof("state_getReadProof", List.of(List.of("0x"), at)), point.stateRoot());
    proofsWork = serves;
    return serves;
  }

  /** The fork block's whole state, read key by key, whatever its root. */
  StateCommit readWholeState() {
    long started = System.nanoTime();
    NavigableMap<Bytes, Bytes> top = values(allKeys(Optional.empty()), Optional.empty());
    Map<Bytes, NavigableMap<Bytes, Bytes>> children = new HashMap<>();
    for (Bytes child : childKeys()) {
      children.put(child, values(allKeys(Optional.of(child)), Optional.of(child)));
      top.remove(WellKnownKeys.DEFAULT_CHILD_STORAGE_PREFIX.concat(child));
    }
    StateCommit state = StateTrie.build(top, children, point.stateVersion());
    wholeStateFetched = true;
    LOG.info(
        "Fetched the whole state of block {}: {} keys in {} ms",
        point.describeBlock(),
        top.size(),
        (System.nanoTime() - started) / 1_000_000);
    return state;
  }

  private List<Bytes> wholeState() {
    StateCommit state = readWholeState();
    if (!state.root().equals(point.stateRoot())) {
      throw new ForkSourceException(
          "the state "
              + source.uri()
              + " serves for block "
              + point.describeBlock()
              + " has root "
              + state.root()
              + ", not the block's state root "
              + point.stateRoot()
              + ": it cannot be forked",
          null);
    }
    return List.copyOf(state.nodes().values());
  }
}
