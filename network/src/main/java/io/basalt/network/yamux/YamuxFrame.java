/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.yamux;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.ByteBufAllocator;

/** The Yamux frame header: its constants and its encoding. */
final class YamuxFrame {
  static final int HEADER_LENGTH = 12;
  static final int VERSION = 0;

  static final int TYPE_DATA = 0;
  static final int TYPE_WINDOW_UPDATE = 1;
  static final int TYPE_PING = 2;
  static final int TYPE_GO_AWAY = 3;

  static final int FLAG_SYN = 1;
  static final int FLAG_ACK = 2;
  static final int FLAG_FIN = 4;
  static final int FLAG_RST = 8;

  static final int GO_AWAY_NORMAL = 0;
  static final int GO_AWAY_PROTOCOL_ERROR = 1;
  static final int GO_AWAY_INTERNAL_ERROR = 2;

  private YamuxFrame() {}

  /** A header; {@code length} is an unsigned 32-bit value. */
  static ByteBuf header(ByteBufAllocator alloc, int type, int flags, int streamId, long length) {
    ByteBuf header = alloc.buffer(HEADER_LENGTH, HEADER_LENGTH);
    header.writeByte(VERSION);
    header.writeByte(type);
    header.writeShort(flags);
    header.writeInt(streamId);
    header.writeInt((int) length);
    return header;
  }
}
