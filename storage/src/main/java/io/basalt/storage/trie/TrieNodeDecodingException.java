/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.storage.trie;

/** Bytes that are not a valid trie node encoding; the message names the offset and the reason. */
public final class TrieNodeDecodingException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final int offset;

  public TrieNodeDecodingException(int offset, String reason) {
    super("invalid trie node at offset " + offset + ": " + reason);
    this.offset = offset;
  }

  /** The offset in the node encoding at which decoding failed. */
  public int offset() {
    return offset;
  }
}
