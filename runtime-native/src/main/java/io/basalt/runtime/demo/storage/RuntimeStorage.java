/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.runtime.demo.storage;

import io.basalt.executor.state.Externalities;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.StateVersion;
import java.math.BigInteger;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The runtime's view of state: the same {@link Externalities} the Wasm runtime's {@code
 * ext_storage_*} host functions use, with FRAME's typed-storage rules on top (runtime-spec §4). A
 * typed read decodes the value's prefix and ignores trailing bytes; a value that does not decode
 * reads as absent (so a {@code ValueQuery} item yields its default), as FRAME's {@code
 * storage::unhashed::get} does.
 *
 * <pre>{@code
 * RuntimeStorage storage = new RuntimeStorage(context.externalities());
 * long number = storage.readU32(SystemPallet.NUMBER).orElse(0L);
 * storage.inTransaction(() -> dispatch(call)); // rolled back if it throws
 * }</pre>
 */
public final class RuntimeStorage {
  private static final Logger LOG = LoggerFactory.getLogger("runtime::basalt-demo");

  private final Externalities ext;

  public RuntimeStorage(Externalities ext) {
    this.ext = ext;
  }

  /** The raw value of a key. */
  public Optional<Bytes> get(Bytes key) {
    return ext.get(key);
  }

  public boolean exists(Bytes key) {
    return ext.exists(key);
  }

  public void set(Bytes key, Bytes value) {
    ext.set(key, value);
  }

  public void clear(Bytes key) {
    ext.clear(key);
  }

  /** {@code ext_storage_append_version_1}: appends one encoded item to a SCALE {@code Vec}. */
  public void append(Bytes key, Bytes item) {
    ext.append(key, item);
  }

  /** {@code ext_storage_clear_prefix_version_2(prefix, limit)}; the result is not needed. */
  public void clearPrefix(Bytes prefix, OptionalLong limit) {
    ext.clearPrefix(prefix, limit, Optional.empty());
  }

  /** {@code ext_storage_root_version_2(1)}: the state root, trie layout V1. */
  public Hash256 root() {
    return ext.storageRoot(StateVersion.V1);
  }

  /** {@code ext_offchain_index_set_version_1}. */
  public void offchainIndexSet(Bytes key, Bytes value) {
    ext.offchainIndexSet(key, value);
  }

  /**
   * Decodes the value at {@code key} with FRAME's rules: absent or undecodable reads as empty,
   * trailing bytes are ignored.
   */
  public <T> Optional<T> read(Bytes key, Function<ScaleReader, T> decoder) {
    Optional<Bytes> raw = ext.get(key);
    if (raw.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(decoder.apply(new ScaleReader(raw.get())));
    } catch (ScaleDecodingException e) {
      LOG.error("corrupted state at {}: {}", key, e.getMessage());
      return Optional.empty();
    }
  }

  public Optional<Long> readU32(Bytes key) {
    return read(key, ScaleReader::readU32AsLong);
  }

  public Optional<Long> readU64(Bytes key) {
    return read(key, ScaleReader::readI64);
  }

  public Optional<BigInteger> readU128(Bytes key) {
    return read(key, ScaleReader::readU128);
  }

  public Optional<Boolean> readBool(Bytes key) {
    return read(key, ScaleReader::readBool);
  }

  public Optional<Hash256> readHash(Bytes key) {
    return read(key, ScaleReader::readHash256);
  }

  public void writeU32(Bytes key, long value) {
    ext.set(key, new ScaleWriter(4).writeU32(value).toBytes());
  }

  public void writeU64(Bytes key, long value) {
    ext.set(key, new ScaleWriter(8).writeU64(value).toBytes());
  }

  public void writeU128(Bytes key, BigInteger value) {
    ext.set(key, new ScaleWriter(16).writeU128(value).toBytes());
  }

  public void writeBool(Bytes key, boolean value) {
    ext.set(key, new ScaleWriter(1).writeBool(value).toBytes());
  }

  public void writeHash(Bytes key, Hash256 value) {
    ext.set(key, value.toBytes());
  }

  /**
   * Runs {@code body} in a storage transaction ({@code ext_storage_start_transaction}): committed
   * if it returns, rolled back if it throws (a dispatch error, an invalid transaction, or a panic),
   * so no transaction is ever left open.
   */
  public <T> T inTransaction(Supplier<T> body) {
    ext.startTransaction();
    T result;
    try {
      result = body.get();
    } catch (RuntimeException | Error e) {
      ext.rollbackTransaction();
      throw e;
    }
    ext.commitTransaction();
    return result;
  }

  /** Runs {@code body} in a storage transaction, rolled back if it throws. */
  public void inTransaction(Runnable body) {
    inTransaction(
        () -> {
          body.run();
          return null;
        });
  }
}
