/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Compact trie proofs: the format of the host API's {@code ext_trie_blake2_256_verify_proof} and
 * {@code ext_trie_keccak_256_verify_proof} (Substrate's {@code sp_trie::generate_trie_proof} /
 * {@code verify_trie_proof}, from the {@code trie-db} crate).
 *
 * <p>The proof lists the nodes visited while looking the keys up, in pre-order, with everything the
 * verifier can recompute left out: the references to children that follow in the proof are written
 * as empty inline references, and the values of the proven keys are omitted (an empty inline value
 * in a leaf, no value in a branch). The verifier puts the claimed values back, rebuilds the nodes
 * bottom-up and compares the resulting root. The state version matters here: it decides whether a
 * claimed value goes back inline or as a hash.
 *
 * <p>Verification is strict like {@code trie-db}'s: extra nodes, values that should have been
 * omitted, references that should have been omitted or a wrong root all fail.
 *
 * <pre>{@code
 * // ext_trie_blake2_256_verify_proof_version_2(root, proof, key, value, version)
 * boolean ok = CompactTrieProof.verify(root, proof, key, Optional.of(value), version,
 *     TrieHasher.BLAKE2B_256);
 * }</pre>
 */
public final class CompactTrieProof {
  private static final Logger LOG = LoggerFactory.getLogger(CompactTrieProof.class);
  private static final byte[] OMITTED_REFERENCE = new byte[0];

  private CompactTrieProof() {}

  /**
   * Generates the compact proof of the given keys (present or absent) in the trie with the given
   * root.
   *
   * @throws MissingTrieNodeException if the source lacks a node on one of the paths
   */
  public static List<Bytes> generate(
      TrieNodeSource source, Hash256 root, Collection<Bytes> keys, TrieHasher hasher) {
    TreeSet<Bytes> sorted = new TreeSet<>(keys);
    if (sorted.isEmpty()) {
      return List.of();
    }
    List<byte[]> nibbleKeys = new ArrayList<>(sorted.size());
    for (Bytes key : sorted) {
      nibbleKeys.add(Nibbles.fromKey(key.unsafeArray()));
    }
    TrieNode rootNode;
    if (root.equals(hasher.emptyRoot())) {
      rootNode = TrieNode.EMPTY;
    } else {
      rootNode =
          source
              .decodedNode(root)
              .orElseThrow(() -> new MissingTrieNodeException(root, "root of a compact proof"));
    }
    Generator generator = new Generator(source, root, nibbleKeys.iterator());
    generator.visit(rootNode, new byte[0], false);
    List<Bytes> proof = new ArrayList<>(generator.out.size());
    for (byte[] node : generator.out) {
      proof.add(Bytes.wrap(node));
    }
    return List.copyOf(proof);
  }

  /**
   * Verifies a single claim: {@code key} holds {@code value}, or is absent if it is empty.
   *
   * @return whether the proof proves exactly that claim against {@code root}
   */
  public static boolean verify(
      Hash256 root,
      List<Bytes> proof,
      Bytes key,
      Optional<Bytes> value,
      StateVersion version,
      TrieHasher hasher) {
    return verify(root, proof, Map.of(key, value), version, hasher);
  }

  /**
   * Verifies claims about several keys at once: each key holds the given value, or is absent when
   * the value is empty.
   *
   * @return whether the proof proves exactly these claims against {@code root}
   */
  public static boolean verify(
      Hash256 root,
      List<Bytes> proof,
      Map<Bytes, Optional<Bytes>> claims,
      StateVersion version,
      TrieHasher hasher) {
    try {
      verifyOrThrow(root, proof, claims, version, hasher);
      return true;
    } catch (InvalidProof e) {
      LOG.atTrace().setMessage("compact proof rejected: {}").addArgument(e::getMessage).log();
      return false;
    }
  }

  private static void verifyOrThrow(
      Hash256 root,
      List<Bytes> proof,
      Map<Bytes, Optional<Bytes>> claims,
      StateVersion version,
      TrieHasher hasher) {
    NavigableMap<Bytes, Optional<Bytes>> sorted = new TreeMap<>(claims);
    if (sorted.isEmpty()) {
      if (!proof.isEmpty()) {
        throw new InvalidProof("nodes given for no claim");
      }
      return;
    }
    Iterator<Bytes> nodes = proof.iterator();
    if (!nodes.hasNext()) {
      throw new InvalidProof("empty proof");
    }
    Verifier verifier = new Verifier(sorted, nodes, version, hasher);
    byte[] rootEncoding = verifier.rebuild(decode(nodes.next().unsafeArray()), new byte[0]);
    if (nodes.hasNext()) {
      throw new InvalidProof("extraneous nodes after the proof");
    }
    if (verifier.claims.hasNext()) {
      throw new InvalidProof("claims left over");
    }
    Hash256 computed = hasher.hash(rootEncoding);
    if (!computed.equals(root)) {
      throw new InvalidProof("proof leads to root " + computed + ", expected " + root);
    }
  }

  private static TrieNode decode(byte[] data) {
    try {
      return TrieNodeCodec.decode(data);
    } catch (TrieNodeDecodingException e) {
      throw new InvalidProof(e.getMessage());
    }
  }

  /** Where a key leads within one node. */
  private sealed interface Match {
    record ValueHere(boolean omittedInLeaf, boolean isLeaf) implements Match {}

    record NotOmitted() implements Match {}

    record NotFound() implements Match {}

    /** The key continues in child {@code index}, whose path is {@code childPathLength} long. */
    record Child(int index, int childPathLength) implements Match {}
  }

  private static Match match(byte[] key, int pathLength, TrieNode node) {
    return switch (node) {
      case TrieNode.Empty e -> new Match.NotFound();
      case TrieNode.Leaf leaf -> {
        byte[] partial = leaf.partialKey().unsafeArray();
        if (key.length == pathLength + partial.length && contains(key, partial, pathLength)) {
          boolean omitted =
              leaf.value() instanceof NodeValue.Inline inline && inline.value().isEmpty();
          yield omitted ? new Match.ValueHere(true, true) : new Match.NotOmitted();
        }
        yield new Match.NotFound();
      }
      case TrieNode.Branch branch -> {
        byte[] partial = branch.partialKey().unsafeArray();
        if (!contains(key, partial, pathLength)) {
          yield new Match.NotFound();
        }
        int end = pathLength + partial.length;
        if (key.length == end) {
          yield branch.value().isEmpty()
              ? new Match.ValueHere(false, false)
              : new Match.NotOmitted();
        }
        int index = key[end];
        yield branch.childOrNull(index) == null
            ? new Match.NotFound()
            : new Match.Child(index, end + 1);
      }
    };
  }

  private static boolean contains(byte[] key, byte[] partial, int at) {
    return key.length - at >= partial.length
        && Arrays.equals(key, at, at + partial.length, partial, 0, partial.length);
  }

  private static boolean startsWith(byte[] key, byte[] prefix) {
    return key.length >= prefix.length
        && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
  }

  private static byte[] encode(TrieNode node, NodeValue value, byte[][] children) {
    int kind = NodeEncoding.VALUE_NONE;
    byte[] valueBytes = null;
    switch (value) {
      case null -> {}
      case NodeValue.Inline inline -> {
        kind = NodeEncoding.VALUE_INLINE;
        valueBytes = inline.value().unsafeArray();
      }
      case NodeValue.Hashed hashed -> {
        kind = NodeEncoding.VALUE_HASHED;
        valueBytes = hashed.hash().unsafeArray();
      }
    }
    return switch (node) {
      case TrieNode.Empty e -> new byte[] {0};
      case TrieNode.Leaf leaf -> {
        byte[] p = leaf.partialKey().unsafeArray();
        yield NodeEncoding.encode(p, 0, p.length, kind, valueBytes, null);
      }
      case TrieNode.Branch branch -> {
        byte[] p = branch.partialKey().unsafeArray();
        yield NodeEncoding.encode(p, 0, p.length, kind, valueBytes, children);
      }
    };
  }

  private static NodeValue valueOf(TrieNode node) {
    return switch (node) {
      case TrieNode.Empty e -> null;
      case TrieNode.Leaf leaf -> leaf.value();
      case TrieNode.Branch branch -> branch.value().orElse(null);
    };
  }

  private static byte[][] childReferences(TrieNode node) {
    if (!(node instanceof TrieNode.Branch branch)) {
      return null;
    }
    byte[][] refs = new byte[16][];
    for (int i = 0; i < 16; i++) {
      ChildRef ref = branch.childOrNull(i);
      refs[i] = ref == null ? null : ref.referenceBytes().unsafeArray();
    }
    return refs;
  }

  private static final class Generator {
    final TrieNodeSource source;
    final Hash256 root;
    final PeekingIterator keys;
    final List<byte[]> out = new ArrayList<>();

    Generator(TrieNodeSource source, Hash256 root, Iterator<byte[]> keys) {
      this.source = source;
      this.root = root;
      this.keys = new PeekingIterator(keys);
    }

    /** Emits the node (unless inline) and everything below it; returns its proof encoding. */
    byte[] visit(TrieNode node, byte[] path, boolean inline) {
      int slot = -1;
      if (!inline) {
        slot = out.size();
        out.add(null);
      }
      NodeValue value = valueOf(node);
      byte[][] children = childReferences(node);
      while (keys.hasNext() && startsWith(keys.peek(), path)) {
        byte[] key = keys.peek();
        switch (match(key, path.length, node)) {
          case Match.ValueHere here -> {
            if (here.isLeaf()) {
              value = new NodeValue.Inline(Bytes.EMPTY);
            } else {
              value = null;
            }
            keys.next();
          }
          case Match.NotOmitted n -> {
            // The key's value sits here: omit it.
            value = node instanceof TrieNode.Leaf ? new NodeValue.Inline(Bytes.EMPTY) : null;
            keys.next();
          }
          case Match.NotFound n -> keys.next();
          case Match.Child child -> {
            TrieNode.Branch branch = (TrieNode.Branch) node;
            byte[] childPath = Arrays.copyOf(key, child.childPathLength());
            switch (branch.childOrNull(child.index())) {
              case ChildRef.Hashed hashed -> {
                TrieNode childNode =
                    source
                        .decodedNode(hashed.hash())
                        .orElseThrow(
                            () ->
                                new MissingTrieNodeException(
                                    hashed.hash(),
                                    "at path " + Nibbles.wrap(childPath) + " under root " + root));
                visit(childNode, childPath, false);
                children[child.index()] = OMITTED_REFERENCE;
              }
              case ChildRef.Inline embedded ->
                  children[child.index()] =
                      visit(TrieNodeCodec.decode(embedded.encodedNode()), childPath, true);
            }
          }
        }
      }
      byte[] encoded = encode(node, value, children);
      if (!inline) {
        out.set(slot, encoded);
      }
      return encoded;
    }
  }

  private static final class Verifier {
    final PeekingIterator.OfClaims claims;
    final Iterator<Bytes> nodes;
    final StateVersion version;
    final TrieHasher hasher;

    Verifier(
        NavigableMap<Bytes, Optional<Bytes>> claims,
        Iterator<Bytes> nodes,
        StateVersion version,
        TrieHasher hasher) {
      this.claims = new PeekingIterator.OfClaims(claims);
      this.nodes = nodes;
      this.version = version;
      this.hasher = hasher;
    }

    /** Rebuilds the real encoding of {@code node}, consuming the claims and nodes below it. */
    byte[] rebuild(TrieNode node, byte[] path) {
      NodeValue value = valueOf(node);
      byte[][] children = childReferences(node);
      while (claims.hasNext() && startsWith(claims.peekKey(), path)) {
        byte[] key = claims.peekKey();
        Optional<Bytes> claimed = claims.peekValue();
        switch (match(key, path.length, node)) {
          case Match.ValueHere here -> {
            if (here.isLeaf() && claimed.isEmpty()) {
              throw new InvalidProof("proof has a value for a key claimed absent");
            }
            value = claimed.map(this::valueFor).orElse(null);
            claims.next();
          }
          case Match.NotOmitted n -> throw new InvalidProof("a proven value was not omitted");
          case Match.NotFound n -> {
            if (claimed.isPresent()) {
              throw new InvalidProof("the proof shows a claimed key is absent");
            }
            claims.next();
          }
          case Match.Child child -> {
            TrieNode.Branch branch = (TrieNode.Branch) node;
            byte[] childPath = Arrays.copyOf(key, child.childPathLength());
            ChildRef ref = branch.childOrNull(child.index());
            if (ref instanceof ChildRef.Hashed) {
              throw new InvalidProof("reference to a proof node was not omitted");
            }
            Bytes data = ((ChildRef.Inline) ref).encodedNode();
            byte[] rebuilt;
            if (data.isEmpty()) {
              if (!nodes.hasNext()) {
                throw new InvalidProof("incomplete proof");
              }
              rebuilt = rebuild(decode(nodes.next().unsafeArray()), childPath);
              children[child.index()] = hasher.hash(rebuilt).unsafeArray();
            } else {
              rebuilt = rebuild(decode(data.unsafeArray()), childPath);
              if (rebuilt.length > Hash256.LENGTH) {
                throw new InvalidProof("inline child grows beyond 32 bytes");
              }
              children[child.index()] = rebuilt;
            }
          }
        }
      }
      if (children != null) {
        for (byte[] ref : children) {
          if (ref != null && ref.length == 0) {
            throw new InvalidProof("an omitted child reference was never resolved");
          }
        }
      }
      if (node instanceof TrieNode.Leaf && value == null) {
        throw new InvalidProof("leaf without a value");
      }
      return encode(node, value, children);
    }

    private NodeValue valueFor(Bytes claimed) {
      return version.hashesValue(claimed.length())
          ? new NodeValue.Hashed(hasher.hash(claimed.unsafeArray()))
          : new NodeValue.Inline(claimed);
    }
  }

  private static final class PeekingIterator {
    private final Iterator<byte[]> inner;
    private byte[] peeked;

    PeekingIterator(Iterator<byte[]> inner) {
      this.inner = inner;
    }

    boolean hasNext() {
      return peeked != null || inner.hasNext();
    }

    byte[] peek() {
      if (peeked == null) {
        peeked = inner.next();
      }
      return peeked;
    }

    byte[] next() {
      byte[] out = peek();
      peeked = null;
      return out;
    }

    static final class OfClaims {
      private final Iterator<Map.Entry<Bytes, Optional<Bytes>>> inner;
      private Map.Entry<Bytes, Optional<Bytes>> peeked;
      private byte[] peekedKey;

      OfClaims(NavigableMap<Bytes, Optional<Bytes>> claims) {
        this.inner = claims.entrySet().iterator();
      }

      boolean hasNext() {
        return peeked != null || inner.hasNext();
      }

      byte[] peekKey() {
        fill();
        return peekedKey;
      }

      Optional<Bytes> peekValue() {
        fill();
        return peeked.getValue();
      }

      void next() {
        fill();
        peeked = null;
        peekedKey = null;
      }

      private void fill() {
        if (peeked == null) {
          peeked = inner.next();
          peekedKey = Nibbles.fromKey(peeked.getKey().unsafeArray());
        }
      }
    }
  }

  private static final class InvalidProof extends RuntimeException {
    private static final long serialVersionUID = 1L;

    InvalidProof(String message) {
      super(message, null, false, false);
    }
  }
}
