/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.sr25519;

import io.basalt.primitives.crypto.curve25519.Scalar;
import io.basalt.primitives.crypto.merlin.Transcript;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;

/** Schnorrkel's {@code SigningTranscript} helpers over a Merlin transcript. */
final class SchnorrkelTranscripts {
  private SchnorrkelTranscripts() {}

  static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.UTF_8);
  }

  /** {@code SigningContext::new(context).bytes(message)}. */
  static Transcript signing(byte[] context, byte[] message) {
    Transcript t = new Transcript("SigningContext");
    t.appendMessage("", context);
    t.appendMessage("sign-bytes", message);
    return t;
  }

  static void protoName(Transcript t, String name) {
    t.appendMessage("proto-name", ascii(name));
  }

  static Scalar challengeScalar(Transcript t, String label) {
    return Scalar.fromBytesModOrderWide(t.challengeBytes(label, 64));
  }

  /** Witness bytes: a fork of the transcript rekeyed with each nonce seed, then with randomness. */
  static byte[] witnessBytes(
      Transcript t, String label, int length, SecureRandom random, byte[]... nonceSeeds) {
    Transcript.TranscriptRngBuilder builder = t.buildRng();
    for (byte[] seed : nonceSeeds) {
      builder = builder.rekeyWithWitnessBytes(ascii(label), seed);
    }
    Transcript.TranscriptRng rng = builder.keyWith(random);
    byte[] out = new byte[length];
    rng.fillBytes(out);
    rng.destroy();
    return out;
  }

  static Scalar witnessScalar(Transcript t, String label, SecureRandom random, byte[]... seeds) {
    byte[] wide = witnessBytes(t, label, 64, random, seeds);
    Scalar s = Scalar.fromBytesModOrderWide(wide);
    java.util.Arrays.fill(wide, (byte) 0);
    return s;
  }
}
