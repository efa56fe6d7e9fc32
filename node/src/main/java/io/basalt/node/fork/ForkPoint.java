/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.node.fork;

import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import io.basalt.primitives.scale.ScaleReader;
import io.basalt.primitives.scale.ScaleWriter;
import io.basalt.primitives.types.StateVersion;
import java.nio.charset.StandardCharsets;

/**
 * Where a forked chain starts: the block it was forked at (its header is the database's first
 * stored block after genesis), that block's state version, and the source it came from ({@code
 * --fork-url}, or the state dump's path). Kept in the database's aux column, so that a restart
 * knows the database is a fork.
 *
 * @param block the fork block's hash
 * @param number its number
 * @param stateRoot its state root, the root of the state fetched from the source
 * @param stateVersion the trie layout of that state
 * @param source where the state came from
 */
public record ForkPoint(
    Hash256 block, long number, Hash256 stateRoot, StateVersion stateVersion, String source) {

  /** The aux record's key. */
  public static final Bytes AUX_KEY = Bytes.wrap("basalt:fork".getBytes(StandardCharsets.US_ASCII));

  public Bytes encode() {
    ScaleWriter w = new ScaleWriter();
    w.writeHash(block).writeU64(number).writeHash(stateRoot);
    w.writeU8(stateVersion.number()).writeString(source);
    return w.toBytes();
  }

  public static ForkPoint decode(Bytes encoded) {
    ScaleReader r = new ScaleReader(encoded);
    ForkPoint point =
        new ForkPoint(
            r.readHash256(),
            r.readI64(),
            r.readHash256(),
            StateVersion.fromNumber(r.readU8()),
            r.readString());
    r.expectEnd("fork point");
    return point;
  }

  /** {@code #N (0x1234…abcd)}, as the log names the block. */
  public String describeBlock() {
    return "#" + number + " (" + block + ")";
  }
}
