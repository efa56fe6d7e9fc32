/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.types;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleDecodingException;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;

/**
 * One header digest log. SCALE variant indices follow sp-runtime: 0 Other, 1 ChangesTrieRoot
 * (retired), 4 Consensus, 5 Seal, 6 PreRuntime, 7 ChangesTrieSignal (retired), 8
 * RuntimeEnvironmentUpdated.
 */
public sealed interface DigestItem {

  /** Arbitrary data. */
  record Other(Bytes data) implements DigestItem {}

  /** A consensus message from the runtime to the node (e.g. an authority set change). */
  record Consensus(EngineId engine, Bytes data) implements DigestItem {}

  /** A seal added by the block author after execution (e.g. a signature). */
  record Seal(EngineId engine, Bytes data) implements DigestItem {}

  /** Data from the block author read by the runtime before execution (e.g. a BABE slot claim). */
  record PreRuntime(EngineId engine, Bytes data) implements DigestItem {}

  /** The runtime code or heap pages changed in this block. */
  record RuntimeEnvironmentUpdated() implements DigestItem {}

  /** Retired changes-trie root (index 1), kept so that old blocks still round-trip. */
  record ChangesTrieRoot(Hash256 root) implements DigestItem {}

  /** Retired changes-trie signal (index 7), kept as its raw encoding. */
  record ChangesTrieSignal(Bytes encoded) implements DigestItem {}

  ScaleCodec<DigestItem> CODEC =
      ScaleCodec.of("DigestItem", DigestItem::encode, DigestItem::decode);

  private static void encode(ScaleWriter w, DigestItem item) {
    switch (item) {
      case Other(Bytes data) -> w.writeU8(0).writeByteVec(data);
      case ChangesTrieRoot(Hash256 root) -> w.writeU8(1).writeHash(root);
      case Consensus(EngineId engine, Bytes data) ->
          w.writeU8(4).writeRaw(engine.toBytes()).writeByteVec(data);
      case Seal(EngineId engine, Bytes data) ->
          w.writeU8(5).writeRaw(engine.toBytes()).writeByteVec(data);
      case PreRuntime(EngineId engine, Bytes data) ->
          w.writeU8(6).writeRaw(engine.toBytes()).writeByteVec(data);
      case ChangesTrieSignal(Bytes encoded) -> w.writeU8(7).writeRaw(encoded);
      case RuntimeEnvironmentUpdated() -> w.writeU8(8);
    }
  }

  private static DigestItem decode(ScaleReader r) {
    int at = r.position();
    int index = r.readU8();
    return switch (index) {
      case 0 -> new Other(r.readByteVec());
      case 1 -> new ChangesTrieRoot(r.readHash256());
      case 4 -> new Consensus(engine(r), r.readByteVec());
      case 5 -> new Seal(engine(r), r.readByteVec());
      case 6 -> new PreRuntime(engine(r), r.readByteVec());
      case 7 -> new ChangesTrieSignal(changesTrieSignal(r));
      case 8 -> new RuntimeEnvironmentUpdated();
      default ->
          throw new ScaleDecodingException(at, "DigestItem", "unknown variant index " + index);
    };
  }

  private static EngineId engine(ScaleReader r) {
    return EngineId.fromBytes(r.readRaw(4, "ConsensusEngineId"));
  }

  // ChangesTrieSignal::NewConfiguration(Option<ChangesTrieConfiguration { u32, u32 }>)
  private static Bytes changesTrieSignal(ScaleReader r) {
    int start = r.position();
    r.readVariant("ChangesTrieSignal", 1);
    r.readOption(ScaleCodec.tuple(ScaleCodec.U32, ScaleCodec.U32));
    return r.consumedSince(start);
  }
}
