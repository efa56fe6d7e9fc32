/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.StorageException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.Map;
import java.util.NavigableMap;
import java.util.NoSuchElementException;
import java.util.Objects;
import java.util.Optional;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.TreeMap;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * A persistent Merkle trie: reads any version of the trie by its root from a {@link
 * TrieNodeSource}, and computes updated versions without mutating the source.
 *
 * <p>{@link #apply} loads only the nodes on the paths of the changed keys, rewrites them and
 * returns the new root with just the new nodes, ready to be written next to the old ones (the store
 * is content-addressed, so every version stays readable). Nodes that are not touched keep their
 * encoding, including their value layout: as in Substrate, switching to layout V1 only affects
 * values written afterwards.
 *
 * <pre>{@code
 * MerkleTrie trie = new MerkleTrie(nodeStore);
 * Optional<Bytes> code = trie.get(stateRoot, Bytes.of(":code".getBytes(UTF_8)));
 * TrieCommit next = trie.apply(stateRoot, changes, StateVersion.V0);
 * }</pre>
 *
 * <p>Instances are immutable and thread-safe if the source is.
 */
public final class MerkleTrie {
  private final TrieNodeSource source;
  private final TrieHasher hasher;
  private final Hash256 emptyRoot;

  /** A BLAKE2b-256 trie over the given source. */
  public MerkleTrie(TrieNodeSource source) {
    this(source, TrieHasher.BLAKE2B_256);
  }

  public MerkleTrie(TrieNodeSource source, TrieHasher hasher) {
    this.source = Objects.requireNonNull(source, "source");
    this.hasher = Objects.requireNonNull(hasher, "hasher");
    this.emptyRoot = hasher.emptyRoot();
  }

  /** The root of the empty trie under this trie's hasher. */
  public Hash256 emptyRoot() {
    return emptyRoot;
  }

  /**
   * The value stored under {@code key} in the trie with the given root.
   *
   * @throws MissingTrieNodeException if a node on the key's path is not in the source
   * @throws StorageException if a node is malformed
   */
  public Optional<Bytes> get(Hash256 root, Bytes key) {
    if (isEmptyRoot(root)) {
      return Optional.empty();
    }
    byte[] k = Nibbles.fromKey(key.unsafeArray());
    TrieNode node = load(root, root, "root");
    int pos = 0;
    while (true) {
      switch (node) {
        case TrieNode.Empty e -> {
          return Optional.empty();
        }
        case TrieNode.Leaf leaf -> {
          byte[] partial = leaf.partialKey().unsafeArray();
          if (k.length - pos == partial.length && matches(partial, k, pos)) {
            return Optional.of(resolveValue(leaf.value(), key));
          }
          return Optional.empty();
        }
        case TrieNode.Branch branch -> {
          byte[] partial = branch.partialKey().unsafeArray();
          if (k.length - pos < partial.length || !matches(partial, k, pos)) {
            return Optional.empty();
          }
          pos += partial.length;
          if (pos == k.length) {
            return branch.value().map(v -> resolveValue(v, key));
          }
          ChildRef child = branch.childOrNull(k[pos]);
          if (child == null) {
            return Optional.empty();
          }
          pos++;
          node = resolveChild(child, root, k, pos);
        }
      }
    }
  }

  /**
   * The Merkle value of the node at {@code key} or, if no node lies exactly there, of its closest
   * descendant, branches included (the new JSON-RPC spec's {@code closestDescendantMerkleValue},
   * sp-trie's {@code lookup_first_descendant}): the node's hash, or its encoding when the node is
   * inlined in its parent; the root hash when the whole trie is below {@code key}.
   *
   * @return empty if no node lies at or below {@code key}
   * @throws MissingTrieNodeException if a node on the key's path is not in the source
   */
  public Optional<Bytes> closestDescendantMerkleValue(Hash256 root, Bytes key) {
    if (isEmptyRoot(root)) {
      return Optional.empty();
    }
    byte[] k = Nibbles.fromKey(key.unsafeArray());
    Bytes merkleValue = Bytes.wrap(root.unsafeArray());
    TrieNode node = load(root, root, "root");
    int pos = 0;
    while (true) {
      byte[] partial =
          switch (node) {
            case TrieNode.Empty e -> null;
            case TrieNode.Leaf leaf -> leaf.partialKey().unsafeArray();
            case TrieNode.Branch branch -> branch.partialKey().unsafeArray();
          };
      if (partial == null) {
        return Optional.empty();
      }
      int rest = k.length - pos;
      if (rest <= partial.length) {
        // The node's path reaches or passes the key: it is the closest descendant if the key
        // is a prefix of its path.
        return Arrays.equals(partial, 0, rest, k, pos, k.length)
            ? Optional.of(merkleValue)
            : Optional.empty();
      }
      if (!matches(partial, k, pos) || !(node instanceof TrieNode.Branch branch)) {
        return Optional.empty();
      }
      pos += partial.length;
      ChildRef child = branch.childOrNull(k[pos]);
      if (child == null) {
        return Optional.empty();
      }
      pos++;
      merkleValue = child.referenceBytes();
      node = resolveChild(child, root, k, pos);
    }
  }

  /**
   * The smallest key strictly greater than {@code key} (the host API's {@code next_key}).
   *
   * @throws MissingTrieNodeException if a node that must be visited is not in the source
   */
  public Optional<Bytes> nextKey(Hash256 root, Bytes key) {
    // Every key greater than `key` is at least `key ‖ 0x00`.
    try (Stream<Bytes> keys = keys(root, Bytes.EMPTY, key.concat(Bytes.of((byte) 0)))) {
      return keys.findFirst();
    }
  }

  /** All entries whose key starts with {@code prefix}, in key order. */
  public Stream<TrieEntry> entries(Hash256 root, Bytes prefix) {
    return entries(root, prefix, prefix);
  }

  /**
   * The entries whose key starts with {@code prefix} and is at least {@code startKey}, in unsigned
   * lexicographic key order. The stream is lazy: nodes are loaded as it advances.
   *
   * @throws MissingTrieNodeException (while streaming) if a node is not in the source
   */
  public Stream<TrieEntry> entries(Hash256 root, Bytes prefix, Bytes startKey) {
    Walk walk = new Walk(root, prefix, startKey);
    return stream(
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return walk.hasNext();
          }

          @Override
          public TrieEntry next() {
            Walk.Found found = walk.next();
            return new TrieEntry(found.key(), resolveValue(found.value(), found.key()));
          }
        });
  }

  /**
   * The keys starting with {@code prefix} and at least {@code startKey}, without loading values.
   */
  public Stream<Bytes> keys(Hash256 root, Bytes prefix, Bytes startKey) {
    Walk walk = new Walk(root, prefix, startKey);
    return stream(
        new Iterator<>() {
          @Override
          public boolean hasNext() {
            return walk.hasNext();
          }

          @Override
          public Bytes next() {
            return walk.next().key();
          }
        });
  }

  /** All keys starting with {@code prefix}, in key order. */
  public Stream<Bytes> keys(Hash256 root, Bytes prefix) {
    return keys(root, prefix, prefix);
  }

  /**
   * The keys whose values differ between two versions of the trie, with their values in {@code to}
   * (empty: the key is gone), in key order. Subtrees the two versions share (the same child
   * reference under the same path) are skipped without being loaded, so the cost follows the size
   * of the change, not of the trie.
   *
   * @throws MissingTrieNodeException if a node that must be visited is not in the source
   */
  public NavigableMap<Bytes, Optional<Bytes>> diff(Hash256 from, Hash256 to) {
    NavigableMap<Bytes, Optional<Bytes>> changes = new TreeMap<>();
    if (from.equals(to)) {
      return changes;
    }
    new Diff(changes)
        .compare(
            isEmptyRoot(from) ? null : Positioned.of(load(from, from, "root"), new byte[0], from),
            isEmptyRoot(to) ? null : Positioned.of(load(to, to, "root"), new byte[0], to));
    return changes;
  }

  /** A node with its absolute path (the nibbles of its key prefix, its partial key included). */
  private static final class Positioned {
    private final TrieNode node;
    private final byte[] path;
    private final Hash256 root;

    /**
     * @param root the root of the version it belongs to, for error messages
     */
    Positioned(TrieNode node, byte[] path, Hash256 root) {
      this.node = node;
      this.path = path;
      this.root = root;
    }

    static Positioned of(TrieNode node, byte[] parentPath, Hash256 root) {
      Nibbles partial =
          switch (node) {
            case TrieNode.Empty e -> Nibbles.EMPTY;
            case TrieNode.Leaf l -> l.partialKey();
            case TrieNode.Branch b -> b.partialKey();
          };
      return new Positioned(node, concat(parentPath, partial.unsafeArray()), root);
    }

    byte[] path() {
      return path;
    }

    Hash256 root() {
      return root;
    }

    Optional<NodeValue> value() {
      return switch (node) {
        case TrieNode.Leaf l -> Optional.of(l.value());
        case TrieNode.Branch b -> b.value();
        case TrieNode.Empty e -> Optional.empty();
      };
    }

    ChildRef child(int nibble) {
      return node instanceof TrieNode.Branch b ? b.childOrNull(nibble) : null;
    }
  }

  /** One {@link #diff}: a simultaneous walk of both versions. */
  private final class Diff {
    private final NavigableMap<Bytes, Optional<Bytes>> changes;

    Diff(NavigableMap<Bytes, Optional<Bytes>> changes) {
      this.changes = changes;
    }

    /** Records the differences between two subtrees; null stands for an empty one. */
    void compare(Positioned a, Positioned b) {
      if (a == null || b == null) {
        if (a != null) {
          everything(a, false);
        }
        if (b != null) {
          everything(b, true);
        }
        return;
      }
      byte[] pa = a.path();
      byte[] pb = b.path();
      int common = Arrays.mismatch(pa, pb);
      if (common < 0) {
        Optional<NodeValue> va = a.value();
        Optional<NodeValue> vb = b.value();
        if (!va.equals(vb)) {
          // The same value may be inline in one version and hashed in the other (layout V0 → V1).
          Bytes key = key(pa, b.root());
          Optional<Bytes> before = va.map(v -> resolveValue(v, key));
          Optional<Bytes> after = vb.map(v -> resolveValue(v, key));
          if (!before.equals(after)) {
            changes.put(key, after);
          }
        }
        for (int i = 0; i < 16; i++) {
          ChildRef ca = a.child(i);
          ChildRef cb = b.child(i);
          if (ca != null && ca.equals(cb)) {
            continue;
          }
          compare(child(a, ca, i), child(b, cb, i));
        }
      } else if (common == pa.length) {
        // a is above b: its own value and every other branch are only in a.
        valueOnly(a, false);
        int next = pb[common];
        for (int i = 0; i < 16; i++) {
          Positioned c = child(a, a.child(i), i);
          if (i == next) {
            compare(c, b);
          } else if (c != null) {
            everything(c, false);
          }
        }
      } else if (common == pb.length) {
        valueOnly(b, true);
        int next = pa[common];
        for (int i = 0; i < 16; i++) {
          Positioned c = child(b, b.child(i), i);
          if (i == next) {
            compare(a, c);
          } else if (c != null) {
            everything(c, true);
          }
        }
      } else {
        everything(a, false);
        everything(b, true);
      }
    }

    private Positioned child(Positioned parent, ChildRef ref, int nibble) {
      if (ref == null) {
        return null;
      }
      byte[] path = Arrays.copyOf(parent.path(), parent.path().length + 1);
      path[path.length - 1] = (byte) nibble;
      return Positioned.of(
          resolveChild(ref, parent.root(), path, path.length), path, parent.root());
    }

    /** Records the node's own value as gone (from a) or new (in b). */
    private void valueOnly(Positioned p, boolean present) {
      Optional<NodeValue> value = p.value();
      if (value.isPresent()) {
        Bytes key = key(p.path(), p.root());
        changes.put(key, present ? Optional.of(resolveValue(value.get(), key)) : Optional.empty());
      }
    }

    /** Records every value of the subtree as gone (from a) or new (in b). */
    private void everything(Positioned p, boolean present) {
      valueOnly(p, present);
      for (int i = 0; i < 16; i++) {
        Positioned c = child(p, p.child(i), i);
        if (c != null) {
          everything(c, present);
        }
      }
    }

    private Bytes key(byte[] path, Hash256 at) {
      if ((path.length & 1) != 0) {
        throw new StorageException(
            "trie under root " + at + " has a value at the odd-length path " + Nibbles.wrap(path),
            null,
            true);
      }
      return Bytes.wrap(Nibbles.toKey(path, path.length));
    }
  }

  /**
   * Applies changes to the trie with the given root and returns the new root with the nodes that
   * did not exist before. The source is not modified.
   *
   * @param changes new values by key; {@link Optional#empty()} deletes the key
   * @param version layout for the values written by this call
   * @throws MissingTrieNodeException if a node on a changed path is not in the source
   */
  public TrieCommit apply(
      Hash256 root, NavigableMap<Bytes, Optional<Bytes>> changes, StateVersion version) {
    Update update = new Update(root, version);
    for (Map.Entry<Bytes, Optional<Bytes>> change : changes.entrySet()) {
      update.apply(change.getKey(), change.getValue());
    }
    return update.commit();
  }

  private boolean isEmptyRoot(Hash256 root) {
    return root.equals(emptyRoot);
  }

  private static <T> Stream<T> stream(Iterator<T> iterator) {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(
            iterator, Spliterator.ORDERED | Spliterator.DISTINCT | Spliterator.NONNULL),
        false);
  }

  private static boolean matches(byte[] partial, byte[] key, int pos) {
    return Arrays.equals(partial, 0, partial.length, key, pos, pos + partial.length);
  }

  private TrieNode load(Hash256 hash, Hash256 root, String where) {
    return load(hash, root, null, 0, where);
  }

  /**
   * Loads a stored node; {@code where} (or, when {@code path} is set, its first {@code pathLength}
   * nibbles) names it in a failure's message, built only then: every read of a stored trie comes
   * through here.
   */
  private TrieNode load(Hash256 hash, Hash256 root, byte[] path, int pathLength, String where) {
    Optional<TrieNode> node;
    try {
      node = source.decodedNode(hash);
      if (node.isEmpty()) {
        node =
            source.missingNode(
                hash, path == null ? Nibbles.EMPTY : Nibbles.wrap(Arrays.copyOf(path, pathLength)));
      }
    } catch (TrieNodeDecodingException e) {
      throw new StorageException(
          "trie node "
              + hash
              + " ("
              + describe(path, pathLength, where)
              + ", root "
              + root
              + ") is malformed: "
              + e.getMessage(),
          e,
          true);
    }
    if (node.isEmpty()) {
      throw new MissingTrieNodeException(
          hash, describe(path, pathLength, where) + " under root " + root);
    }
    return node.get();
  }

  private static String describe(byte[] path, int pathLength, String where) {
    return path == null ? where : "at path " + Nibbles.wrap(Arrays.copyOf(path, pathLength));
  }

  private TrieNode resolveChild(ChildRef ref, Hash256 root, byte[] path, int pathLength) {
    return switch (ref) {
      case ChildRef.Hashed hashed -> load(hashed.hash(), root, path, pathLength, "");
      case ChildRef.Inline inline -> {
        try {
          yield TrieNodeCodec.decode(inline.encodedNode());
        } catch (TrieNodeDecodingException e) {
          throw new StorageException(
              "inline trie node at path "
                  + Nibbles.wrap(Arrays.copyOf(path, pathLength))
                  + " under root "
                  + root
                  + " is malformed: "
                  + e.getMessage(),
              e,
              true);
        }
      }
    };
  }

  private Bytes resolveValue(NodeValue value, Bytes key) {
    return switch (value) {
      case NodeValue.Inline inline -> inline.value();
      case NodeValue.Hashed hashed ->
          source
              .node(hashed.hash())
              .or(() -> source.missingValue(hashed.hash(), key))
              .orElseThrow(
                  () -> new MissingTrieNodeException(hashed.hash(), "hashed value of key " + key));
    };
  }

  /** A depth-first, in-order walk over the keys within a prefix and from a start key. */
  private final class Walk {
    record Found(Bytes key, NodeValue value) {}

    private static final class Frame {
      final TrieNode node;
      final byte[] path;

      /** Whether keys below this node may still be smaller than the start key. */
      final boolean bounded;

      /** -1 before the node's own value was considered, then the next child nibble to try. */
      int next = -1;

      Frame(TrieNode node, byte[] path, boolean bounded) {
        this.node = node;
        this.path = path;
        this.bounded = bounded;
      }
    }

    private final Hash256 root;
    private final byte[] prefix;
    private final byte[] start;
    private final Deque<Frame> stack = new ArrayDeque<>();
    private Found pending;

    Walk(Hash256 root, Bytes prefix, Bytes startKey) {
      this.root = root;
      this.prefix = Nibbles.fromKey(prefix.unsafeArray());
      byte[] s = Nibbles.fromKey(startKey.unsafeArray());
      // Keys below the prefix are all at least the prefix itself.
      this.start = Arrays.compare(s, this.prefix) < 0 ? this.prefix : s;
      if (!isEmptyRoot(root)) {
        push(load(root, root, "root"), new byte[0], true);
      }
    }

    boolean hasNext() {
      if (pending == null) {
        pending = advance();
      }
      return pending != null;
    }

    Found next() {
      if (!hasNext()) {
        throw new NoSuchElementException();
      }
      Found found = pending;
      pending = null;
      return found;
    }

    private void push(TrieNode node, byte[] parentPath, boolean parentBounded) {
      Nibbles partial =
          switch (node) {
            case TrieNode.Empty e -> null;
            case TrieNode.Leaf l -> l.partialKey();
            case TrieNode.Branch b -> b.partialKey();
          };
      if (partial == null) {
        return;
      }
      byte[] path = concat(parentPath, partial.unsafeArray());
      int n = Math.min(path.length, prefix.length);
      if (!Arrays.equals(path, 0, n, prefix, 0, n)) {
        return;
      }
      boolean bounded = parentBounded;
      if (bounded) {
        int m = Math.min(path.length, start.length);
        int cmp = Arrays.compare(path, 0, m, start, 0, m);
        if (cmp < 0) {
          return;
        }
        bounded = cmp == 0 && path.length < start.length;
      }
      stack.push(new Frame(node, path, bounded));
    }

    private Found advance() {
      while (!stack.isEmpty()) {
        Frame top = stack.peek();
        if (top.next < 0) {
          top.next = 0;
          Optional<NodeValue> value =
              switch (top.node) {
                case TrieNode.Leaf l -> Optional.of(l.value());
                case TrieNode.Branch b -> b.value();
                case TrieNode.Empty e -> Optional.empty();
              };
          // A key equal to the path is below the start key while the node is still bounded.
          if (value.isPresent() && !top.bounded && top.path.length >= prefix.length) {
            if ((top.path.length & 1) != 0) {
              throw new StorageException(
                  "trie under root "
                      + root
                      + " has a value at the odd-length path "
                      + Nibbles.wrap(top.path),
                  null,
                  true);
            }
            return new Found(Bytes.wrap(Nibbles.toKey(top.path, top.path.length)), value.get());
          }
        }
        if (!(top.node instanceof TrieNode.Branch branch)) {
          stack.pop();
          continue;
        }
        int depth = top.path.length;
        int from = top.next;
        int to = 15;
        if (depth < prefix.length) {
          from = Math.max(from, prefix[depth]);
          to = prefix[depth];
        }
        if (top.bounded && depth < start.length) {
          from = Math.max(from, start[depth]);
        }
        int child = -1;
        for (int i = from; i <= to; i++) {
          if (branch.childOrNull(i) != null) {
            child = i;
            break;
          }
        }
        if (child < 0) {
          stack.pop();
          continue;
        }
        top.next = child + 1;
        byte[] childPath = Arrays.copyOf(top.path, depth + 1);
        childPath[depth] = (byte) child;
        push(
            resolveChild(branch.childOrNull(child), root, childPath, childPath.length),
            childPath,
            top.bounded);
      }
      return null;
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    if (b.length == 0) {
      return a;
    }
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }

  /** A mutable, lazily loaded copy of the changed paths. */
  private static final class WorkNode {
    byte[] partial;

    /** The node's value; {@code null} when it has none. */
    NodeValue value;

    /** The bytes of a hashed value written by this update, to be emitted with the nodes. */
    Bytes newHashedValue;

    /** {@code null} for a leaf; otherwise 16 slots of null, {@link ChildRef} or WorkNode. */
    Object[] children;

    /** How the parent referred to this node when it was loaded; {@code null} for new nodes. */
    ChildRef original;

    boolean dirty;

    int childCount() {
      int count = 0;
      if (children != null) {
        for (Object c : children) {
          if (c != null) {
            count++;
          }
        }
      }
      return count;
    }
  }

  private final class Update {
    private final Hash256 oldRoot;
    private final StateVersion version;
    private WorkNode rootNode;
    private boolean rootLoaded;
    private boolean changed;
    private boolean anyChange;
    private Bytes currentKey;
    private Map<Hash256, Bytes> newNodes;

    Update(Hash256 oldRoot, StateVersion version) {
      this.oldRoot = oldRoot;
      this.version = Objects.requireNonNull(version, "version");
    }

    void apply(Bytes key, Optional<Bytes> value) {
      if (!rootLoaded) {
        rootLoaded = true;
        if (!isEmptyRoot(oldRoot)) {
          rootNode = work(load(oldRoot, oldRoot, "root"), new ChildRef.Hashed(oldRoot));
        }
      }
      currentKey = key;
      changed = false;
      byte[] k = Nibbles.fromKey(key.unsafeArray());
      if (value.isPresent()) {
        Bytes v = value.get();
        NodeValue nodeValue;
        Bytes hashedBytes = null;
        if (version.hashesValue(v.length())) {
          nodeValue = new NodeValue.Hashed(hasher.hash(v.unsafeArray()));
          hashedBytes = v;
        } else {
          nodeValue = new NodeValue.Inline(v);
        }
        rootNode = insert(rootNode, k, 0, nodeValue, hashedBytes);
      } else {
        rootNode = remove(rootNode, k, 0);
      }
      anyChange |= changed;
    }

    TrieCommit commit() {
      if (!anyChange) {
        return new TrieCommit(oldRoot, Map.of());
      }
      newNodes = new HashMap<>();
      byte[] encoded = rootNode == null ? new byte[] {0} : encode(rootNode);
      Hash256 root = hasher.hash(encoded);
      newNodes.put(root, Bytes.wrap(encoded));
      return new TrieCommit(root, newNodes);
    }

    private WorkNode work(TrieNode node, ChildRef original) {
      WorkNode w = new WorkNode();
      w.original = original;
      switch (node) {
        case TrieNode.Empty e -> {
          return null;
        }
        case TrieNode.Leaf leaf -> {
          w.partial = leaf.partialKey().unsafeArray();
          w.value = leaf.value();
        }
        case TrieNode.Branch branch -> {
          w.partial = branch.partialKey().unsafeArray();
          w.value = branch.value().orElse(null);
          w.children = new Object[16];
          for (int i = 0; i < 16; i++) {
            w.children[i] = branch.childOrNull(i);
          }
        }
      }
      return w;
    }

    private WorkNode child(WorkNode parent, int index, byte[] path, int pathLength) {
      if (parent.children == null) {
        return null;
      }
      Object c = parent.children[index];
      if (c == null || c instanceof WorkNode) {
        return (WorkNode) c;
      }
      ChildRef ref = (ChildRef) c;
      WorkNode w;
      try {
        w = work(resolveChild(ref, oldRoot, path, pathLength), ref);
      } catch (MissingTrieNodeException e) {
        throw new MissingTrieNodeException(
            e.hash(), "needed to change key " + currentKey + " under root " + oldRoot);
      }
      parent.children[index] = w;
      return w;
    }

    private WorkNode leaf(byte[] key, int from, NodeValue value, Bytes hashedBytes) {
      WorkNode w = new WorkNode();
      w.partial = Arrays.copyOfRange(key, from, key.length);
      w.value = value;
      w.newHashedValue = hashedBytes;
      w.dirty = true;
      return w;
    }

    private WorkNode insert(
        WorkNode node, byte[] key, int pos, NodeValue value, Bytes hashedBytes) {
      if (node == null) {
        changed = true;
        return leaf(key, pos, value, hashedBytes);
      }
      byte[] partial = node.partial;
      int common = 0;
      int max = Math.min(partial.length, key.length - pos);
      while (common < max && partial[common] == key[pos + common]) {
        common++;
      }
      int at = pos + common;
      if (common == partial.length) {
        if (at == key.length) {
          if (value.equals(node.value)) {
            return node;
          }
          node.value = value;
          node.newHashedValue = hashedBytes;
          node.dirty = true;
          changed = true;
          return node;
        }
        int nibble = key[at];
        WorkNode c = child(node, nibble, key, at + 1);
        WorkNode updated = insert(c, key, at + 1, value, hashedBytes);
        if (changed) {
          if (node.children == null) {
            node.children = new Object[16];
          }
          node.children[nibble] = updated;
          node.dirty = true;
        }
        return node;
      }
      // The key leaves this node's partial key: split it under a new branch.
      WorkNode branch = new WorkNode();
      branch.partial = Arrays.copyOf(partial, common);
      branch.children = new Object[16];
      branch.dirty = true;
      int oldNibble = partial[common];
      node.partial = Arrays.copyOfRange(partial, common + 1, partial.length);
      node.dirty = true;
      branch.children[oldNibble] = node;
      if (at == key.length) {
        branch.value = value;
        branch.newHashedValue = hashedBytes;
      } else {
        branch.children[key[at]] = leaf(key, at + 1, value, hashedBytes);
      }
      changed = true;
      return branch;
    }

    private WorkNode remove(WorkNode node, byte[] key, int pos) {
      if (node == null) {
        return null;
      }
      byte[] partial = node.partial;
      if (key.length - pos < partial.length || !matches(partial, key, pos)) {
        return node;
      }
      int at = pos + partial.length;
      if (at == key.length) {
        if (node.value == null) {
          return node;
        }
        node.value = null;
        node.newHashedValue = null;
        node.dirty = true;
        changed = true;
        return normalize(node, key, at);
      }
      int nibble = key[at];
      WorkNode c = child(node, nibble, key, at + 1);
      if (c == null) {
        return node;
      }
      WorkNode updated = remove(c, key, at + 1);
      if (!changed) {
        return node;
      }
      node.children[nibble] = updated;
      node.dirty = true;
      return normalize(node, key, at);
    }

    /** Restores the trie invariants after a removal below or at {@code node}. */
    private WorkNode normalize(WorkNode node, byte[] key, int pathLength) {
      if (node.value != null) {
        return node;
      }
      int count = node.childCount();
      if (count == 0) {
        return null;
      }
      if (count > 1) {
        return node;
      }
      int only = 0;
      while (node.children[only] == null) {
        only++;
      }
      byte[] path = Arrays.copyOf(key, pathLength + 1);
      path[pathLength] = (byte) only;
      WorkNode c = child(node, only, path, path.length);
      byte[] merged = new byte[node.partial.length + 1 + c.partial.length];
      System.arraycopy(node.partial, 0, merged, 0, node.partial.length);
      merged[node.partial.length] = (byte) only;
      System.arraycopy(c.partial, 0, merged, node.partial.length + 1, c.partial.length);
      c.partial = merged;
      c.dirty = true;
      return c;
    }

    private byte[] encode(WorkNode node) {
      byte[][] refs = null;
      if (node.childCount() > 0) {
        refs = new byte[16][];
        for (int i = 0; i < 16; i++) {
          Object c = node.children[i];
          if (c != null) {
            refs[i] = reference(c);
          }
        }
      }
      int kind;
      byte[] valueBytes = null;
      switch (node.value) {
        case null -> kind = NodeEncoding.VALUE_NONE;
        case NodeValue.Inline inline -> {
          kind = NodeEncoding.VALUE_INLINE;
          valueBytes = inline.value().unsafeArray();
        }
        case NodeValue.Hashed hashed -> {
          kind = NodeEncoding.VALUE_HASHED;
          valueBytes = hashed.hash().unsafeArray();
          if (node.newHashedValue != null) {
            newNodes.put(hashed.hash(), node.newHashedValue);
          }
        }
      }
      return NodeEncoding.encode(node.partial, 0, node.partial.length, kind, valueBytes, refs);
    }

    private byte[] reference(Object child) {
      if (child instanceof ChildRef ref) {
        return ref.referenceBytes().unsafeArray();
      }
      WorkNode w = (WorkNode) child;
      if (!w.dirty) {
        return w.original.referenceBytes().unsafeArray();
      }
      byte[] encoded = encode(w);
      if (encoded.length < Hash256.LENGTH) {
        return encoded;
      }
      Hash256 hash = hasher.hash(encoded);
      newNodes.put(hash, Bytes.wrap(encoded));
      return hash.unsafeArray();
    }
  }
}
