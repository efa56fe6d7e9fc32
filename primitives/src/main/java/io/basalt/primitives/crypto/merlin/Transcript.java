/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.merlin;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/**
 * A Merlin transcript (merlin.cool, v1.0): a STROBE-128 duplex that absorbs labelled messages and
 * squeezes labelled challenges, giving Fiat–Shamir transforms domain separation for free.
 * Schnorrkel (sr25519) runs every signature, derivation and VRF through one.
 *
 * <p>Mutable and not thread-safe; {@link #copy()} forks it, which is how a signing context is
 * reused for many messages.
 *
 * <pre>{@code
 * Transcript t = new Transcript("test protocol");
 * t.appendMessage("some label", "some data".getBytes(UTF_8));
 * byte[] challenge = t.challengeBytes("challenge", 32);
 * }</pre>
 */
public final class Transcript {
  private static final byte[] MERLIN_PROTOCOL = ascii("Merlin v1.0");

  private final Strobe128 strobe;

  /** Starts a transcript for the given application label. */
  public Transcript(String label) {
    this(ascii(label));
  }

  /** Starts a transcript for the given application label bytes. */
  public Transcript(byte[] label) {
    this.strobe = Strobe128.create(MERLIN_PROTOCOL);
    appendMessage(ascii("dom-sep"), label);
  }

  private Transcript(Strobe128 strobe) {
    this.strobe = strobe;
  }

  /** An independent transcript with the same history. */
  public Transcript copy() {
    return new Transcript(strobe.copy());
  }

  public void appendMessage(String label, byte[] message) {
    appendMessage(ascii(label), message);
  }

  public void appendMessage(byte[] label, byte[] message) {
    strobe.metaAd(label, false);
    strobe.metaAd(lengthPrefix(message.length), true);
    strobe.ad(message, false);
  }

  /** Appends a 64-bit value little-endian, as {@code Transcript::append_u64}. */
  public void appendU64(String label, long value) {
    byte[] le = new byte[8];
    for (int i = 0; i < 8; i++) {
      le[i] = (byte) (value >>> (8 * i));
    }
    appendMessage(label, le);
  }

  public byte[] challengeBytes(String label, int length) {
    return challengeBytes(ascii(label), length);
  }

  public byte[] challengeBytes(byte[] label, int length) {
    byte[] out = new byte[length];
    strobe.metaAd(label, false);
    strobe.metaAd(lengthPrefix(length), true);
    strobe.prf(out, false);
    return out;
  }

  /**
   * Starts a witness RNG: a fork of this transcript that is then rekeyed with secret witness bytes
   * and finally with fresh randomness, so nonces depend on the transcript, the secret and the RNG.
   */
  public TranscriptRngBuilder buildRng() {
    return new TranscriptRngBuilder(strobe.copy());
  }

  static byte[] lengthPrefix(int length) {
    return new byte[] {
      (byte) length, (byte) (length >>> 8), (byte) (length >>> 16), (byte) (length >>> 24)
    };
  }

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** Step one of a witness RNG; see {@link Transcript#buildRng()}. */
  public static final class TranscriptRngBuilder {
    private final Strobe128 strobe;

    private TranscriptRngBuilder(Strobe128 strobe) {
      this.strobe = strobe;
    }

    /** Mixes in secret witness bytes (a key's nonce seed) under a label. */
    public TranscriptRngBuilder rekeyWithWitnessBytes(byte[] label, byte[] witness) {
      strobe.metaAd(label, false);
      strobe.metaAd(lengthPrefix(witness.length), true);
      strobe.key(witness, false);
      return this;
    }

    /** Keys the RNG with 32 bytes from the given source of randomness. */
    public TranscriptRng keyWith(SecureRandom random) {
      byte[] entropy = new byte[32];
      random.nextBytes(entropy);
      return keyWithEntropy(entropy);
    }

    /**
     * Keys the RNG with the given 32 bytes. Deterministic: for tests and known-answer vectors only.
     */
    public TranscriptRng keyWithEntropy(byte[] entropy) {
      strobe.metaAd(ascii("rng"), false);
      strobe.key(entropy, false);
      return new TranscriptRng(strobe);
    }
  }

  /** The keyed witness RNG: fills buffers from the forked transcript state. */
  public static final class TranscriptRng {
    private final Strobe128 strobe;

    private TranscriptRng(Strobe128 strobe) {
      this.strobe = strobe;
    }

    public void fillBytes(byte[] out) {
      strobe.metaAd(lengthPrefix(out.length), false);
      strobe.prf(out, false);
    }

    /** Wipes the RNG state once the witness has been drawn. */
    public void destroy() {
      strobe.destroy();
    }
  }
}
