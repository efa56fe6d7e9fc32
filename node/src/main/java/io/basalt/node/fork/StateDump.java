/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.fork;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.basalt.node.chain.ChainDatabase;
import io.basalt.node.chain.GenesisFactory;
import io.basalt.node.config.ForkConfig;
import io.basalt.node.config.InvalidConfigurationException;
import io.basalt.node.importer.BlockFileException;
import io.basalt.node.importer.SignedBlockJson;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.types.Block;
import io.basalt.primitives.types.Header;
import io.basalt.primitives.types.StateVersion;
import io.basalt.storage.trie.StateCommit;
import io.basalt.storage.trie.StateTrie;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A state dump to fork from ({@code --fork-state FILE}): the key/value pairs of a block's top trie
 * as {@code state_getPairs} returns them, and that block's header ({@code chain_getHeader}'s
 * answer), either in one file {@code {"header": …, "pairs": [[key, value], …]}} or with the pairs
 * alone (a bare array, or a JSON-RPC response) and the header in {@code --fork-header FILE}. The
 * trie built from the pairs must have the header's state root, in layout V0 or V1.
 *
 * @param header the block the state belongs to
 * @param pairs the top trie's entries
 * @param file where the pairs came from, for messages
 */
record StateDump(Header header, NavigableMap<Bytes, Bytes> pairs, Path file) {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * Reads a dump.
   *
   * @throws InvalidConfigurationException naming the file and what is wrong with it
   */
  static StateDump load(ForkConfig.Dump dump) {
    JsonNode state = unwrap(read(dump.state()));
    JsonNode pairs = state.isObject() ? state.get("pairs") : state;
    if (pairs == null || !pairs.isArray()) {
      throw new InvalidConfigurationException(
          "--fork-state "
              + dump.state()
              + ": expected state_getPairs' array of [key, value] pairs, or an object with"
              + " \"header\" and \"pairs\"");
    }
    JsonNode headerJson;
    if (dump.header().isPresent()) {
      headerJson = unwrap(read(dump.header().get()));
    } else if (state.isObject() && state.has("header")) {
      headerJson = state.get("header");
    } else {
      throw new InvalidConfigurationException(
          "--fork-state "
              + dump.state()
              + " holds no \"header\": give the block's header with --fork-header FILE");
    }
    Header header;
    try {
      header = SignedBlockJson.headerFromJson(headerJson);
    } catch (BlockFileException e) {
      throw new InvalidConfigurationException(
          "--fork-header: the header is malformed: " + e.getMessage(), e);
    }
    NavigableMap<Bytes, Bytes> entries = new TreeMap<>();
    int index = 0;
    for (JsonNode pair : pairs) {
      String where = "--fork-state " + dump.state() + ": pair " + index++;
      if (!pair.isArray() || pair.size() != 2) {
        throw new InvalidConfigurationException(where + " is not a [key, value] pair");
      }
      entries.put(
          ForkedChain.hex(pair.get(0), where + " key"),
          ForkedChain.hex(pair.get(1), where + " value"));
    }
    return new StateDump(header, entries, dump.state());
  }

  private static JsonNode read(Path file) {
    try {
      return JSON.readTree(Files.readString(file));
    } catch (JsonProcessingException e) {
      throw new InvalidConfigurationException(file + " is not JSON: " + e.getOriginalMessage(), e);
    } catch (IOException e) {
      throw new InvalidConfigurationException("cannot read " + file + ": " + e.getMessage(), e);
    }
  }

  /** The {@code result} of a saved JSON-RPC response, or the document itself. */
  private static JsonNode unwrap(JsonNode node) {
    return node.isObject() && node.has("jsonrpc") && node.has("result") ? node.get("result") : node;
  }

  /**
   * Writes the fork's first commit: genesis header, this block as best and finalized, its state.
   *
   * @throws InvalidConfigurationException if the pairs do not have the header's state root
   */
  ForkPoint commitTo(ChainDatabase db, GenesisFactory.GenesisBlock genesis) {
    StateCommit state = null;
    StateVersion version = null;
    for (StateVersion candidate : List.of(StateVersion.V0, StateVersion.V1)) {
      StateCommit built = StateTrie.build(pairs, Map.of(), candidate);
      if (built.root().equals(header.stateRoot())) {
        state = built;
        version = candidate;
        break;
      }
    }
    if (state == null) {
      throw new InvalidConfigurationException(
          "--fork-state "
              + file
              + ": its "
              + pairs.size()
              + " pairs do not have the header's state root "
              + header.stateRoot()
              + " (in layout V0 or V1): the dump and the header are of different blocks, or the"
              + " dump is incomplete");
    }
    ForkPoint point =
        new ForkPoint(header.hash(), header.number(), header.stateRoot(), version, file.toString());
    ForkedChain.commit(
        db,
        genesis.hash(),
        Optional.of(genesis.header()),
        genesis,
        new Block(header, List.of()),
        point,
        Optional.of(state));
    return point;
  }
}
