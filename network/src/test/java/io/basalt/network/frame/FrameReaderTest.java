/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.frame;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.basalt.testsupport.RandomCases;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FrameReaderTest {
  @Test
  void shouldSplitFramesFedInArbitraryChunks() {
    RandomCases.forAll(
        300,
        r -> {
          List<byte[]> frames = new ArrayList<>();
          int count = r.nextInt(0, 6);
          for (int i = 0; i < count; i++) {
            frames.add(RandomCases.bytes(r, 0, 300));
          }
          return new Object[] {frames, r.nextLong()};
        },
        c -> {
          @SuppressWarnings("unchecked")
          List<byte[]> frames = (List<byte[]>) c[0];
          ByteArrayOutputStream wire = new ByteArrayOutputStream();
          frames.forEach(f -> wire.writeBytes(FrameReader.encode(f)));
          byte[] bytes = wire.toByteArray();
          SplittableRandom chunks = new SplittableRandom((Long) c[1]);
          FrameReader reader = new FrameReader(300);
          List<byte[]> out = new ArrayList<>();
          int at = 0;
          while (at < bytes.length) {
            int next = Math.min(bytes.length, at + chunks.nextInt(1, 40));
            out.addAll(reader.feed(Arrays.copyOfRange(bytes, at, next)));
            at = next;
          }
          assertThat(out).hasSameSizeAs(frames);
          for (int i = 0; i < frames.size(); i++) {
            assertThat(out.get(i)).isEqualTo(frames.get(i));
          }
          assertThat(reader.buffered()).isZero();
        });
  }

  @Test
  void shouldRejectAFrameOverTheLimitFromItsPrefixAlone() {
    FrameReader reader = new FrameReader(100);

    assertThatThrownBy(() -> reader.feed(UnsignedVarint.encode(101)))
        .isInstanceOfSatisfying(
            FrameTooLargeException.class,
            e -> {
              assertThat(e.length()).isEqualTo(101);
              assertThat(e.limit()).isEqualTo(100);
            })
        .hasMessage("a frame of 101 bytes exceeds the limit of 100");
  }

  @Test
  void shouldRejectMalformedPrefixes() {
    assertThatThrownBy(() -> new FrameReader(100).feed(new byte[] {(byte) 0x81, 0x00}))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("minimal");
    byte[] endless = new byte[10];
    Arrays.fill(endless, (byte) 0xff);
    assertThatThrownBy(() -> new FrameReader(100).feed(endless))
        .isInstanceOf(FrameException.class)
        .hasMessageContaining("longer than 9");
  }

  @Test
  void shouldHoldBackFramesAfterTheFirstWhenAskedForOne() {
    FrameReader reader = new FrameReader(4);
    byte[] both = new byte[] {2, 'h', 's', 7, 1, 2, 3, 4, 5, 6, 7};

    assertThat(reader.feedOne(both)).containsExactly(new byte[] {'h', 's'});
    reader.setMaxFrameSize(8);
    assertThat(reader.poll()).containsExactly(new byte[] {1, 2, 3, 4, 5, 6, 7});
    assertThat(reader.poll()).isEmpty();
  }

  @Test
  void shouldOnlyEverReturnFramesOrThrowFrameExceptionOnRandomBytes() {
    RandomCases.forAll(
        2000,
        r -> new Object[] {RandomCases.bytes(r, 0, 64), r.nextInt(0, 40), r.nextLong()},
        c -> {
          byte[] bytes = (byte[]) c[0];
          FrameReader reader = new FrameReader((Integer) c[1]);
          SplittableRandom chunks = new SplittableRandom((Long) c[2]);
          int at = 0;
          try {
            while (at < bytes.length) {
              int next = Math.min(bytes.length, at + chunks.nextInt(1, 9));
              for (byte[] frame : reader.feed(Arrays.copyOfRange(bytes, at, next))) {
                assertThat(frame.length).isLessThanOrEqualTo((Integer) c[1]);
              }
              at = next;
            }
            assertThat(reader.buffered()).isLessThanOrEqualTo(bytes.length);
          } catch (FrameException expected) {
            // the declared failure
          }
        });
  }
}
