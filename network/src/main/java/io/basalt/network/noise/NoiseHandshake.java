/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import com.google.protobuf.CodedInputStream;
import io.basalt.primitives.crypto.PeerId;
import io.basalt.primitives.crypto.ed25519.Ed25519;
import java.io.IOException;
import java.security.SecureRandom;
import java.util.Optional;

/**
 * libp2p's Noise handshake of one side: XX where the second and third messages carry the {@link
 * NoiseHandshakePayload} that proves the sender's peer id. The first message's payload is empty.
 * Only ed25519 identity keys are accepted (what Substrate and smoldot use).
 */
public final class NoiseHandshake {
  private static final int ED25519 = 1;

  private final NoiseXX noise;
  private final NoiseIdentity identity;
  private final PeerId expectedPeer;
  private final boolean initiator;
  private PeerId remotePeer;
  private int written;

  private NoiseHandshake(NoiseXX noise, NoiseIdentity identity, PeerId expectedPeer) {
    this.noise = noise;
    this.initiator = noise.isOurTurn();
    this.identity = identity;
    this.expectedPeer = expectedPeer;
  }

  /** The dialer's side; when {@code expectedPeer} is present the responder must prove it. */
  public static NoiseHandshake initiator(
      NoiseIdentity identity, Optional<PeerId> expectedPeer, SecureRandom random) {
    return new NoiseHandshake(
        new NoiseXX(
            true, identity.staticPrivateKey(), X25519.generatePrivateKey(random), new byte[0]),
        identity,
        expectedPeer.orElse(null));
  }

  /** The listener's side. */
  public static NoiseHandshake responder(NoiseIdentity identity, SecureRandom random) {
    return new NoiseHandshake(
        new NoiseXX(
            false, identity.staticPrivateKey(), X25519.generatePrivateKey(random), new byte[0]),
        identity,
        null);
  }

  /** Whether the next message is ours to write. */
  public boolean isOurTurn() {
    return !noise.isComplete() && noise.isOurTurn();
  }

  /** Whether all three messages were exchanged (and the peer authenticated). */
  public boolean isComplete() {
    return noise.isComplete();
  }

  /** Writes our next handshake message; the initiator's first one has an empty payload. */
  public byte[] writeMessage() {
    boolean first = written++ == 0 && initiator;
    return noise.writeMessage(first ? new byte[0] : identity.payload());
  }

  /**
   * Reads the peer's next handshake message; the one with its static key must carry a valid
   * identity payload.
   *
   * @throws NoiseException when the message fails to decrypt, the payload is malformed, the key is
   *     not ed25519, the signature is wrong, or the peer is not the one we dialed
   */
  public void readMessage(byte[] message) {
    byte[] payload = noise.readMessage(message);
    byte[] remoteStatic = noise.remoteStaticKey();
    if (remoteStatic != null && remotePeer == null) {
      remotePeer = authenticate(NoiseHandshakePayload.decode(payload), remoteStatic);
    }
  }

  private PeerId authenticate(NoiseHandshakePayload payload, byte[] remoteStatic) {
    byte[] encodedKey = payload.identityKey().toArray();
    byte[] publicKey = ed25519Key(encodedKey);
    byte[] signed = new byte[NoiseIdentity.SIGNATURE_PREFIX.length + remoteStatic.length];
    System.arraycopy(
        NoiseIdentity.SIGNATURE_PREFIX, 0, signed, 0, NoiseIdentity.SIGNATURE_PREFIX.length);
    System.arraycopy(
        remoteStatic, 0, signed, NoiseIdentity.SIGNATURE_PREFIX.length, remoteStatic.length);
    if (!Ed25519.verify(payload.identitySignature().toArray(), signed, publicKey)) {
      throw new NoiseException("the peer's signature of its Noise static key is invalid");
    }
    PeerId peer = PeerId.ofEncodedPublicKey(encodedKey);
    if (expectedPeer != null && !expectedPeer.equals(peer)) {
      throw new NoiseException("dialed peer " + expectedPeer + " but the handshake proved " + peer);
    }
    return peer;
  }

  /** The 32-byte ed25519 key inside a protobuf {@code PublicKey}. */
  private static byte[] ed25519Key(byte[] encodedKey) {
    CodedInputStream input = CodedInputStream.newInstance(encodedKey);
    int type = -1;
    byte[] data = null;
    try {
      while (true) {
        int tag = input.readTag();
        if (tag == 0) {
          break;
        }
        switch (tag) {
          case (1 << 3) -> type = input.readEnum();
          case (2 << 3) | 2 -> data = input.readByteArray();
          default -> {
            if (!input.skipField(tag)) {
              throw new NoiseException("the peer's identity key has an end-group tag");
            }
          }
        }
      }
    } catch (IOException e) {
      throw new NoiseException("the peer's identity key is not protobuf: " + e.getMessage(), e);
    }
    if (type != ED25519) {
      throw new NoiseException(
          "the peer's identity key has type " + type + "; only ed25519 (1) is supported");
    }
    if (data == null || data.length != Ed25519.PUBLIC_KEY_LENGTH) {
      throw new NoiseException(
          "the peer's ed25519 identity key has "
              + (data == null ? 0 : data.length)
              + " bytes, not 32");
    }
    return data;
  }

  /** The authenticated peer, once its identity payload was read. */
  public Optional<PeerId> remotePeer() {
    return Optional.ofNullable(remotePeer);
  }

  /** The transport ciphers; only once the handshake is complete. */
  NoiseXX.TransportCiphers split() {
    return noise.split();
  }
}
