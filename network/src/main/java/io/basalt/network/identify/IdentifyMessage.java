/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.identify;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import io.basalt.network.frame.FrameException;
import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.bytes.Bytes;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The identify message, protobuf {@code Identify{publicKey = 1; listenAddrs = 2 (binary
 * multiaddrs); protocols = 3; observedAddr = 4; protocolVersion = 5; agentVersion = 6}}. Addresses
 * we cannot decode are dropped when reading; other unknown fields are skipped.
 *
 * @param publicKey the protobuf-encoded libp2p public key
 */
public record IdentifyMessage(
    String protocolVersion,
    String agentVersion,
    Bytes publicKey,
    List<Multiaddr> listenAddresses,
    Optional<Multiaddr> observedAddress,
    List<String> protocols) {
  /** The longest message we read. */
  public static final int MAX_LENGTH = 64 * 1024;

  public IdentifyMessage {
    listenAddresses = List.copyOf(listenAddresses);
    protocols = List.copyOf(protocols);
  }

  /** The protobuf encoding. */
  public byte[] encode() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    CodedOutputStream out = CodedOutputStream.newInstance(bytes);
    try {
      out.writeByteArray(1, publicKey.toArray());
      for (Multiaddr address : listenAddresses) {
        out.writeByteArray(2, address.encode());
      }
      for (String protocol : protocols) {
        out.writeString(3, protocol);
      }
      if (observedAddress.isPresent()) {
        out.writeByteArray(4, observedAddress.get().encode());
      }
      out.writeString(5, protocolVersion);
      out.writeString(6, agentVersion);
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  /**
   * Parses the protobuf encoding.
   *
   * @throws FrameException when it is longer than {@link #MAX_LENGTH} or not valid protobuf
   */
  public static IdentifyMessage decode(byte[] bytes) {
    if (bytes.length > MAX_LENGTH) {
      throw new FrameException("an identify message of " + bytes.length + " bytes is too long");
    }
    CodedInputStream in = CodedInputStream.newInstance(bytes);
    String protocolVersion = "";
    String agentVersion = "";
    byte[] publicKey = new byte[0];
    List<Multiaddr> listenAddresses = new ArrayList<>();
    Optional<Multiaddr> observed = Optional.empty();
    List<String> protocols = new ArrayList<>();
    try {
      while (true) {
        int tag = in.readTag();
        if (tag == 0) {
          break;
        }
        switch (tag) {
          case (1 << 3) | 2 -> publicKey = in.readByteArray();
          case (2 << 3) | 2 -> decodeAddress(in.readByteArray()).ifPresent(listenAddresses::add);
          case (3 << 3) | 2 -> protocols.add(in.readStringRequireUtf8());
          case (4 << 3) | 2 -> observed = decodeAddress(in.readByteArray());
          case (5 << 3) | 2 -> protocolVersion = in.readStringRequireUtf8();
          case (6 << 3) | 2 -> agentVersion = in.readStringRequireUtf8();
          default -> {
            if (!in.skipField(tag)) {
              throw new FrameException("an identify message has an end-group tag");
            }
          }
        }
      }
    } catch (IOException e) {
      throw new FrameException("an identify message is not protobuf: " + e.getMessage(), e);
    }
    return new IdentifyMessage(
        protocolVersion, agentVersion, Bytes.wrap(publicKey), listenAddresses, observed, protocols);
  }

  private static Optional<Multiaddr> decodeAddress(byte[] bytes) {
    try {
      return Optional.of(Multiaddr.decode(bytes));
    } catch (RuntimeException e) {
      return Optional.empty();
    }
  }
}
