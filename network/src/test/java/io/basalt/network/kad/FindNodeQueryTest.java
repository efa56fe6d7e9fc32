/* SPDX-License-Identifier: Apache-2.0 */
package io.basalt.network.kad;

import static org.assertj.core.api.Assertions.assertThat;

import io.basalt.network.multiaddr.Multiaddr;
import io.basalt.primitives.bytes.Bytes;
import io.basalt.primitives.crypto.PeerId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class FindNodeQueryTest {
  private final SplittableRandom random = new SplittableRandom(17);

  /** Built once: filling 500 routing tables is the slow part. */
  private static Network shared;

  private static synchronized Network sharedNetwork() {
    if (shared == null) {
      shared = new FindNodeQueryTest().network(500);
    }
    return shared;
  }

  private PeerId peer() {
    byte[] key = new byte[32];
    random.nextBytes(key);
    return PeerId.ofEd25519(Bytes.wrap(key));
  }

  private static Contact contact(PeerId peer) {
    return new Contact(peer, List.of(Multiaddr.parse("/ip4/8.8.8.8/tcp/30333")));
  }

  /** Peers, each with a routing table filled from all the others (k-buckets keep 20 each). */
  private record Network(List<PeerId> peers, Map<PeerId, RoutingTable> tables) {}

  private Network network(int size) {
    List<PeerId> peers = new ArrayList<>();
    for (int i = 0; i < size; i++) {
      peers.add(peer());
    }
    Map<PeerId, RoutingTable> tables = new HashMap<>();
    for (PeerId owner : peers) {
      RoutingTable table = new RoutingTable(owner);
      // A random order, so which peers a full bucket kept differs between tables.
      List<PeerId> shuffled = new ArrayList<>(peers);
      java.util.Collections.shuffle(shuffled, new java.util.Random(random.nextLong()));
      shuffled.forEach(p -> table.update(contact(p)));
      tables.put(owner, table);
    }
    return new Network(peers, tables);
  }

  /** Runs {@code query} against the network; {@code offline} peers never answer. */
  private static int run(FindNodeQuery query, Network network, Set<PeerId> offline) {
    int rounds = 0;
    while (!query.isFinished()) {
      List<Contact> batch = query.nextToQuery();
      assertThat(batch).as("a query that is not finished has something to ask").isNotEmpty();
      assertThat(query.inFlight()).isLessThanOrEqualTo(FindNodeQuery.ALPHA);
      for (Contact next : batch) {
        if (offline.contains(next.peer())) {
          query.onFailure(next.peer());
        } else {
          RoutingTable table = network.tables().get(next.peer());
          query.onResponse(next.peer(), table.closest(query.target(), RoutingTable.K));
        }
      }
      rounds++;
    }
    return rounds;
  }

  private static List<PeerId> trueClosest(
      Network network, RoutingKey target, PeerId local, Set<PeerId> offline) {
    return network.peers().stream()
        .filter(p -> !p.equals(local) && !offline.contains(p))
        .sorted(Comparator.comparing(p -> target.distance(RoutingKey.of(p))))
        .limit(RoutingTable.K)
        .toList();
  }

  @Test
  void shouldConvergeOnTheTwentyClosestPeersOfFiveHundred() {
    Network network = sharedNetwork();
    for (int trial = 0; trial < 10; trial++) {
      PeerId local = network.peers().get(trial);
      RoutingKey target = RoutingKey.of(peer());
      FindNodeQuery query =
          new FindNodeQuery(
              local, target, network.tables().get(local).closest(target, FindNodeQuery.ALPHA));

      run(query, network, Set.of());

      assertThat(query.result())
          .extracting(Contact::peer)
          .isEqualTo(trueClosest(network, target, local, Set.of()));
      assertThat(query.responses()).isLessThan(100);
    }
  }

  @Test
  void shouldRouteAroundPeersThatDoNotAnswer() {
    Network network = sharedNetwork();
    Set<PeerId> offline = new HashSet<>();
    for (PeerId peer : network.peers().subList(10, 500)) {
      if (random.nextInt(5) == 0) {
        offline.add(peer);
      }
    }
    PeerId local = network.peers().getFirst();
    RoutingKey target = RoutingKey.of(peer());
    FindNodeQuery query =
        new FindNodeQuery(local, target, network.tables().get(local).closest(target, 20));

    run(query, network, offline);

    // Responders name offline peers too, so the last online ones may never be mentioned; what
    // the query returns is still the closest online peers, in order, with no gap.
    List<PeerId> found = query.result().stream().map(Contact::peer).toList();
    assertThat(found).hasSizeGreaterThanOrEqualTo(15).doesNotContainAnyElementsOf(offline);
    assertThat(found)
        .isEqualTo(trueClosest(network, target, local, offline).subList(0, found.size()));
  }

  @Test
  void shouldFinishAtOnceWithoutSeedsAndIgnoreUnaskedAnswers() {
    PeerId local = peer();
    FindNodeQuery query = new FindNodeQuery(local, RoutingKey.of(peer()), List.of());

    assertThat(query.isFinished()).isTrue();
    assertThat(query.nextToQuery()).isEmpty();

    query.onResponse(peer(), List.of(contact(peer())));
    assertThat(query.result()).isEmpty();
  }

  @Test
  void shouldNeverAskMoreThanAlphaAtOnceNorItself() {
    PeerId local = peer();
    List<Contact> seeds = new ArrayList<>();
    seeds.add(contact(local));
    for (int i = 0; i < 10; i++) {
      seeds.add(contact(peer()));
    }
    FindNodeQuery query = new FindNodeQuery(local, RoutingKey.of(peer()), seeds);

    List<Contact> first = query.nextToQuery();
    assertThat(first).hasSize(3).extracting(Contact::peer).doesNotContain(local);
    assertThat(query.nextToQuery()).isEmpty();

    query.onFailure(first.getFirst().peer());
    assertThat(query.nextToQuery()).hasSize(1);
  }
}
