/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.fork;

import com.fasterxml.jackson.databind.JsonNode;
import io.basalt.chainspec.ChainSpec;
import io.basalt.node.chain.Blockchain;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.GenesisFactory;
import io.basalt.node.config.BasePath;
import io.basalt.node.config.ForkConfig;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.importer.BlockFileException;
import io.basalt.node.importer.SignedBlockJson;
import io.basalt.node.runtime.RuntimeGenesisBuilder;
import io.basalt.node.runtime.Runtimes;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.SignedBlock;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.block.BlockRef;
import io.basalt.storage.block.BlockStore;
import io.basalt.storage.trie.StateCommit;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Opens a chain's database at a fork point instead of at genesis.
 *
 * <p>On first start the database gets the genesis header (from the chain spec; if the source
 * reports another genesis hash, as Chopsticks does for a chain it starts from a spec, that hash
 * without a header), the fork block as best and finalized block, and the {@link ForkPoint} record,
 * in one atomic commit; blocks in between are not stored. With {@code --fork-url} the state then
 * comes from the source as the trie meets nodes it lacks ({@link RemoteState}); with {@code
 * --fork-state} it is built from the dump at once and must have the header's state root. Later
 * starts find the record and go on; a database started from genesis, or forked elsewhere, is
 * refused.
 */
public final class ForkedChain {
  private static final Logger LOG = LoggerFactory.getLogger("fork");

  private ForkedChain() {}

  /**
   * A forked chain's open database, and the source its state is fetched from (close both).
   *
   * @param opened the database, with the fork point in place
   * @param point where the chain was forked
   * @param source the node the state is fetched from; empty for a dump or without {@code
   *     --fork-url}
   */
  public record Opened(ChainDatabase.Opened opened, ForkPoint point, Optional<RemoteNode> source)
      implements AutoCloseable {
    @Override
    public void close() {
      source.ifPresent(
          remote -> {
            LOG.info(
                "{} requests to the fork source {} in this run", remote.requests(), remote.uri());
            remote.close();
          });
      opened.close();
    }
  }

  /**
   * Opens {@code <base>/chains/<id>/db/full} forked as {@code fork} says.
   *
   * @throws InvalidConfigurationException if the database or the fork source does not fit
   * @throws ForkSourceException if the source cannot be reached or fails
   */
  public static Opened open(
      ChainSpec spec,
      BasePath base,
      Runtimes runtimes,
      ForkConfig fork,
      Consumer<ChainDatabase> onOpen) {
    GenesisFactory.GenesisBlock genesis =
        GenesisFactory.build(spec, new RuntimeGenesisBuilder(runtimes));
    Optional<RemoteNode> source =
        fork instanceof ForkConfig.Remote remote
            ? Optional.of(remoteNode(remote))
            : Optional.empty();
    ChainDatabase db = null;
    try {
      db = ChainDatabase.open(base.databaseDir(spec.id()));
      onOpen.accept(db);
      ChainDatabase.GenesisOutcome outcome;
      ForkPoint point;
      Optional<ForkPoint> stored = db.blocks().aux(ForkPoint.AUX_KEY).map(ForkPoint::decode);
      if (db.blocks().genesisHash().isPresent()) {
        point =
            stored.orElseThrow(
                () ->
                    new InvalidConfigurationException(
                        "the database at "
                            + base.databaseDir(spec.id())
                            + " holds a chain started from genesis, not a fork; use another"
                            + " --base-path or run purge-chain"));
        requireSameForkBlock(fork, point);
        outcome = ChainDatabase.GenesisOutcome.EXISTING;
        LOG.info("Forked at block {} from {}", point.describeBlock(), point.source());
      } else {
        point =
            switch (fork) {
              case ForkConfig.Remote remote ->
                  forkRemote(db, genesis, source.orElseThrow(), remote);
              case ForkConfig.Dump dump -> StateDump.load(dump).commitTo(db, genesis);
              case ForkConfig.None none -> throw new IllegalArgumentException("not a fork");
            };
        outcome = ChainDatabase.GenesisOutcome.CREATED;
      }
      if (source.isPresent()) {
        db.trieNodes().fetchMissingFrom(new RemoteState(source.get(), point));
      }
      return new Opened(new ChainDatabase.Opened(db, genesis, outcome), point, source);
    } catch (RuntimeException e) {
      source.ifPresent(RemoteNode::close);
      if (db != null) {
        db.close();
      }
      throw e;
    }
  }

  private static RemoteNode remoteNode(ForkConfig.Remote remote) {
    try {
      return new RemoteNode(remote.url());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException("--fork-url: " + e.getMessage(), e);
    }
  }

  private static void requireSameForkBlock(ForkConfig fork, ForkPoint point) {
    Optional<String> wanted =
        fork instanceof ForkConfig.Remote remote ? remote.block() : Optional.empty();
    if (wanted.isEmpty()) {
      return;
    }
    String block = wanted.get();
    boolean same =
        block.startsWith("0x")
            ? block.equalsIgnoreCase(point.block().toString())
            : block.equals(Long.toString(point.number()));
    if (!same) {
      throw new InvalidConfigurationException(
          "the database was forked at block "
              + point.describeBlock()
              + ", not at --fork-block "
              + block
              + "; use another --base-path or run purge-chain");
    }
  }

  private static ForkPoint forkRemote(
      ChainDatabase db,
      GenesisFactory.GenesisBlock genesis,
      RemoteNode source,
      ForkConfig.Remote remote) {
    Hash256 remoteGenesis = hash(source.call("chain_getBlockHash", 0), "its genesis block");
    Optional<Header> genesisHeader = Optional.of(genesis.header());
    if (!remoteGenesis.equals(genesis.hash())) {
      // Chopsticks reports a made-up genesis hash for a chain it starts from a spec; clients
      // sign with the hash the source reports, so the fork keeps it (without a header for it).
      LOG.warn(
          "The fork source {} reports genesis {}, not the chain spec's {}: the fork follows the"
              + " source",
          source.uri(),
          remoteGenesis,
          genesis.hash());
      genesisHeader = Optional.empty();
    }
    Hash256 blockHash = forkBlockHash(source, remote.block());
    JsonNode signed = source.call("chain_getBlock", blockHash.toString());
    if (signed.isNull()) {
      throw new InvalidConfigurationException(
          "the fork source " + source.uri() + " has no block " + blockHash, null);
    }
    SignedBlock block;
    try {
      block = SignedBlockJson.fromJson(signed);
    } catch (BlockFileException e) {
      throw new ForkSourceException(
          "fork source "
              + source.uri()
              + ": block "
              + blockHash
              + " is malformed: "
              + e.getMessage(),
          e);
    }
    Header header = block.block().header();
    if (!header.hash().equals(blockHash)) {
      throw new ForkSourceException(
          "fork source "
              + source.uri()
              + ": the block it returns for "
              + blockHash
              + " hashes to "
              + header.hash()
              + (header.number() == 0
                  ? " (Chopsticks reports a made-up genesis hash: fork a block built on it)"
                  : ""),
          null);
    }
    JsonNode version = source.call("state_getRuntimeVersion", blockHash.toString());
    StateVersion stateVersion = StateVersion.fromNumber(version.path("stateVersion").asInt(0));
    ForkPoint point =
        new ForkPoint(
            blockHash, header.number(), header.stateRoot(), stateVersion, source.uri().toString());
    RemoteState remoteState = new RemoteState(source, point);
    Optional<StateCommit> state = Optional.empty();
    if (!remoteState.servesProofs()) {
      // Read whole now: the state's root may not even be the header's (Chopsticks leaves the
      // state roots of the blocks it builds at zero).
      StateCommit whole = remoteState.readWholeState();
      if (!whole.root().equals(header.stateRoot())) {
        LOG.warn(
            "Block {} of {} claims state root {}, but its state has root {} (Chopsticks does not"
                + " compute state roots): the fork uses the state's",
            point.describeBlock(),
            source.uri(),
            header.stateRoot(),
            whole.root());
        point =
            new ForkPoint(blockHash, header.number(), whole.root(), stateVersion, point.source());
      }
      state = Optional.of(whole);
    }
    commit(db, remoteGenesis, genesisHeader, genesis, block.block(), point, state);
    LOG.info("Forked at block {} of {}", point.describeBlock(), source.uri());
    return point;
  }

  private static Hash256 forkBlockHash(RemoteNode source, Optional<String> block) {
    if (block.isEmpty()) {
      return hash(source.call("chain_getBlockHash"), "its best block");
    }
    String given = block.get();
    if (given.startsWith("0x")) {
      try {
        return Hash256.fromHex(given);
      } catch (IllegalArgumentException e) {
        throw new InvalidConfigurationException(
            "--fork-block " + given + " is neither a block number nor a 32-byte hash", e);
      }
    }
    long number;
    try {
      number = Long.parseLong(given);
    } catch (NumberFormatException e) {
      throw new InvalidConfigurationException(
          "--fork-block " + given + " is neither a block number nor a 32-byte hash", e);
    }
    JsonNode hash = source.call("chain_getBlockHash", number);
    if (hash.isNull()) {
      throw new InvalidConfigurationException(
          "the fork source " + source.uri() + " has no block #" + number, null);
    }
    return hash(hash, "block #" + number);
  }

  private static Hash256 hash(JsonNode node, String what) {
    try {
      return Hash256.fromHex(node.asText());
    } catch (IllegalArgumentException e) {
      throw new ForkSourceException("the fork source answered " + node + " for " + what, e);
    }
  }

  /**
   * The fork's first commit: genesis header, the fork block as best and finalized, the fork point,
   * and (for a dump) the state's nodes, in one atomic batch.
   */
  static void commit(
      ChainDatabase db,
      Hash256 genesisHash,
      Optional<Header> genesisHeader,
      GenesisFactory.GenesisBlock genesis,
      Block forkBlock,
      ForkPoint point,
      Optional<StateCommit> state) {
    BlockRef fork = new BlockRef(point.block(), point.number());
    try (BlockStore.Transaction tx = db.blocks().transaction()) {
      if (point.number() == 0 && genesisHeader.isPresent()) {
        tx.putTrieNodes(genesis.state().toTrieCommit());
      } else {
        genesisHeader.ifPresent(h -> tx.putHeader(h).putBody(genesisHash, List.of()));
        tx.setCanonical(0, genesisHash);
      }
      state.ifPresent(s -> tx.putTrieNodes(s.toTrieCommit()));
      tx.putHeader(forkBlock.header())
          .putBody(point.block(), forkBlock.extrinsics())
          .setCanonical(point.number(), point.block())
          .setBest(fork)
          .setLeaves(List.of(fork))
          .setFinalized(fork)
          .setGenesis(genesisHash)
          .putAux(ForkPoint.AUX_KEY, Optional.of(point.encode()))
          .putAux(
              Blockchain.STATE_ROOT_SUBSTITUTE,
              point.stateRoot().equals(forkBlock.header().stateRoot())
                  ? Optional.empty()
                  : Optional.of(
                      new Blockchain.StateRootSubstitute(
                              point.block(), forkBlock.header().stateRoot(), point.stateRoot())
                          .encode()))
          .commit();
    }
  }

  /** The value of a {@code 0x} hex JSON string, for the dump reader. */
  static Bytes hex(JsonNode node, String where) {
    try {
      return Bytes.fromHex(node.asText());
    } catch (IllegalArgumentException e) {
      throw new InvalidConfigurationException(where + " is not 0x-prefixed hex: " + node, e);
    }
  }
}
