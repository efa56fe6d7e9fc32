/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.light;

import io.basalt.network.codec.Decoding;
import io.basalt.network.codec.ProtoReader;
import io.basalt.network.codec.ProtoWriter;
import io.basalt.network.frame.FrameException;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.bytes.Hash256;
import java.util.ArrayList;
import java.util.List;

/**
 * A light client request: the protobuf {@code Request} whose {@code request} oneof holds a {@link
 * RemoteCallRequest} (field 1), a {@link RemoteReadRequest} (field 2) or a {@link
 * RemoteReadChildRequest} (field 4). Fields 3 and 5 are retired; the RFC-0009 read (field 6) is not
 * supported and decodes as an error.
 */
public sealed interface LightRequest
    permits RemoteCallRequest, RemoteReadRequest, RemoteReadChildRequest {

  /** The block the request is about. */
  Hash256 block();

  /** The protobuf {@code Request} carrying this request. */
  default byte[] encode() {
    return switch (this) {
      case RemoteCallRequest call ->
          new ProtoWriter()
              .bytes(
                  1,
                  new ProtoWriter()
                      .bytes(2, call.block().unsafeArray())
                      .string(3, call.method())
                      .bytes(4, call.data())
                      .toByteArray())
              .toByteArray();
      case RemoteReadRequest read -> {
        ProtoWriter inner = new ProtoWriter().bytes(2, read.block().unsafeArray());
        read.keys().forEach(k -> inner.bytes(3, k));
        yield new ProtoWriter().bytes(2, inner.toByteArray()).toByteArray();
      }
      case RemoteReadChildRequest child -> {
        ProtoWriter inner =
            new ProtoWriter().bytes(2, child.block().unsafeArray()).bytes(3, child.storageKey());
        child.keys().forEach(k -> inner.bytes(6, k));
        yield new ProtoWriter().bytes(4, inner.toByteArray()).toByteArray();
      }
    };
  }

  /**
   * Decodes a protobuf {@code Request}.
   *
   * @throws FrameException if it is malformed or holds no supported request
   */
  static LightRequest decode(byte[] bytes) {
    return Decoding.protobuf(
        bytes,
        "light Request",
        r -> {
          LightRequest request = null;
          for (int field; (field = r.next()) != 0; ) {
            switch (field) {
              case 1 -> request = call(r.bytes());
              case 2 -> request = read(r.bytes());
              case 4 -> request = readChild(r.bytes());
              default -> r.skip();
            }
          }
          if (request == null) {
            throw r.fail("no supported request (call, read or child read)");
          }
          return request;
        });
  }

  private static RemoteCallRequest call(Bytes bytes) {
    ProtoReader r = new ProtoReader(bytes.unsafeArray(), "RemoteCallRequest");
    Bytes block = Bytes.EMPTY;
    String method = "";
    Bytes data = Bytes.EMPTY;
    for (int field; (field = r.next()) != 0; ) {
      switch (field) {
        case 2 -> block = r.bytes();
        case 3 -> method = r.string();
        case 4 -> data = r.bytes();
        default -> r.skip();
      }
    }
    return new RemoteCallRequest(blockHash(r, block), method, data);
  }

  private static RemoteReadRequest read(Bytes bytes) {
    ProtoReader r = new ProtoReader(bytes.unsafeArray(), "RemoteReadRequest");
    Bytes block = Bytes.EMPTY;
    List<Bytes> keys = new ArrayList<>();
    for (int field; (field = r.next()) != 0; ) {
      switch (field) {
        case 2 -> block = r.bytes();
        case 3 -> keys.add(r.bytes());
        default -> r.skip();
      }
    }
    return new RemoteReadRequest(blockHash(r, block), keys);
  }

  private static RemoteReadChildRequest readChild(Bytes bytes) {
    ProtoReader r = new ProtoReader(bytes.unsafeArray(), "RemoteReadChildRequest");
    Bytes block = Bytes.EMPTY;
    Bytes storageKey = Bytes.EMPTY;
    List<Bytes> keys = new ArrayList<>();
    for (int field; (field = r.next()) != 0; ) {
      switch (field) {
        case 2 -> block = r.bytes();
        case 3 -> storageKey = r.bytes();
        case 6 -> keys.add(r.bytes());
        default -> r.skip();
      }
    }
    return new RemoteReadChildRequest(blockHash(r, block), storageKey, keys);
  }

  private static Hash256 blockHash(ProtoReader r, Bytes block) {
    if (block.length() != Hash256.LENGTH) {
      throw r.fail("a block hash of " + block.length() + " bytes");
    }
    return Hash256.wrap(block.toArray());
  }
}
