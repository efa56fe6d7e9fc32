/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.primitives.crypto.merlin;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.primitives.bytes.Hex;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** Known answers published with merlin (Rust) and its Go port. */
class TranscriptTest {
  private static byte[] ascii(String s) {
    return s.getBytes(StandardCharsets.US_ASCII);
  }

  @Test
  void simpleTranscriptMatchesMerlinVector() {
    Transcript t = new Transcript("test protocol");
    t.appendMessage("some label", ascii("some data"));
    assertThat(Hex.encodeBare(t.challengeBytes("challenge", 32)))
        .isEqualTo("d5a21972d0d5fe320c0d263fac7fffb8145aa640af6e9bca177c03c7efcf0615");
  }

  @Test
  void complexTranscriptCrossesManyPermutationBoundaries() {
    Transcript t = new Transcript("test protocol");
    t.appendMessage("step1", ascii("some data"));
    byte[] data = new byte[1024];
    Arrays.fill(data, (byte) 0x63);
    byte[] challenge = new byte[0];
    for (int i = 0; i < 32; i++) {
      challenge = t.challengeBytes("challenge", 32);
      t.appendMessage("bigdata", data);
      t.appendMessage("challengedata", challenge);
    }
    assertThat(Hex.encodeBare(challenge))
        .isEqualTo("a8c933f54fae76e3f9bea93648c1308e7dfa2152dd51674ff3ca438351cf003c");
  }

  @Test
  void copiesAreIndependent() {
    Transcript a = new Transcript("p");
    Transcript b = a.copy();
    a.appendMessage("l", ascii("x"));
    b.appendMessage("l", ascii("x"));
    assertThat(a.challengeBytes("c", 16)).isEqualTo(b.challengeBytes("c", 16));
    a.appendMessage("l", ascii("y"));
    assertThat(a.challengeBytes("c", 16)).isNotEqualTo(b.challengeBytes("c", 16));
  }

  @Test
  void witnessRngDependsOnWitnessAndEntropy() {
    Transcript t = new Transcript("p");
    byte[] entropy = new byte[32];
    byte[] one = new byte[32];
    t.buildRng()
        .rekeyWithWitnessBytes(ascii("w"), ascii("secret"))
        .keyWithEntropy(entropy)
        .fillBytes(one);
    byte[] same = new byte[32];
    t.buildRng()
        .rekeyWithWitnessBytes(ascii("w"), ascii("secret"))
        .keyWithEntropy(entropy)
        .fillBytes(same);
    byte[] other = new byte[32];
    t.buildRng()
        .rekeyWithWitnessBytes(ascii("w"), ascii("secreT"))
        .keyWithEntropy(entropy)
        .fillBytes(other);
    assertThat(one).isEqualTo(same).isNotEqualTo(other);
  }
}
