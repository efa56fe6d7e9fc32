/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.sync;

import io.basalt.network.codec.Decoding;
import io.basalt.network.codec.ProtoReader;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The entries of one trie in a state response (protobuf {@code api.v1.KeyValueStateEntry}): {@code
 * state_root = 1} (empty for the top trie, else the child trie's root), {@code repeated entries =
 * 2}, {@code complete = 3}.
 *
 * @param stateRoot the child trie's root, empty for the top trie
 * @param entries the key-values, in key order
 * @param complete whether this trie has no more keys after these
 */
public record KeyValueStateEntry(Bytes stateRoot, List<StateEntry> entries, boolean complete) {

  public KeyValueStateEntry {
    Objects.requireNonNull(stateRoot, "stateRoot");
    entries = List.copyOf(entries);
  }

  public byte[] encode() {
    ProtoWriter w = new ProtoWriter().bytesIfSet(1, stateRoot);
    entries.forEach(e -> w.bytes(2, e.encode()));
    return w.boolIfSet(3, complete).toByteArray();
  }

  /**
   * Decodes one trie's entries.
   *
   * @throws FrameException if the bytes are not valid
   */
  public static KeyValueStateEntry decode(byte[] bytes) {
    return Decoding.protobuf(bytes, "KeyValueStateEntry", KeyValueStateEntry::read);
  }

  static KeyValueStateEntry read(ProtoReader r) {
    Bytes root = Bytes.EMPTY;
    List<StateEntry> entries = new ArrayList<>();
    boolean complete = false;
    for (int field; (field = r.next()) != 0; ) {
      switch (field) {
        case 1 -> root = r.bytes();
        case 2 ->
            entries.add(StateEntry.read(new ProtoReader(r.bytes().unsafeArray(), "StateEntry")));
        case 3 -> complete = r.bool();
        default -> r.skip();
      }
    }
    return new KeyValueStateEntry(root, entries, complete);
  }
}
