/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.executor.state;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.StateVersion;
import io.basalt.primitives.types.WellKnownKeys;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Externalities} over an {@link OverlayedChanges} and a read-only {@link StateBackend}
 * (sp-state-machine's {@code Ext}): reads look in the overlay first, writes go to the overlay only.
 *
 * <pre>{@code
 * OverlayedChanges changes = new OverlayedChanges();
 * Externalities ext = new OverlayedExternalities(changes, backendAtParent);
 * executor.call(code, "Core_execute_block", block, ext);
 * changes.topChanges(); // what to commit
 * }</pre>
 */
public final class OverlayedExternalities implements Externalities {
  private static final Logger LOG = LoggerFactory.getLogger("state");

  private final OverlayedChanges overlay;
  private final StateBackend backend;

  public OverlayedExternalities(OverlayedChanges overlay, StateBackend backend) {
    this.overlay = overlay;
    this.backend = backend;
  }

  /** The overlay this writes to. */
  public OverlayedChanges overlay() {
    return overlay;
  }

  @Override
  public Optional<Bytes> get(Bytes key) {
    return switch (overlay.get(key)) {
      case OverlayLookup.Value(Bytes v) -> Optional.of(v);
      case OverlayLookup.Deleted d -> Optional.empty();
      case OverlayLookup.Unknown u -> backend.get(key);
    };
  }

  @Override
  public boolean exists(Bytes key) {
    return get(key).isPresent();
  }

  @Override
  public void set(Bytes key, Bytes value) {
    place(key, Optional.of(value));
  }

  @Override
  public void clear(Bytes key) {
    place(key, Optional.empty());
  }

  private void place(Bytes key, Optional<Bytes> value) {
    if (key.startsWith(WellKnownKeys.CHILD_STORAGE_PREFIX)) {
      LOG.warn("refusing to set child storage key {} directly in the top trie", key);
      return;
    }
    overlay.set(key, value);
  }

  @Override
  public void append(Bytes key, Bytes item) {
    Bytes current =
        switch (overlay.get(key)) {
          case OverlayLookup.Value(Bytes v) -> v;
          case OverlayLookup.Deleted d -> Bytes.EMPTY;
          case OverlayLookup.Unknown u -> backend.get(key).orElse(Bytes.EMPTY);
        };
    overlay.set(key, Optional.of(appendToVec(current, item)));
  }

  /** Appends an encoded item to an encoded SCALE {@code Vec}, or starts {@code [item]}. */
  static Bytes appendToVec(Bytes encodedVec, Bytes item) {
    if (!encodedVec.isEmpty()) {
      try {
        ScaleReader r = new ScaleReader(encodedVec);
        long count = r.readCompactU32();
        if (count < 0xffffffffL) {
          int prefixLength = r.position();
          ScaleWriter w = new ScaleWriter(encodedVec.length() + item.length() + 4);
          w.writeCompact(count + 1);
          w.writeRaw(encodedVec.unsafeArray(), prefixLength, encodedVec.length() - prefixLength);
          w.writeRaw(item);
          return w.toBytes();
        }
      } catch (ScaleDecodingException e) {
        // fall through: the value is not a SCALE Vec
      }
      LOG.error(
          "failed to append to {} bytes: not a SCALE Vec; resetting to [value]",
          encodedVec.length());
    }
    return new ScaleWriter(item.length() + 1).writeCompact(1).writeRaw(item).toBytes();
  }

  @Override
  public Optional<Bytes> nextKey(Bytes key) {
    return mergeNext(backend.nextKey(key), overlay.changesAfter(key), backend::nextKey);
  }

  @Override
  public Optional<Bytes> childNextKey(Bytes childKey, Bytes key) {
    return mergeNext(
        backend.childNextKey(childKey, key),
        overlay.childChangesAfter(childKey, key),
        k -> backend.childNextKey(childKey, k));
  }

  private static Optional<Bytes> mergeNext(
      Optional<Bytes> firstBackend,
      Map<Bytes, OverlayLookup> overlayAfter,
      java.util.function.Function<Bytes, Optional<Bytes>> backendNext) {
    Optional<Bytes> nextBackend = firstBackend;
    for (Map.Entry<Bytes, OverlayLookup> change : overlayAfter.entrySet()) {
      Bytes overlayKey = change.getKey();
      int cmp = nextBackend.map(b -> b.compareTo(overlayKey)).orElse(1);
      if (nextBackend.isPresent() && cmp < 0) {
        return nextBackend;
      }
      if (change.getValue() instanceof OverlayLookup.Value) {
        return Optional.of(overlayKey);
      }
      if (cmp == 0) {
        // The backend key is deleted in the overlay: look further in the backend.
        nextBackend = backendNext.apply(overlayKey);
      }
    }
    return nextBackend;
  }

  @Override
  public RemovalResult clearPrefix(Bytes prefix, OptionalLong limit, Optional<Bytes> cursor) {
    if (startsWithChildStorageKey(prefix)) {
      LOG.warn("refusing to clear prefix {}: it is part of or contains child storage keys", prefix);
      return RemovalResult.NONE;
    }
    int inOverlay = overlay.clearPrefix(prefix);
    return removeFromBackend(Optional.empty(), prefix, limit, cursor, inOverlay);
  }

  @Override
  public RemovalResult killChild(Bytes childKey, OptionalLong limit, Optional<Bytes> cursor) {
    int inOverlay = overlay.clearChildPrefix(childKey, Bytes.EMPTY);
    return removeFromBackend(Optional.of(childKey), Bytes.EMPTY, limit, cursor, inOverlay);
  }

  @Override
  public RemovalResult childClearPrefix(
      Bytes childKey, Bytes prefix, OptionalLong limit, Optional<Bytes> cursor) {
    int inOverlay = overlay.clearChildPrefix(childKey, prefix);
    return removeFromBackend(Optional.of(childKey), prefix, limit, cursor, inOverlay);
  }

  /** Substrate's {@code limit_remove_from_backend}: the limit counts visited backend keys. */
  private RemovalResult removeFromBackend(
      Optional<Bytes> child,
      Bytes prefix,
      OptionalLong limit,
      Optional<Bytes> cursor,
      int removedFromOverlay) {
    Bytes start = cursor.filter(c -> c.compareTo(prefix) > 0).orElse(prefix);
    Optional<Bytes> key =
        backendGet(child, start).isPresent() ? Optional.of(start) : backendNext(child, start);
    long deleted = 0;
    long loops = 0;
    Optional<Bytes> nextCursor = Optional.empty();
    while (key.isPresent() && key.get().startsWith(prefix)) {
      Bytes k = key.get();
      if (limit.isPresent() && loops == limit.getAsLong()) {
        nextCursor = key;
        break;
      }
      OverlayLookup current = child.isPresent() ? overlay.childGet(child.get(), k) : overlay.get(k);
      if (!(current instanceof OverlayLookup.Deleted)) {
        if (child.isPresent()) {
          overlay.childSet(child.get(), k, Optional.empty());
        } else {
          overlay.set(k, Optional.empty());
        }
        deleted++;
      }
      loops++;
      key = backendNext(child, k);
    }
    return new RemovalResult(nextCursor, deleted, removedFromOverlay + deleted, loops);
  }

  private Optional<Bytes> backendGet(Optional<Bytes> child, Bytes key) {
    return child.isPresent() ? backend.childGet(child.get(), key) : backend.get(key);
  }

  private Optional<Bytes> backendNext(Optional<Bytes> child, Bytes key) {
    return child.isPresent() ? backend.childNextKey(child.get(), key) : backend.nextKey(key);
  }

  /**
   * sp-core's {@code starts_with_child_storage_key}: the prefix overlaps {@code :child_storage:}.
   */
  static boolean startsWithChildStorageKey(Bytes key) {
    return key.length() > WellKnownKeys.CHILD_STORAGE_PREFIX.length()
        ? key.startsWith(WellKnownKeys.CHILD_STORAGE_PREFIX)
        : WellKnownKeys.CHILD_STORAGE_PREFIX.startsWith(key);
  }

  @Override
  public Hash256 storageRoot(StateVersion version) {
    return backend.root(
        overlay.topDeltaWithChildRoots(
            (childKey, delta) -> backend.childRoot(childKey, delta, version)),
        version);
  }

  @Override
  public Hash256 childStorageRoot(Bytes childKey, StateVersion version) {
    return backend.childRoot(childKey, overlay.childChanges(childKey), version);
  }

  @Override
  public Optional<Bytes> childGet(Bytes childKey, Bytes key) {
    return switch (overlay.childGet(childKey, key)) {
      case OverlayLookup.Value(Bytes v) -> Optional.of(v);
      case OverlayLookup.Deleted d -> Optional.empty();
      case OverlayLookup.Unknown u -> backend.childGet(childKey, key);
    };
  }

  @Override
  public boolean childExists(Bytes childKey, Bytes key) {
    return childGet(childKey, key).isPresent();
  }

  @Override
  public void childSet(Bytes childKey, Bytes key, Bytes value) {
    overlay.childSet(childKey, key, Optional.of(value));
  }

  @Override
  public void childClear(Bytes childKey, Bytes key) {
    overlay.childSet(childKey, key, Optional.empty());
  }

  @Override
  public void startTransaction() {
    overlay.startTransaction();
  }

  @Override
  public void commitTransaction() {
    overlay.commitTransaction();
  }

  @Override
  public void rollbackTransaction() {
    overlay.rollbackTransaction();
  }

  @Override
  public void offchainIndexSet(Bytes key, Bytes value) {
    overlay.setOffchainIndex(key, Optional.of(value));
  }

  @Override
  public void offchainIndexClear(Bytes key) {
    overlay.setOffchainIndex(key, Optional.empty());
  }

  @Override
  public void indexTransaction(long extrinsic, Bytes hash, long size) {
    overlay.addTransactionIndex(
        new OverlayedChanges.TransactionIndexOperation(extrinsic, hash, size));
  }

  @Override
  public void renewTransactionIndex(long extrinsic, Bytes hash) {
    overlay.addTransactionIndex(
        new OverlayedChanges.TransactionIndexOperation(extrinsic, hash, -1));
  }
}
