/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.txpool;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.executor.vm.WasmExecutionMethod;
import io.basalt.node.txpool.TransactionStatus.Finalized;
import io.basalt.node.txpool.TransactionStatus.InBlock;
import io.basalt.node.txpool.TransactionStatus.Ready;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.runtime.demo.account.MultiAddress;
import io.basalt.runtime.demo.call.RuntimeCall;
import io.basalt.runtime.demo.chain.BuiltBlock;
import io.basalt.runtime.demo.chain.DemoChain;
import io.basalt.runtime.demo.chain.DevAccounts;
import io.basalt.runtime.demo.chain.ExtrinsicFactory;
import io.basalt.runtime.demo.chain.WasmCode;
import io.basalt.runtime.demo.extrinsic.Era;
import io.basalt.runtime.demo.extrinsic.MultiSignature;
import io.basalt.runtime.demo.extrinsic.SignedExtra;
import io.basalt.runtime.demo.extrinsic.UncheckedExtrinsic;
import io.basalt.storage.block.BlockRef;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/**
 * The pool on the real basalt-demo runtime (its Rust twin, compiled Wasm, through runtime-native's
 * block-building harness): {@code TaggedTransactionQueue_validate_transaction} answers decode as
 * the spec says, a signed transfer flows from submission through a built block to finality, and bad
 * nonces and signatures get the runtime's reasons.
 */
class TransactionPoolDemoRuntimeIT {
  private static final BigInteger UNIT = BigInteger.TEN.pow(12);
  private static final long START = 1_700_000_000_000L;

  private final DemoChain chain =
      DemoChain.fromPreset(
          WasmCode.runtime(WasmExecutionMethod.COMPILED, 100),
          "development",
          Optional.of(WasmCode.compressed(100)));

  /** The state of every block built so far, so that validation can run at any of them. */
  private final Map<Hash256, DemoChain> states = new ConcurrentHashMap<>();

  private final ExtrinsicFactory extrinsics = new ExtrinsicFactory(100, chain.genesisHash());
  private final RuntimeCall transfer =
      new RuntimeCall.TransferKeepAlive(new MultiAddress.Id(DevAccounts.bobId()), UNIT);

  TransactionPoolDemoRuntimeIT() {
    states.put(chain.head().hash(), chain.fork(chain.runtime()));
  }

  /** What the node's validator does: API version 3 on the block's state, changes discarded. */
  private TransactionValidity validate(TransactionSource source, Bytes xt, BlockRef at) {
    DemoChain state = states.get(at.hash());
    if (state == null) {
      throw new IllegalStateException("no state for block " + at.hash());
    }
    byte[] input = TaggedTransactionQueue.input(3, source, xt, at.hash());
    return TaggedTransactionQueue.decode(state.call(TaggedTransactionQueue.METHOD, input).output());
  }

  private BlockRef head() {
    return new BlockRef(chain.head().hash(), chain.head().number());
  }

  private BuiltBlock build(List<Bytes> xts, int n) {
    BuiltBlock built = chain.buildBlock(xts, START + n * 6_000L);
    states.put(chain.head().hash(), chain.fork(chain.runtime()));
    return built;
  }

  private static Bytes tag(long nonce) {
    return DevAccounts.aliceId().bytes().concat(new ScaleWriter().writeU32(nonce).toBytes());
  }

  private UncheckedExtrinsic signed(long nonce) {
    return extrinsics.signed(DevAccounts.alice(), transfer, nonce);
  }

  /** Alice's transfer at {@code nonce} with one bit of its signature flipped. */
  private Bytes forged(long nonce) {
    MultiSignature.Sr25519 good =
        (MultiSignature.Sr25519) signed(nonce).signature().orElseThrow().signature();
    byte[] bad = good.signature().toArray();
    bad[3] ^= 1;
    return ExtrinsicFactory.withSignature(
            DevAccounts.alice(),
            transfer,
            new SignedExtra(Era.IMMORTAL, nonce, BigInteger.ZERO),
            Bytes.wrap(bad))
        .encoded();
  }

  @Test
  void theRuntimesAnswersDecodeAsTheSpecSays() {
    BlockRef genesis = head();
    // An immortal transfer at nonce 0 provides (alice, 0), needs nothing, lives u64::MAX - 1
    // blocks (validated as block #1), priority = tip = 0.
    assertThat(validate(TransactionSource.EXTERNAL, signed(0).encoded(), genesis))
        .isEqualTo(new ValidTransaction(0, List.of(), List.of(tag(0)), -2L, true));
    // Nonce 1 is ahead: valid, but requires (alice, 0).
    assertThat(validate(TransactionSource.EXTERNAL, signed(1).encoded(), genesis))
        .isEqualTo(new ValidTransaction(0, List.of(tag(0)), List.of(tag(1)), -2L, true));
    // A tip is the priority; a mortal era bounds the longevity (period 64 born at #0: dies at 64).
    UncheckedExtrinsic tipped =
        extrinsics.signed(
            DevAccounts.alice(),
            transfer,
            0,
            BigInteger.valueOf(5),
            Era.mortal(64, 0),
            chain.genesisHash());
    assertThat(validate(TransactionSource.LOCAL, tipped.encoded(), genesis))
        .isEqualTo(new ValidTransaction(5, List.of(), List.of(tag(0)), 63, true));
    // A corrupted signature.
    TransactionValidity bad = validate(TransactionSource.EXTERNAL, forged(0), genesis);
    assertThat(bad)
        .isEqualTo(
            new TransactionValidityError.Invalid(
                InvalidTransaction.of(InvalidTransaction.Kind.BAD_PROOF)));
    assertThat(((TransactionValidityError) bad).message())
        .isEqualTo("Transaction has a bad signature");
    // After nonce 0 is included, it is stale.
    build(List.of(signed(0).encoded()), 1);
    assertThat(validate(TransactionSource.EXTERNAL, signed(0).encoded(), head()))
        .isEqualTo(
            new TransactionValidityError.Invalid(
                InvalidTransaction.of(InvalidTransaction.Kind.STALE)));
  }

  @Test
  void aSignedTransferGoesFromThePoolIntoABlockAndToFinality() {
    TransactionPool pool =
        new TransactionPool(TransactionPoolConfig.defaults(), this::validate, head());
    Bytes first = signed(0).encoded();
    Bytes second = signed(1).encoded();
    StatusRecorder secondEvents = new StatusRecorder();
    assertThat(pool.submitAndWatch(TransactionSource.EXTERNAL, second, secondEvents))
        .isInstanceOf(Submission.Accepted.class);
    assertThat(pool.status().future()).isEqualTo(1);
    StatusRecorder firstEvents = new StatusRecorder();
    pool.submitAndWatch(TransactionSource.EXTERNAL, first, firstEvents);
    assertThat(pool.status().ready()).isEqualTo(2);

    // A forged signature is refused with the runtime's reason, as the author RPC reports it.
    Submission refused = pool.submit(TransactionSource.EXTERNAL, forged(2));
    assertThat(refused).isInstanceOf(Submission.Rejected.class);
    assertThat(((Submission.Rejected) refused).error().rpcError())
        .isEqualTo(
            new AuthorRpcError(
                1010, "Invalid Transaction", Optional.of("Transaction has a bad signature")));

    // The block builder takes the ready transactions in order.
    List<PoolTransaction> taken = new ArrayList<>();
    pool.ready().forEachRemaining(taken::add);
    assertThat(taken).extracting(PoolTransaction::extrinsic).containsExactly(first, second);
    BuiltBlock built = build(taken.stream().map(PoolTransaction::extrinsic).toList(), 1);
    assertThat(built.included()).containsOnly(true);
    assertThat(built.block().extrinsics())
        .containsSubsequence(taken.stream().map(PoolTransaction::payload).toList());

    pool.maintain(ChainEvent.NewBestBlock.extending(BlockExtrinsics.of(built.block())));
    Hash256 block = built.block().hash();
    assertThat(pool.status()).isEqualTo(PoolStatus.EMPTY);
    pool.maintain(new ChainEvent.Finalized(List.of(block)));
    assertThat(firstEvents.events())
        .containsExactly(new Ready(), new InBlock(block), new Finalized(block));
    assertThat(secondEvents.events())
        .containsExactly(
            new TransactionStatus.Future(), new Ready(), new InBlock(block), new Finalized(block));

    // Included transactions are banned; the next nonce is ready at once.
    assertThat(pool.submit(TransactionSource.EXTERNAL, first))
        .isEqualTo(
            new Submission.Rejected(
                PoolTransaction.hashOf(first), new PoolError.TemporarilyBanned()));
    Bytes third = signed(2).encoded();
    assertThat(pool.submit(TransactionSource.EXTERNAL, third))
        .isEqualTo(new Submission.Accepted(PoolTransaction.hashOf(third), Optional.empty()));
    assertThat(pool.readyCount()).isEqualTo(1);
  }
}
