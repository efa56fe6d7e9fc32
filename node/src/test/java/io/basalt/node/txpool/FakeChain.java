/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.hash.Hashing;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.storage.block.BlockRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * A chain of accounts with nonces and a runtime that validates like FRAME's CheckNonce, for pool
 * tests: a transaction of {@code sender} with {@code nonce} provides {@code [sender, nonce]},
 * requires {@code [sender, nonce - 1]} when ahead of the account's nonce, and is {@code Stale} when
 * behind. Blocks apply their transactions to their parent's nonces. Thread-safe.
 */
final class FakeChain implements TransactionValidator {

  /** A test transaction; {@code salt} tells apart transactions with the same sender and nonce. */
  record Tx(int sender, long nonce, long priority, long longevity, boolean propagate, int salt) {
    static Tx of(int sender, long nonce) {
      return new Tx(sender, nonce, 0, -1L, true, 0);
    }

    Tx priority(long p) {
      return new Tx(sender, nonce, p, longevity, propagate, salt);
    }

    Tx longevity(long l) {
      return new Tx(sender, nonce, priority, l, propagate, salt);
    }

    Tx notPropagated() {
      return new Tx(sender, nonce, priority, longevity, false, salt);
    }

    Tx salt(int s) {
      return new Tx(sender, nonce, priority, longevity, propagate, s);
    }

    /** The payload as a block body holds it. */
    Bytes payload() {
      return new ScaleWriter()
          .writeU8(sender)
          .writeU32(nonce)
          .writeU64(priority)
          .writeU64(longevity)
          .writeBool(propagate)
          .writeU8(salt)
          .toBytes();
    }

    /** The encoded extrinsic the pool takes. */
    Bytes encoded() {
      return PoolTransaction.withLengthPrefix(payload());
    }

    Hash256 hash() {
      return PoolTransaction.hashOf(encoded());
    }

    Bytes tag() {
      return FakeChain.tag(sender, nonce);
    }

    static Tx decode(Bytes encoded) {
      ScaleReader r = new ScaleReader(new ScaleReader(encoded).readByteVec());
      return new Tx(
          r.readU8(), r.readU32AsLong(), r.readI64(), r.readI64(), r.readBool(), r.readU8());
    }
  }

  /** A validation the runtime was asked for. */
  record Call(TransactionSource source, Hash256 tx, BlockRef at) {}

  private final Map<Hash256, Map<Integer, Long>> nonces = new ConcurrentHashMap<>();
  private final Map<Hash256, Function<BlockRef, TransactionValidity>> overrides =
      new ConcurrentHashMap<>();
  private final List<Call> calls = new ArrayList<>();
  final BlockExtrinsics genesis;

  FakeChain() {
    genesis = new BlockExtrinsics(Hash256.ZERO, 0, Hash256.ZERO, List.of());
    nonces.put(genesis.hash(), Map.of());
  }

  BlockRef genesisRef() {
    return ref(genesis);
  }

  static BlockRef ref(BlockExtrinsics block) {
    return new BlockRef(block.hash(), block.number());
  }

  static Bytes tag(int sender, long nonce) {
    return new ScaleWriter().writeU8(sender).writeU32(nonce).toBytes();
  }

  /** A block on {@code parent} with these transactions ({@code fork} varies the hash). */
  BlockExtrinsics block(BlockExtrinsics parent, int fork, Tx... txs) {
    Map<Integer, Long> state = new HashMap<>(nonces.get(parent.hash()));
    ScaleWriter id = new ScaleWriter().writeHash(parent.hash()).writeU32(fork);
    List<Bytes> body = new ArrayList<>();
    for (Tx tx : txs) {
      long expected = state.getOrDefault(tx.sender(), 0L);
      if (tx.nonce() != expected) {
        throw new IllegalArgumentException(
            tx + " cannot go into a block: the nonce is " + expected);
      }
      state.put(tx.sender(), expected + 1);
      body.add(tx.payload());
      id.writeByteVec(tx.payload());
    }
    BlockExtrinsics block =
        new BlockExtrinsics(
            Hashing.blake2b256Hash(id.toByteArray()), parent.number() + 1, parent.hash(), body);
    nonces.put(block.hash(), Map.copyOf(state));
    return block;
  }

  BlockExtrinsics block(BlockExtrinsics parent, Tx... txs) {
    return block(parent, 0, txs);
  }

  /** Makes the runtime answer {@code answer} for {@code tx} (it may throw). */
  void override(Tx tx, Function<BlockRef, TransactionValidity> answer) {
    overrides.put(tx.hash(), answer);
  }

  void clearOverride(Tx tx) {
    overrides.remove(tx.hash());
  }

  synchronized List<Call> calls() {
    return List.copyOf(calls);
  }

  synchronized long callsFor(Tx tx) {
    return calls.stream().filter(c -> c.tx().equals(tx.hash())).count();
  }

  @Override
  public TransactionValidity validate(TransactionSource source, Bytes extrinsic, BlockRef at) {
    Hash256 hash = PoolTransaction.hashOf(extrinsic);
    synchronized (this) {
      calls.add(new Call(source, hash, at));
    }
    Function<BlockRef, TransactionValidity> override = overrides.get(hash);
    if (override != null) {
      return override.apply(at);
    }
    Map<Integer, Long> state = nonces.get(at.hash());
    if (state == null) {
      throw new IllegalStateException("unknown block " + at.hash());
    }
    Tx tx = Tx.decode(extrinsic);
    long current = state.getOrDefault(tx.sender(), 0L);
    if (tx.nonce() < current) {
      return new TransactionValidityError.Invalid(
          InvalidTransaction.of(InvalidTransaction.Kind.STALE));
    }
    List<Bytes> requires =
        tx.nonce() > current ? List.of(tag(tx.sender(), tx.nonce() - 1)) : List.of();
    return new ValidTransaction(
        tx.priority(), requires, List.of(tx.tag()), tx.longevity(), tx.propagate());
  }
}
