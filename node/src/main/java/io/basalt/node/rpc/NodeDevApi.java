/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.rpc;

import io.basalt.node.authoring.Consensus;
import io.basalt.node.authoring.DevSealer;
import io.basalt.node.authoring.InvalidStorageValuesException;
import io.basalt.node.authoring.NamedStorage;
import io.basalt.node.authoring.SealRequest;
import io.basalt.node.authoring.SealingException;
import io.basalt.node.authoring.StorageOverride;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Header;
import io.basalt.rpc.api.BuildBlockMode;
import io.basalt.rpc.api.DevApi;
import io.basalt.rpc.api.StorageValues;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * Chopsticks' {@code dev_*} over the node's {@link DevSealer} and chain.
 *
 * <p>{@code dev_setStorage} differs from Chopsticks on purpose: Chopsticks overwrites the head
 * block's storage in memory, so the head's state no longer matches its header. Here the values go
 * into the state of a new block built on the head (or on {@code blockHash}) with only its
 * inherents, whose header commits to that state; it is imported and stored like any block the node
 * makes, in one atomic commit, so readers, subscribers and a restarted node all see one consistent
 * chain. The answer is that new block's hash.
 */
public final class NodeDevApi implements DevApi {
  private static final Bytes CHILD_STORAGE =
      Bytes.wrap(":child_storage:".getBytes(StandardCharsets.US_ASCII));

  private final Blockchain chain;
  private final DevSealer sealer;
  private final RuntimeCalls calls;

  public NodeDevApi(Blockchain chain, DevSealer sealer, RuntimeCalls calls) {
    this.chain = chain;
    this.sealer = sealer;
    this.calls = calls;
  }

  @Override
  public long bestNumber() {
    return chain.best().number();
  }

  @Override
  public Optional<Hash256> blockHash(long number) {
    return number > chain.best().number() ? Optional.empty() : chain.canonicalHash(number);
  }

  @Override
  public Hash256 newBlock(Optional<List<Bytes>> extrinsics) {
    SealRequest request = SealRequest.next();
    return await(sealer.createBlock(extrinsics.map(request::withExtrinsics).orElse(request)))
        .hash();
  }

  @Override
  public Hash256 setStorage(StorageValues values, Optional<Hash256> at) {
    Header parent =
        at.isPresent()
            ? chain
                .header(at.get())
                .orElseThrow(() -> DevApi.error("Error: Cannot find block " + at.get()))
            : chain.requireHeader(chain.best().hash());
    List<StorageOverride> writes =
        switch (values) {
          case StorageValues.Raw raw ->
              raw.entries().stream()
                  .map(
                      e ->
                          e.value().isPresent()
                              ? (StorageOverride) new StorageOverride.Put(e.key(), e.value().get())
                              : new StorageOverride.Delete(e.key()))
                  .toList();
          case StorageValues.ByName named -> named(parent, named);
        };
    for (StorageOverride write : writes) {
      if (write.key().startsWith(CHILD_STORAGE)) {
        throw DevApi.error(
            "Error: "
                + write.key()
                + " is a child trie's key; dev_setStorage writes top-trie keys only");
      }
    }
    SealRequest request = SealRequest.next().withStorage(writes);
    return await(sealer.createBlock(at.isPresent() ? request.on(at.get()) : request)).hash();
  }

  private List<StorageOverride> named(Header parent, StorageValues.ByName values) {
    try {
      return NamedStorage.at(calls, parent).writes(values.pallets());
    } catch (InvalidStorageValuesException e) {
      throw DevApi.error("Error: " + e.getMessage());
    }
  }

  @Override
  public void timeTravel(long unixMillis) {
    sealer.timeTravel(unixMillis);
  }

  @Override
  public boolean setHead(Hash256 hash) {
    return await(sealer.setHead(hash));
  }

  @Override
  public void setBlockBuildMode(BuildBlockMode mode) {
    sealer.switchTo(
        switch (mode) {
          case BATCH, INSTANT -> new Consensus.InstantSeal();
          case MANUAL -> new Consensus.Manual();
        });
  }

  private static <T> T await(CompletableFuture<T> future) {
    try {
      return future.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof SealingException sealing) {
        throw DevApi.error("Error: " + sealing.getMessage());
      }
      throw e;
    }
  }
}
