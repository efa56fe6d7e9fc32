/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.kad;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class RoutingTableTest {
  private final SplittableRandom random = new SplittableRandom(5);

  private PeerId peer() {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return PeerId.ofEd25519(Bytes.wrap(key));
  }

  private static Contact contact(PeerId peer) {
    return new Contact(peer, List.of(Multiaddr.parse("/ip4/8.8.8.8/tcp/30333")));
  }

  private static RoutingKey key(int firstByte, int lastByte) {
    byte[] bytes = new byte[32];
    bytes[0] = (byte) firstByte;
    bytes[31] = (byte) lastByte;
    return new RoutingKey(Bytes.wrap(bytes));
  }

  @Test
  void shouldHashThePeerIdMultihashIntoItsKey() {
    PeerId zeroKey = PeerId.ofEd25519(Bytes.wrap(new byte[32]));

    assertThat(RoutingKey.of(zeroKey).bytes().toHex())
        .isEqualTo("0xb95c291961b7a0e273f55eb177dcb70ecb94ddcb59f6c1dbabf39d0ac1ae6a4c");
  }

  @Test
  void shouldMeasureXorDistanceAndBucket() {
    RoutingKey zero = key(0, 0);

    assertThat(zero.distance(key(0, 5))).isEqualTo(BigInteger.valueOf(5));
    assertThat(key(0, 6).distance(key(0, 5))).isEqualTo(BigInteger.valueOf(3));
    assertThat(zero.distance(key(0x80, 0))).isEqualTo(BigInteger.ONE.shiftLeft(255));
    assertThat(zero.bucketIndex(zero)).isEqualTo(-1);
    assertThat(zero.bucketIndex(key(0, 1))).isZero();
    assertThat(zero.bucketIndex(key(0, 2))).isEqualTo(1);
    assertThat(zero.bucketIndex(key(0, 0xff))).isEqualTo(7);
    assertThat(zero.bucketIndex(key(0x01, 0))).isEqualTo(248);
    assertThat(zero.bucketIndex(key(0x80, 0))).isEqualTo(255);
    assertThat(zero.bucketIndex(key(0xff, 0xff))).isEqualTo(255);
  }

  @Test
  void shouldPlaceEachContactInTheBucketOfItsDistance() {
    PeerId local = peer();
    RoutingTable table = new RoutingTable(local);
    List<PeerId> peers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      PeerId peer = peer();
      if (table.update(contact(peer)) == RoutingTable.Update.INSERTED) {
        peers.add(peer);
      }
    }

    for (PeerId peer : peers) {
      int expected = table.localKey().distance(RoutingKey.of(peer)).bitLength() - 1;
      assertThat(table.bucket(expected)).extracting(Contact::peer).contains(peer);
    }
    assertThat(table.size()).isEqualTo(peers.size());
    assertThat(table.bucket(255)).hasSize(RoutingTable.K);
    assertThat(table.update(contact(local))).isEqualTo(RoutingTable.Update.SELF);
  }

  @Test
  void shouldKeepAFullBucketAndOfferItsLeastRecentlySeenContact() {
    PeerId local = peer();
    RoutingTable table = new RoutingTable(local, 2);
    RoutingKey localKey = RoutingKey.of(local);
    List<PeerId> far = new ArrayList<>();
    while (far.size() < 3) {
      PeerId peer = peer();
      if (localKey.bucketIndex(RoutingKey.of(peer)) == 255) {
        far.add(peer);
      }
    }

    assertThat(table.update(contact(far.get(0)))).isEqualTo(RoutingTable.Update.INSERTED);
    assertThat(table.update(contact(far.get(1)))).isEqualTo(RoutingTable.Update.INSERTED);
    assertThat(table.update(contact(far.get(2)))).isEqualTo(RoutingTable.Update.BUCKET_FULL);
    assertThat(table.leastRecentlySeen(far.get(2))).map(Contact::peer).contains(far.get(0));

    // Seeing the oldest again makes the other one the eviction candidate.
    Contact moved = new Contact(far.get(0), List.of(Multiaddr.parse("/ip4/1.1.1.1/tcp/1")));
    assertThat(table.update(moved)).isEqualTo(RoutingTable.Update.UPDATED);
    assertThat(table.leastRecentlySeen(far.get(2))).map(Contact::peer).contains(far.get(1));
    assertThat(table.get(far.get(0)).orElseThrow().addresses()).hasSize(2);

    assertThat(table.remove(far.get(1))).isTrue();
    assertThat(table.update(contact(far.get(2)))).isEqualTo(RoutingTable.Update.INSERTED);
    assertThat(table.bucket(255)).extracting(Contact::peer).containsExactly(far.get(0), far.get(2));
  }

  @Test
  void shouldListTheClosestContactsClosestFirst() {
    RoutingTable table = new RoutingTable(peer(), 200);
    List<PeerId> peers = new ArrayList<>();
    for (int i = 0; i < 300; i++) {
      PeerId peer = peer();
      peers.add(peer);
      table.update(contact(peer));
    }
    RoutingKey target = RoutingKey.of(peer());

    List<PeerId> expected =
        peers.stream()
            .sorted(Comparator.comparing(p -> target.distance(RoutingKey.of(p))))
            .limit(25)
            .toList();

    assertThat(table.closest(target, 25)).extracting(Contact::peer).isEqualTo(expected);
  }
}
