/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.rpc.golden;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.crypto.keystore.KeyTypeId;
import io.basalt.rpc.api.AuthorApi;
import io.basalt.rpc.api.Cancellable;
import io.basalt.rpc.api.ExtrinsicStatus;
import io.basalt.rpc.api.RuntimeCallException;
import io.basalt.rpc.dispatch.RpcException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * A pool and key store for the golden files: the extrinsic {@code 0x0400} is refused as the demo
 * runtime refuses an unsigned transfer (1010, {@code BadProof}), {@code 0x0c01} as bytes that are
 * not one extrinsic (1040 when submitted, 1001 when watched, as in Substrate); anything else is
 * accepted, and a watched one goes ready, into block #3 and is finalized there. The ready queue
 * holds {@link #PENDING}. The key store holds Alice's {@code aura} key; session keys are the empty
 * encoding (the demo runtime has none) and decode only when empty; {@code rotateKeys} traps when
 * the key store is asked to (key type {@code fail}).
 */
public final class FakeAuthor implements AuthorApi {
  static final Bytes PENDING = Bytes.fromHex("0x0c010203");
  private static final Bytes NOT_AN_EXTRINSIC = Bytes.fromHex("0x0c01");
  private static final String NOT_AN_EXTRINSIC_REASON =
      "cannot decode Vec<u8> at offset 0: length 3 exceeds the 1 remaining byte(s)";
  static final Bytes ALICE =
      Bytes.fromHex("0xd43593c715fdd31c61141abd04a99fd6822c8558854ccde39a5684e7a56da27d");

  private final FakeChain chain;
  private final Set<String> keys = new HashSet<>();

  public FakeAuthor(FakeChain chain) {
    this.chain = chain;
    keys.add("aura" + ALICE);
  }

  @Override
  public Hash256 submit(Bytes extrinsic) {
    if (extrinsic.equals(NOT_AN_EXTRINSIC)) {
      throw new RpcException(1040, "Client error: " + NOT_AN_EXTRINSIC_REASON, null);
    }
    refuseInvalid(extrinsic);
    return FakeChain.hash(extrinsic);
  }

  private static void refuseInvalid(Bytes extrinsic) {
    if (extrinsic.equals(Bytes.fromHex("0x0400"))) {
      throw new RpcException(1010, "Invalid Transaction", "Transaction has a bad signature");
    }
  }

  @Override
  public Cancellable submitAndWatch(Bytes extrinsic, Consumer<ExtrinsicStatus> listener) {
    if (extrinsic.equals(NOT_AN_EXTRINSIC)) {
      throw new RpcException(
          1001, "Extrinsic has invalid format: " + NOT_AN_EXTRINSIC_REASON, null);
    }
    refuseInvalid(extrinsic);
    listener.accept(ExtrinsicStatus.ready());
    listener.accept(ExtrinsicStatus.inBlock(chain.hashOf(3)));
    listener.accept(ExtrinsicStatus.finalized(chain.hashOf(3)));
    return () -> {};
  }

  @Override
  public List<Bytes> pendingExtrinsics() {
    return List.of(PENDING);
  }

  @Override
  public List<Hash256> remove(Collection<Hash256> hashes) {
    List<Hash256> removed = new ArrayList<>();
    for (Hash256 hash : hashes) {
      if (hash.equals(FakeChain.hash(PENDING))) {
        removed.add(hash);
      }
    }
    return removed;
  }

  @Override
  public void insertKey(KeyTypeId keyType, String suri, Bytes publicKey) {
    keys.add(keyType + publicKey.toString());
  }

  @Override
  public Bytes rotateKeys() {
    if (keys.stream().anyMatch(k -> k.startsWith("fail"))) {
      throw new RuntimeCallException("Execution aborted due to trap: wasm trap: unreachable");
    }
    return Bytes.EMPTY;
  }

  @Override
  public Optional<Boolean> hasSessionKeys(Bytes sessionKeys) {
    return sessionKeys.isEmpty() ? Optional.of(true) : Optional.empty();
  }

  @Override
  public boolean hasKey(Bytes publicKey, KeyTypeId keyType) {
    return keys.contains(keyType + publicKey.toString());
  }
}
