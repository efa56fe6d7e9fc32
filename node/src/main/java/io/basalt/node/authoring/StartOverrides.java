/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.authoring;

import io.basalt.executor.vm.InvalidRuntimeCodeException;
import io.basalt.executor.vm.RuntimeTrapException;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.RuntimeCalls;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.failure.UserFacingException;
import io.basalt.node.log.StatusLog;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.RuntimeVersion;
import io.basalt.primitives.types.WellKnownKeys;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;

/**
 * What Chopsticks' {@code --wasm-override} and {@code --import-storage} change at start, applied as
 * {@code dev_setStorage} is applied here: written into the state of one new block built on the best
 * block with only its inherents, whose header commits to them (Chopsticks overwrites the head's
 * state in memory instead). {@code :code} comes first, then the storage values, whose names are
 * read with the new runtime's metadata; so a file may also set {@code :code} and win. Every name
 * and value is checked before the block is built: a bad one leaves the chain as it was.
 *
 * <p>The block is built at every start with these options, before the node serves RPC; the next
 * block then runs the new code (and its {@code on_runtime_upgrade}).
 *
 * @param code the runtime for {@code :code}, if any
 * @param storage the storage values, if any
 */
public record StartOverrides(Optional<CodeOverride> code, Optional<StorageImport> storage) {
  /** Why the options need a node that makes blocks. */
  public static final String NEEDS_BLOCK_PRODUCTION =
      "--wasm-override and --import-storage build a block at start, so they need block production:"
          + " --dev, or --consensus (e.g. manual) with a chain spec";

  private static final StartOverrides NONE = new StartOverrides(Optional.empty(), Optional.empty());

  /** Nothing to change. */
  public static StartOverrides none() {
    return NONE;
  }

  /** Whether there is nothing to change. */
  public boolean isEmpty() {
    return code.isEmpty() && storage.isEmpty();
  }

  /**
   * The writes, checked against the best block's runtime (or the new one) without changing
   * anything.
   *
   * @throws InvalidConfigurationException (one line naming the file) for code whose version cannot
   *     be read, an unknown pallet or item, a value that does not fit, a child trie's key
   */
  public List<StorageOverride> writes(Header best, RuntimeCalls calls) {
    List<StorageOverride> writes = new ArrayList<>();
    if (code.isPresent()) {
      CodeOverride c = code.get();
      try {
        calls.codeFor(best, c.code());
      } catch (InvalidRuntimeCodeException | RuntimeTrapException e) {
        throw new InvalidConfigurationException(
            "--wasm-override: "
                + c.file()
                + ": the runtime cannot tell its version: "
                + e.getMessage(),
            e);
      }
      writes.add(new StorageOverride.Put(WellKnownKeys.CODE, c.code()));
    }
    if (storage.isPresent()) {
      StorageImport s = storage.get();
      List<StorageOverride> values =
          s.writes(() -> NamedStorage.at(calls, best, code.map(CodeOverride::code)));
      for (StorageOverride write : values) {
        if (WellKnownKeys.isChildStorageKey(write.key())) {
          throw new InvalidConfigurationException(
              "--import-storage: "
                  + s.file()
                  + ": "
                  + write.key()
                  + " is a child trie's key; only top-trie keys can be set");
        }
      }
      writes.addAll(values);
    }
    return writes;
  }

  /**
   * Builds the block with the changes on the best block, unless there are none.
   *
   * @return the block built
   * @throws InvalidConfigurationException for bad values (see {@link #writes}); nothing is written
   * @throws UserFacingException if the block cannot be built
   */
  public Optional<CreatedBlock> apply(DevSealer sealer, Blockchain chain, RuntimeCalls calls) {
    if (isEmpty()) {
      return Optional.empty();
    }
    Header best = chain.requireHeader(chain.best().hash());
    List<StorageOverride> writes = writes(best, calls);
    CreatedBlock block;
    try {
      block = sealer.createBlock(SealRequest.next().withStorage(writes)).join();
    } catch (CompletionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      throw new UserFacingException(
          "cannot build the block that applies " + options() + ": " + cause.getMessage(), cause);
    }
    if (code.isPresent()) {
      RuntimeVersion version = calls.codeFor(best, code.get().code()).version();
      StatusLog.info(
          "🩹 :code set from {} ({}-{}) in block #{} ({})",
          code.get().file(),
          version.specName(),
          version.specVersion(),
          block.number(),
          StatusLog.shortHash(block.hash()));
    }
    if (storage.isPresent()) {
      StatusLog.info(
          "📥 {} storage value(s) from {} set in block #{} ({})",
          writes.size() - (code.isPresent() ? 1 : 0),
          storage.get().file(),
          block.number(),
          StatusLog.shortHash(block.hash()));
    }
    return Optional.of(block);
  }

  private String options() {
    return code.isPresent() && storage.isPresent()
        ? "--wasm-override and --import-storage"
        : code.isPresent() ? "--wasm-override" : "--import-storage";
  }
}
