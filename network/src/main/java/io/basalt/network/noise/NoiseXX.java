/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Noise_XX_25519_ChaChaPoly_SHA256} handshake of one side, from the Noise spec (revision
 * 34): {@code -> e; <- e, ee, s, es; -> s, se}, then a split into two transport ciphers. Payloads
 * are opaque here; libp2p's identity payload is layered on by {@link NoiseHandshake}. Not
 * thread-safe.
 */
final class NoiseXX {
  private static final byte[] PROTOCOL_NAME =
      "Noise_XX_25519_ChaChaPoly_SHA256".getBytes(StandardCharsets.US_ASCII);
  private static final int HASH_LENGTH = 32;
  private static final int MESSAGES = 3;

  /** The two transport ciphers after the handshake. */
  record TransportCiphers(CipherState send, CipherState receive) {}

  private final boolean initiator;
  private final byte[] staticPrivate;
  private final byte[] staticPublic;
  private final byte[] ephemeralPrivate;
  private final byte[] ephemeralPublic;
  private byte[] remoteEphemeral;
  private byte[] remoteStatic;
  private byte[] chainingKey;
  private byte[] hash;
  private CipherState cipher;
  private int message;

  NoiseXX(boolean initiator, byte[] staticPrivate, byte[] ephemeralPrivate, byte[] prologue) {
    this.initiator = initiator;
    this.staticPrivate = staticPrivate.clone();
    this.staticPublic = X25519.publicKey(staticPrivate);
    this.ephemeralPrivate = ephemeralPrivate.clone();
    this.ephemeralPublic = X25519.publicKey(ephemeralPrivate);
    this.hash = Arrays.copyOf(PROTOCOL_NAME, HASH_LENGTH);
    this.chainingKey = hash.clone();
    mixHash(prologue);
  }

  /** Whether the next handshake message is ours to write. */
  boolean isOurTurn() {
    return (message % 2 == 0) == initiator;
  }

  /** Whether all three messages were exchanged. */
  boolean isComplete() {
    return message == MESSAGES;
  }

  /** The peer's static X25519 key, once its message carried it. */
  byte[] remoteStaticKey() {
    return remoteStatic == null ? null : remoteStatic.clone();
  }

  /** Our static X25519 public key. */
  byte[] staticPublicKey() {
    return staticPublic.clone();
  }

  /** The handshake hash h, which identifies the session once the handshake is complete. */
  byte[] handshakeHash() {
    return hash.clone();
  }

  /** Writes our next handshake message carrying {@code payload}. */
  byte[] writeMessage(byte[] payload) {
    if (isComplete() || !isOurTurn()) {
      throw new IllegalStateException("it is not our turn to write handshake message " + message);
    }
    byte[] out =
        switch (message) {
          case 0 -> {
            mixHash(ephemeralPublic);
            yield concat(ephemeralPublic, encryptAndHash(payload));
          }
          case 1 -> {
            mixHash(ephemeralPublic);
            mixKey(X25519.dh(ephemeralPrivate, remoteEphemeral));
            byte[] encryptedStatic = encryptAndHash(staticPublic);
            mixKey(X25519.dh(staticPrivate, remoteEphemeral));
            yield concat(concat(ephemeralPublic, encryptedStatic), encryptAndHash(payload));
          }
          default -> {
            byte[] encryptedStatic = encryptAndHash(staticPublic);
            mixKey(X25519.dh(staticPrivate, remoteEphemeral));
            yield concat(encryptedStatic, encryptAndHash(payload));
          }
        };
    message++;
    return out;
  }

  /**
   * Reads the peer's next handshake message and returns its payload.
   *
   * @throws NoiseException when the message is too short or fails authentication
   */
  byte[] readMessage(byte[] in) {
    if (isComplete() || isOurTurn()) {
      throw new IllegalStateException("it is not our turn to read handshake message " + message);
    }
    int position = 0;
    if (message < 2) {
      require(in, X25519.KEY_LENGTH);
      remoteEphemeral = Arrays.copyOfRange(in, 0, X25519.KEY_LENGTH);
      position = X25519.KEY_LENGTH;
      mixHash(remoteEphemeral);
    }
    if (message == 1) {
      mixKey(X25519.dh(ephemeralPrivate, remoteEphemeral));
    }
    if (message >= 1) {
      int length = X25519.KEY_LENGTH + CipherState.TAG_LENGTH;
      require(in, position + length);
      remoteStatic = decryptAndHash(Arrays.copyOfRange(in, position, position + length));
      position += length;
      mixKey(X25519.dh(ephemeralPrivate, remoteStatic));
    }
    byte[] payload = decryptAndHash(Arrays.copyOfRange(in, position, in.length));
    message++;
    return payload;
  }

  /** Splits the final chaining key into the send and receive ciphers. */
  TransportCiphers split() {
    if (!isComplete()) {
      throw new IllegalStateException("the handshake is not complete");
    }
    byte[][] keys = hkdf(chainingKey, new byte[0]);
    CipherState first = new CipherState(keys[0]);
    CipherState second = new CipherState(keys[1]);
    return initiator ? new TransportCiphers(first, second) : new TransportCiphers(second, first);
  }

  private static void require(byte[] in, int length) {
    if (in.length < length) {
      throw new NoiseException(
          "a Noise handshake message of " + in.length + " bytes, at least " + length + " expected");
    }
  }

  private byte[] encryptAndHash(byte[] plaintext) {
    byte[] ciphertext = cipher == null ? plaintext.clone() : cipher.encrypt(hash, plaintext);
    mixHash(ciphertext);
    return ciphertext;
  }

  private byte[] decryptAndHash(byte[] ciphertext) {
    byte[] plaintext = cipher == null ? ciphertext.clone() : cipher.decrypt(hash, ciphertext);
    mixHash(ciphertext);
    return plaintext;
  }

  private void mixHash(byte[] data) {
    try {
      MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
      sha256.update(hash);
      sha256.update(data);
      hash = sha256.digest();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks SHA-256", e);
    }
  }

  private void mixKey(byte[] inputKeyMaterial) {
    byte[][] keys = hkdf(chainingKey, inputKeyMaterial);
    chainingKey = keys[0];
    cipher = new CipherState(keys[1]);
  }

  /** Noise's HKDF with two outputs. */
  private static byte[][] hkdf(byte[] chainingKey, byte[] inputKeyMaterial) {
    byte[] tempKey = hmac(chainingKey, inputKeyMaterial);
    byte[] first = hmac(tempKey, new byte[] {1});
    byte[] second = hmac(tempKey, concat(first, new byte[] {2}));
    return new byte[][] {first, second};
  }

  private static byte[] hmac(byte[] key, byte[] data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks HMAC-SHA256", e);
    }
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
