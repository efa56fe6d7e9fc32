/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.light;

import io.basalt.network.codec.Decoding;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.scale.ScaleCodec;
import io.basalt.primitives.scale.ScaleWriter;
import java.util.List;

/** A storage proof as light responses carry it: SCALE {@code Vec<Vec<u8>>} of trie nodes. */
final class StorageProofs {
  private static final ScaleCodec<List<Bytes>> NODES = ScaleCodec.vec(ScaleCodec.BYTES);

  private StorageProofs() {}

  static Bytes encode(List<Bytes> nodes) {
    ScaleWriter w = new ScaleWriter();
    NODES.encode(w, nodes);
    return w.toBytes();
  }

  static List<Bytes> decode(Bytes proof) {
    return Decoding.scale(proof.unsafeArray(), "storage proof", NODES::decode);
  }
}
