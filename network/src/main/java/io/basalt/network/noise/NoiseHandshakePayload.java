/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import com.google.protobuf.CodedInputStream;
import com.google.protobuf.CodedOutputStream;
import com.google.protobuf.InvalidProtocolBufferException;
import io.basalt.primitives.bytes.Bytes;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * libp2p's Noise handshake payload, protobuf {@code NoiseHandshakePayload{bytes identity_key = 1;
 * bytes identity_sig = 2; NoiseExtensions extensions = 4}}: the protobuf-encoded identity key and
 * its signature over {@code "noise-libp2p-static-key:" || static X25519 key}. Extensions are
 * skipped when read and never written.
 */
public record NoiseHandshakePayload(Bytes identityKey, Bytes identitySignature) {
  /** The longest payload we parse; real ones are about 110 bytes. */
  static final int MAX_LENGTH = 8192;

  private static final int IDENTITY_KEY = 1;
  private static final int IDENTITY_SIG = 2;

  /** The protobuf encoding. */
  public byte[] encode() {
    byte[] key = identityKey.toArray();
    byte[] signature = identitySignature.toArray();
    byte[] out =
        new byte
            [CodedOutputStream.computeByteArraySize(IDENTITY_KEY, key)
                + CodedOutputStream.computeByteArraySize(IDENTITY_SIG, signature)];
    CodedOutputStream output = CodedOutputStream.newInstance(out);
    try {
      output.writeByteArray(IDENTITY_KEY, key);
      output.writeByteArray(IDENTITY_SIG, signature);
      output.checkNoSpaceLeft();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /**
   * Parses the protobuf encoding; unknown fields are skipped, the last occurrence of a field wins.
   *
   * @throws NoiseException when it is not valid protobuf, too long, or lacks the key or signature
   */
  public static NoiseHandshakePayload decode(byte[] bytes) {
    if (bytes.length > MAX_LENGTH) {
      throw new NoiseException(
          "a Noise handshake payload of " + bytes.length + " bytes (at most " + MAX_LENGTH + ")");
    }
    CodedInputStream input = CodedInputStream.newInstance(bytes);
    byte[] key = null;
    byte[] signature = null;
    try {
      while (true) {
        int tag = input.readTag();
        if (tag == 0) {
          break;
        }
        switch (tag) {
          case (IDENTITY_KEY << 3) | 2 -> key = input.readByteArray();
          case (IDENTITY_SIG << 3) | 2 -> signature = input.readByteArray();
          default -> {
            if (!input.skipField(tag)) {
              throw new NoiseException("a Noise handshake payload has an end-group tag");
            }
          }
        }
      }
    } catch (InvalidProtocolBufferException e) {
      throw new NoiseException("a Noise handshake payload is not protobuf: " + e.getMessage(), e);
    } catch (IOException e) {
      throw new NoiseException("a Noise handshake payload could not be read: " + e.getMessage(), e);
    }
    if (key == null || signature == null) {
      throw new NoiseException("a Noise handshake payload lacks the identity key or signature");
    }
    return new NoiseHandshakePayload(Bytes.wrap(key), Bytes.wrap(signature));
  }
}
