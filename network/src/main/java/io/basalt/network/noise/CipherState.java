/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.noise;

import io.netty.buffer.ByteBuf;
import java.nio.ByteBuffer;
import java.security.GeneralSecurityException;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * A Noise CipherState for ChaChaPoly: a key and a 64-bit nonce counter; the 96-bit nonce is four
 * zero bytes and the counter in little-endian. One {@link Cipher} is reused for every message. Not
 * thread-safe.
 */
final class CipherState {
  static final int TAG_LENGTH = 16;

  private final SecretKeySpec key;
  private final Cipher cipher;
  private final byte[] nonceBytes = new byte[12];
  private long nonce;

  CipherState(byte[] key) {
    this.key = new SecretKeySpec(key, "ChaCha20");
    try {
      this.cipher = Cipher.getInstance("ChaCha20-Poly1305");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("the JDK lacks ChaCha20-Poly1305", e);
    }
  }

  private void init(int mode, byte[] ad) throws GeneralSecurityException {
    if (nonce == -1L) {
      throw new NoiseException("the Noise nonce is exhausted");
    }
    long n = nonce++;
    for (int i = 0; i < 8; i++) {
      nonceBytes[4 + i] = (byte) (n >>> (8 * i));
    }
    cipher.init(mode, key, new IvParameterSpec(nonceBytes));
    if (ad != null && ad.length > 0) {
      cipher.updateAAD(ad);
    }
  }

  /** Encrypts {@code plaintext} with associated data {@code ad}. */
  byte[] encrypt(byte[] ad, byte[] plaintext) {
    try {
      init(Cipher.ENCRYPT_MODE, ad);
      return cipher.doFinal(plaintext);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 failed to encrypt", e);
    }
  }

  /**
   * Decrypts {@code ciphertext}.
   *
   * @throws NoiseException when it fails authentication
   */
  byte[] decrypt(byte[] ad, byte[] ciphertext) {
    if (ciphertext.length < TAG_LENGTH) {
      throw new NoiseException("a Noise ciphertext of " + ciphertext.length + " bytes has no tag");
    }
    try {
      init(Cipher.DECRYPT_MODE, ad);
      return cipher.doFinal(ciphertext);
    } catch (AEADBadTagException e) {
      throw new NoiseException("a Noise message failed authentication", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 failed to decrypt", e);
    }
  }

  /** Encrypts the readable bytes of {@code plaintext} into {@code out}, consuming them. */
  void encrypt(ByteBuf plaintext, ByteBuf out) {
    int length = plaintext.readableBytes();
    out.ensureWritable(length + TAG_LENGTH);
    ByteBuffer target = out.nioBuffer(out.writerIndex(), length + TAG_LENGTH);
    try {
      init(Cipher.ENCRYPT_MODE, null);
      int written = 0;
      if (plaintext.nioBufferCount() == 1) {
        written = cipher.doFinal(plaintext.nioBuffer(), target);
      } else {
        // A composite of coalesced writes: encrypt its parts in place instead of copying them.
        for (ByteBuffer part : plaintext.nioBuffers()) {
          written += cipher.update(part, target);
        }
        written += cipher.doFinal(ByteBuffer.allocate(0), target);
      }
      out.writerIndex(out.writerIndex() + written);
      plaintext.skipBytes(length);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 failed to encrypt", e);
    }
  }

  /**
   * Decrypts {@code length} bytes at the reader index of {@code ciphertext} into {@code out},
   * consuming them.
   *
   * @throws NoiseException when they fail authentication
   */
  void decrypt(ByteBuf ciphertext, int length, ByteBuf out) {
    if (length < TAG_LENGTH) {
      throw new NoiseException("a Noise frame of " + length + " bytes has no tag");
    }
    out.ensureWritable(length - TAG_LENGTH);
    ByteBuffer in = ciphertext.nioBuffer(ciphertext.readerIndex(), length);
    ByteBuffer target = out.nioBuffer(out.writerIndex(), length - TAG_LENGTH);
    try {
      init(Cipher.DECRYPT_MODE, null);
      int written = cipher.doFinal(in, target);
      out.writerIndex(out.writerIndex() + written);
      ciphertext.skipBytes(length);
    } catch (AEADBadTagException e) {
      throw new NoiseException("a Noise frame failed authentication", e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("ChaCha20-Poly1305 failed to decrypt", e);
    }
  }
}
